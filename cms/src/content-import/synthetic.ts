import type { ContentBundle, OrganisationFile, ProjectFile, SocialEnterpriseFile } from './content-files';

/**
 * Realistic synthetic content at scale, for benchmarks and scale tests: `projects` projects
 * with partners, funders, programmes and social enterprises in both languages. Deterministic
 * (same count, same content), and keyed `synthetic-*` so it never collides with real content.
 */
export function generateSynthetic(projects: number): ContentBundle {
  const random = mulberry32(projects);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], max: number) => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list))),
  ];

  const places = [
    ['გორი', 'Gori', 'შიდა ქართლი', 'Shida Kartli'],
    ['ქარელი', 'Kareli', 'შიდა ქართლი', 'Shida Kartli'],
    ['ხაშური', 'Khashuri', 'შიდა ქართლი', 'Shida Kartli'],
    ['კასპი', 'Kaspi', 'შიდა ქართლი', 'Shida Kartli'],
    ['ზუგდიდი', 'Zugdidi', 'სამეგრელო-ზემო სვანეთი', 'Samegrelo-Zemo Svaneti'],
    ['თელავი', 'Telavi', 'კახეთი', 'Kakheti'],
    ['ქუთაისი', 'Kutaisi', 'იმერეთი', 'Imereti'],
  ] as const;
  const topics = [
    ['სოციალური მეწარმეობა', 'social entrepreneurship'],
    ['ხანდაზმულთა მოვლა', 'care for older people'],
    ['სკოლამდელი განათლება', 'preschool education'],
    ['სოფლის მეურნეობა', 'agriculture'],
    ['ინკლუზიური განათლება', 'inclusive education'],
  ] as const;
  const kinds = ['ngo', 'research-centre', 'community-organisation', 'microfinance-organisation'] as const;
  const sectors = [
    'education',
    'early-childhood-education',
    'elderly-care',
    'repair-and-construction',
    'vehicle-repair',
    'agriculture',
  ] as const;

  const partners: OrganisationFile[] = Array.from({ length: Math.max(5, Math.ceil(projects / 5)) }, (_, i) => ({
    key: `synthetic-partner-${i + 1}`,
    kind: pick(kinds),
    country: random() < 0.8 ? 'GE' : 'UA',
    ka: {
      name: `სატესტო ორგანიზაცია ${i + 1}`,
      description: `ორგანიზაცია ${i + 1} მუშაობს ${pick(topics)[0]}ს მიმართულებით.`,
    },
    en: { name: `Test organisation ${i + 1}`, description: `Organisation ${i + 1} works on ${pick(topics)[1]}.` },
  }));
  const funders: OrganisationFile[] = Array.from({ length: Math.max(2, Math.ceil(projects / 20)) }, (_, i) => ({
    key: `synthetic-funder-${i + 1}`,
    kind: 'government-agency',
    ka: { name: `სატესტო დონორი ${i + 1}`, description: `დონორი ${i + 1}.` },
    en: { name: `Test funder ${i + 1}`, description: `Funder ${i + 1}.` },
  }));
  const programmes = Array.from({ length: Math.max(1, Math.ceil(projects / 50)) }, (_, i) => {
    const [ka, en] = pick(topics);
    return {
      key: `synthetic-programme-${i + 1}`,
      ka: {
        title: `პროგრამა ${i + 1}: ${ka}`,
        summary: `პროგრამა ${ka}ს მხარდასაჭერად.`,
        body: `${ka}.\n\nმეორე აბზაცი.`,
        approach: `- ნაბიჯი ერთი\n- ნაბიჯი ორი`,
      },
      en: {
        title: `Programme ${i + 1}: ${en}`,
        summary: `A programme supporting ${en}.`,
        body: `${en}.\n\nA second paragraph.`,
        approach: `- Step one\n- Step two`,
      },
    };
  });
  const projectDocs: ProjectFile[] = Array.from({ length: projects }, (_, i) => {
    const [kaTopic, enTopic] = pick(topics);
    const place = pick(places);
    const year = 2010 + Math.floor(random() * 15);
    const trained = 10 + Math.floor(random() * 290);
    return {
      key: `synthetic-project-${i + 1}`,
      programme: pick(programmes).key,
      phase: year + 3 < 2026 ? 'completed' : 'ongoing',
      startDate: String(year),
      endDate: String(year + 3),
      countries: random() < 0.2 ? ['GE', 'UA'] : ['GE'],
      funders: some(
        funders.map((f) => f.key),
        2,
      ),
      implementingPartners: some(
        partners.map((p) => p.key),
        3,
      ),
      associatedPartners:
        random() < 0.3
          ? some(
              partners.map((p) => p.key),
              1,
            )
          : [],
      subGrants:
        random() < 0.2
          ? [{ country: 'GE', count: 1 + Math.floor(random() * 20), maxAmount: 15000, currency: 'EUR', year }]
          : [],
      ka: {
        title: `პროექტი ${i + 1}: ${kaTopic} ${place[0]}ში`,
        summary: `პროექტი ${kaTopic}ს მხარდასაჭერად ${place[0]}ს მუნიციპალიტეტში.`,
        body: `პროექტი ${i + 1} ${year} წელს დაიწყო.\n\n## შედეგები\n\n- ${trained} ადამიანმა გაიარა ტრენინგი`,
        objectives: [`${kaTopic}ს განვითარება`, 'ადგილობრივი თანამშრომლობა'],
        results: [{ value: trained, label: 'ადამიანმა გაიარა ტრენინგი' }],
        places: [{ municipality: place[0], region: place[2] }],
      },
      en: {
        title: `Project ${i + 1}: ${enTopic} in ${place[1]}`,
        summary: `A project supporting ${enTopic} in ${place[1]} municipality.`,
        body: `Project ${i + 1} started in ${year}.\n\n## Results\n\n- ${trained} people trained`,
        objectives: [`Develop ${enTopic}`, 'Local cooperation'],
        results: [{ value: trained, label: 'people trained' }],
        places: [{ municipality: place[1], region: place[3] }],
      },
    };
  });
  const socialEnterprises: SocialEnterpriseFile[] = Array.from({ length: Math.ceil(projects / 2) }, (_, i) => {
    const place = pick(places);
    const served = 10 + Math.floor(random() * 90);
    return {
      key: `synthetic-enterprise-${i + 1}`,
      project: pick(projectDocs).key,
      operator: pick(partners).key,
      sector: pick(sectors),
      foundedYear: 2010 + Math.floor(random() * 15),
      jobsCreated: 1 + Math.floor(random() * 10),
      location: { latitude: 41.5 + random(), longitude: 42 + random() * 3 },
      ka: {
        name: `საწარმო ${i + 1}`,
        summary: `სოციალური საწარმო ${place[0]}ში.`,
        body: `საწარმო ემსახურება ${served} ბენეფიციარს.`,
        services: ['მომსახურება ერთი', 'მომსახურება ორი'],
        beneficiaries: [{ value: served, label: 'ბენეფიციარი' }],
        location: { municipality: place[0], region: place[2] },
      },
      en: {
        name: `Enterprise ${i + 1}`,
        summary: `A social enterprise in ${place[1]}.`,
        body: `The enterprise serves ${served} beneficiaries.`,
        services: ['Service one', 'Service two'],
        beneficiaries: [{ value: served, label: 'beneficiaries' }],
        location: { municipality: place[1], region: place[3] },
      },
    };
  });
  return { partners, funders, programmes, projects: projectDocs, socialEnterprises };
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
