/**
 * The labels and hints editors see above each field in the admin, in each interface language: one
 * place for a field's words. `applyEditorHints` (src/setup/editor-hints.ts) writes the English ones
 * into the Content Manager's view configuration; the admin (src/admin/app.tsx) turns the Georgian ones
 * into messages (ids `content-manager.content-types.<uid>.<field>` and
 * `content-manager.components.<uid>.<field>`, and `….hint` for hints, which
 * patches/@strapi__content-manager@5.54.0.patch makes translatable). The editor journeys
 * (web/test/journeys/) find fields by these labels in either language. Georgian follows
 * docs/editors/glossary.md. A new field needs an entry here in both languages: `test/admin-editors.test.ts`
 * fails for any attribute without one.
 *
 * No imports: the admin bundle, the server and the journeys all read this file.
 */
export type InterfaceLanguage = 'en' | 'ka';
/** [label, hint] per interface language. */
export type FieldText = Record<InterfaceLanguage, readonly [label: string, hint: string]>;

const SLUG: FieldText = {
  en: [
    'Slug (web address)',
    'Latin letters, digits and hyphens. Leave empty to make it from the title; Georgian is romanised.',
  ],
  ka: [
    'ვებმისამართი',
    'ლათინური ასოები, ციფრები და დეფისები. დატოვეთ ცარიელი და ის სათაურიდან შეიქმნება; ქართული ლათინური ასოებით გადაიწერება.',
  ],
};
const SUMMARY: FieldText = {
  en: ['Summary', 'One or two sentences for lists and search results (max. 400 characters).'],
  ka: ['მოკლე აღწერა', 'ერთი-ორი წინადადება სიებისა და ძიების შედეგებისთვის (მაქს. 400 სიმბოლო).'],
};
const SEO: FieldText = {
  en: ['Search and sharing', 'Optional: the title and description search engines and social networks show.'],
  ka: [
    'ძებნა და გაზიარება',
    'არასავალდებულო: სათაური და აღწერა, რომლებსაც საძიებო სისტემები და სოციალური ქსელები აჩვენებენ.',
  ],
};
const BODY: FieldText = {
  en: ['Text', 'The main text. Use headings and lists; add images with alternative text.'],
  ka: ['ტექსტი', 'ძირითადი ტექსტი. გამოიყენეთ სათაურები და სიები; სურათები დაამატეთ ალტერნატიული ტექსტით.'],
};

/** Partners and funders are both organisations: the same fields. */
const ORGANISATION = {
  name: {
    en: ['Name', 'Full name in this language, e.g. "Centre for Strategic Research and Development of Georgia".'],
    ka: [
      'სახელწოდება',
      'სრული სახელწოდება ამ ენაზე, მაგ. „საქართველოს სტრატეგიული კვლევებისა და განვითარების ცენტრი“.',
    ],
  },
  slug: SLUG,
  acronym: {
    en: ['Acronym', 'The same in every language, e.g. CSRDG. Leave empty if the organisation has none.'],
    ka: ['აბრევიატურა', 'ყველა ენაზე ერთნაირი, ლათინური ასოებით. დატოვეთ ცარიელი, თუ ორგანიზაციას არ აქვს.'],
  },
  kind: {
    en: ['Kind of organisation', 'Used to group organisations on the site.'],
    ka: ['ორგანიზაციის სახე', 'საიტზე ორგანიზაციების დასაჯგუფებლად.'],
  },
  country: {
    en: ['Country', 'Where the organisation is based.'],
    ka: ['ქვეყანა', 'სადაც ორგანიზაცია მდებარეობს.'],
  },
  website: {
    en: ['Website', 'Full address starting with https://'],
    ka: ['ვებსაიტი', 'სრული მისამართი, რომელიც იწყება https://-ით'],
  },
  logo: {
    en: ['Logo', 'The logo and its alternative text in this language.'],
    ka: ['ლოგო', 'ლოგო და მისი ალტერნატიული ტექსტი ამ ენაზე.'],
  },
  description: {
    en: ['About', 'What the organisation does and its role in our projects.'],
    ka: ['ორგანიზაციის შესახებ', 'რას აკეთებს ორგანიზაცია და რა როლი აქვს ჩვენს პროექტებში.'],
  },
  seo: SEO,
} satisfies Record<string, FieldText>;

export const TYPE_FIELDS = {
  'api::programme.programme': {
    title: {
      en: ['Title', 'The programme name as visitors see it.'],
      ka: ['სათაური', 'პროგრამის სახელწოდება, როგორც ვიზიტორები ხედავენ.'],
    },
    slug: SLUG,
    summary: SUMMARY,
    body: {
      en: ['Background', 'The situation the programme responds to.'],
      ka: ['კონტექსტი', 'ვითარება, რომელსაც პროგრამა პასუხობს.'],
    },
    approach: {
      en: ['Our approach', 'How ASB works in this programme.'],
      ka: ['ჩვენი მიდგომა', 'როგორ ვმუშაობთ ამ პროგრამაში.'],
    },
    projects: {
      en: ['Projects', 'Projects of this programme. Set once: every language shows the same links.'],
      ka: ['პროექტები', 'ამ პროგრამის პროექტები. ერთხელ ივსება: ყველა ენა ერთსა და იმავე ბმულებს აჩვენებს.'],
    },
    seo: SEO,
  },
  'api::project.project': {
    title: {
      en: ['Title', 'The project name as visitors see it.'],
      ka: ['სათაური', 'პროექტის სახელწოდება, როგორც ვიზიტორები ხედავენ.'],
    },
    slug: SLUG,
    summary: SUMMARY,
    image: {
      en: ['Main photo', 'Shown at the top of the project page, with alternative text in this language.'],
      ka: ['მთავარი ფოტო', 'ჩანს პროექტის გვერდის თავში, ალტერნატიული ტექსტით ამ ენაზე.'],
    },
    body: BODY,
    objectives: { en: ['Objectives', 'One item per objective.'], ka: ['მიზნები', 'თითო ელემენტი — თითო მიზანი.'] },
    results: {
      en: [
        'Results (figures)',
        'Each result as a number and what it counts, e.g. 95 / potential social entrepreneurs trained. Use "baseline" for growth (from 20 to 60). The home page adds these up.',
      ],
      ka: [
        'შედეგები (ციფრებში)',
        'თითო შედეგი — რიცხვი და რას ითვლის, მაგ. 95 / მომზადებული პოტენციური სოციალური მეწარმე. ზრდისთვის შეავსეთ „საწყისი მაჩვენებელი“ (20-დან 60-მდე). მთავარი გვერდი ამ ციფრებს აჯამებს.',
      ],
    },
    programme: {
      en: ['Programme', 'Set once: every language shows the same link.'],
      ka: ['პროგრამა', 'ერთხელ ივსება: ყველა ენა ერთსა და იმავე ბმულს აჩვენებს.'],
    },
    funders: {
      en: ['Funders', 'Who funds the project. Set once for all languages.'],
      ka: ['დონორები', 'ვინ აფინანსებს პროექტს. ერთხელ ივსება ყველა ენისთვის.'],
    },
    implementingPartners: {
      en: [
        'Implementing partners',
        'Organisations carrying out the project with ASB (not ASB itself). Set once for all languages.',
      ],
      ka: [
        'განმახორციელებელი პარტნიორები',
        'ორგანიზაციები, რომლებიც პროექტს ჩვენთან ერთად ახორციელებენ (ჩვენი ორგანიზაციის გარდა). ერთხელ ივსება ყველა ენისთვის.',
      ],
    },
    associatedPartners: {
      en: ['Associated partners', 'Organisations supporting the project without implementing it.'],
      ka: ['ასოცირებული პარტნიორები', 'ორგანიზაციები, რომლებიც პროექტს მხარს უჭერენ, მაგრამ არ ახორციელებენ.'],
    },
    socialEnterprises: {
      en: ['Social enterprises', 'Enterprises founded or supported by this project.'],
      ka: ['სოციალური საწარმოები', 'საწარმოები, რომლებიც ამ პროექტმა დააარსა ან რომლებსაც მხარს უჭერს.'],
    },
    countries: {
      en: ['Countries', 'Countries where the project works.'],
      ka: ['ქვეყნები', 'ქვეყნები, სადაც პროექტი მუშაობს.'],
    },
    places: {
      en: ['Places', 'Villages, settlements and municipalities, in this language.'],
      ka: ['ადგილები', 'სოფლები, დასახლებები და მუნიციპალიტეტები, ამ ენაზე.'],
    },
    startDate: {
      en: ['Start', 'Year (2016), month (2016-03) or day (2016-03-01).'],
      ka: ['დაწყება', 'წელი (2016), თვე (2016-03) ან დღე (2016-03-01).'],
    },
    endDate: {
      en: ['End', 'Year, month or day; leave empty if open.'],
      ka: ['დასრულება', 'წელი, თვე ან დღე; დატოვეთ ცარიელი, თუ ჯერ უცნობია.'],
    },
    phase: {
      en: [
        'Phase',
        'Where the project stands: planned (not started yet), ongoing or completed. The site lists ongoing and planned projects as current.',
      ],
      ka: [
        'ეტაპი',
        'სად დგას პროექტი: დაგეგმილი (ჯერ არ დაწყებულა), მიმდინარე ან დასრულებული. საიტი მიმდინარე და დაგეგმილ პროექტებს აქტუალურად აჩვენებს.',
      ],
    },
    subGrants: {
      en: ['Sub-grants', 'Grants passed on to other organisations: country, how many, maximum amount, currency, year.'],
      ka: [
        'ქვეგრანტები',
        'სხვა ორგანიზაციებისთვის გადაცემული გრანტები: ქვეყანა, რაოდენობა, მაქსიმალური თანხა, ვალუტა, წელი.',
      ],
    },
    seo: SEO,
  },
  'api::social-enterprise.social-enterprise': {
    name: {
      en: ['Name', 'The enterprise name in this language.'],
      ka: ['სახელწოდება', 'საწარმოს სახელწოდება ამ ენაზე.'],
    },
    slug: SLUG,
    summary: {
      en: ['Summary', 'One or two sentences for lists and search results.'],
      ka: ['მოკლე აღწერა', 'ერთი-ორი წინადადება სიებისა და ძიების შედეგებისთვის.'],
    },
    body: BODY,
    sector: { en: ['Sector', 'What kind of service it provides.'], ka: ['სფერო', 'რა სახის მომსახურებას სთავაზობს.'] },
    services: {
      en: ['Services', 'One item per service offered.'],
      ka: ['მომსახურებები', 'თითო ელემენტი — თითო მომსახურება.'],
    },
    beneficiaries: {
      en: [
        'Beneficiaries',
        'Who it serves: a number and who they are, e.g. 30 / children under 6. Use "baseline" for growth (20 to 60).',
      ],
      ka: [
        'ბენეფიციარები',
        'ვის ემსახურება: რიცხვი და ვინ არიან, მაგ. 30 / 6 წლამდე ბავშვები. ზრდისთვის შეავსეთ „საწყისი მაჩვენებელი“ (20-დან 60-მდე).',
      ],
    },
    jobsCreated: {
      en: ['Jobs created', 'People employed by the enterprise.'],
      ka: ['შექმნილი სამუშაო ადგილები', 'საწარმოში დასაქმებულთა რაოდენობა.'],
    },
    foundedYear: { en: ['Founded (year)', 'e.g. 2016'], ka: ['დაარსების წელი', 'მაგ. 2016'] },
    location: {
      en: ['Location', 'Village or settlement, municipality and region, in this language.'],
      ka: ['მდებარეობა', 'სოფელი ან დასახლება, მუნიციპალიტეტი და რეგიონი, ამ ენაზე.'],
    },
    coordinates: {
      en: ['Map position', 'Latitude and longitude, the same in every language.'],
      ka: ['რუკაზე მდებარეობა', 'განედი და გრძედი, ყველა ენაში ერთნაირი.'],
    },
    operator: {
      en: ['Run by', 'The organisation that operates the enterprise.'],
      ka: ['მმართველი ორგანიზაცია', 'ორგანიზაცია, რომელიც საწარმოს მართავს.'],
    },
    project: {
      en: ['Project', 'The project that founded or supports it.'],
      ka: ['პროექტი', 'პროექტი, რომელმაც საწარმო დააარსა ან რომელიც მას მხარს უჭერს.'],
    },
    image: {
      en: ['Photo', 'A photo and its alternative text in this language.'],
      ka: ['ფოტო', 'ფოტო და მისი ალტერნატიული ტექსტი ამ ენაზე.'],
    },
    seo: SEO,
  },
  'api::partner.partner': {
    ...ORGANISATION,
    implementedProjects: {
      en: [
        'Projects it implements',
        'Projects this organisation carries out. The same in every language; the same link shows on the project, under Implementing partners.',
      ],
      ka: [
        'განხორციელებული პროექტები',
        'პროექტები, რომლებსაც ეს ორგანიზაცია ახორციელებს. ყველა ენაში ერთნაირია; იგივე კავშირი ჩანს პროექტის ველში „განმახორციელებელი პარტნიორები“.',
      ],
    },
    associatedProjects: {
      en: [
        'Projects it supports',
        'Projects where this organisation is an associated partner. The same in every language.',
      ],
      ka: ['მხარდაჭერილი პროექტები', 'პროექტები, სადაც ეს ორგანიზაცია ასოცირებული პარტნიორია. ყველა ენაში ერთნაირია.'],
    },
    operatedEnterprises: {
      en: ['Social enterprises it runs', 'Enterprises this organisation operates. The same in every language.'],
      ka: ['მართული სოციალური საწარმოები', 'საწარმოები, რომლებსაც ეს ორგანიზაცია მართავს. ყველა ენაში ერთნაირია.'],
    },
  },
  'api::funder.funder': {
    ...ORGANISATION,
    projects: {
      en: ['Funded projects', 'Set once for all languages.'],
      ka: ['დაფინანსებული პროექტები', 'ერთხელ ივსება ყველა ენისთვის.'],
    },
  },
  'api::organisation-setting.organisation-setting': {
    name: {
      en: ['Organisation name', 'As shown in the header and footer.'],
      ka: ['ორგანიზაციის სახელწოდება', 'როგორც ჩანს საიტის ზედა და ქვედა ნაწილში.'],
    },
    tagline: {
      en: ['Tagline', 'One short sentence under the name.'],
      ka: ['სლოგანი', 'ერთი მოკლე წინადადება სახელწოდების ქვეშ.'],
    },
    phone: {
      en: ['Phone', 'International format, e.g. +995 32 2 29 00 06.'],
      ka: ['ტელეფონი', 'საერთაშორისო ფორმატით, მაგ. +995 32 2 29 00 06.'],
    },
    email: { en: ['Email', 'Public contact address.'], ka: ['ელფოსტა', 'საჯარო საკონტაქტო მისამართი.'] },
    address: { en: ['Address', 'Postal address in this language.'], ka: ['მისამართი', 'საფოსტო მისამართი ამ ენაზე.'] },
    socialLinks: {
      en: ['Social networks', 'Links to the organisation’s pages.'],
      ka: ['სოციალური ქსელები', 'ბმულები ორგანიზაციის გვერდებზე.'],
    },
    seo: SEO,
  },
  'api::home-page.home-page': {
    title: {
      en: ['Heading', 'The main heading of the home page.'],
      ka: ['მთავარი სათაური', 'მთავარი გვერდის მთავარი სათაური.'],
    },
    intro: {
      en: ['Introduction', 'Who ASB Georgia is, in a few sentences.'],
      ka: ['შესავალი', 'ვინ ვართ, რამდენიმე წინადადებით.'],
    },
    seo: SEO,
  },
} satisfies Record<string, Record<string, FieldText>>;

export const COMPONENT_FIELDS = {
  'shared.image': {
    file: {
      en: ['Image file', 'JPEG, PNG or WebP, at least 1200 pixels wide.'],
      ka: ['სურათის ფაილი', 'JPEG, PNG ან WebP, მინიმუმ 1200 პიქსელი სიგანით.'],
    },
    alt: {
      en: [
        'Alternative text',
        'What the image shows, for people who cannot see it, in this language (max. 250 characters).',
      ],
      ka: [
        'ალტერნატიული ტექსტი',
        'რას აჩვენებს სურათი, მათთვის, ვისაც მისი დანახვა არ შეუძლია, ამ ენაზე (მაქს. 250 სიმბოლო).',
      ],
    },
  },
  'shared.seo': {
    metaTitle: {
      en: ['Title for search engines', 'Up to 70 characters. Leave empty to use the title.'],
      ka: ['სათაური საძიებო სისტემებისთვის', 'მაქს. 70 სიმბოლო. თუ ცარიელს დატოვებთ, გამოყენებული იქნება სათაური.'],
    },
    metaDescription: {
      en: ['Description for search engines', 'Up to 170 characters. Leave empty to use the summary.'],
      ka: [
        'აღწერა საძიებო სისტემებისთვის',
        'მაქს. 170 სიმბოლო. თუ ცარიელს დატოვებთ, გამოყენებული იქნება მოკლე აღწერა.',
      ],
    },
    shareImage: {
      en: ['Sharing image', 'Shown when the page is shared on social networks.'],
      ka: ['გასაზიარებელი სურათი', 'ჩანს, როცა გვერდს სოციალურ ქსელებში აზიარებენ.'],
    },
  },
  'shared.social-link': {
    network: {
      en: ['Network', 'Which social network the link goes to.'],
      ka: ['ქსელი', 'რომელ სოციალურ ქსელს ეკუთვნის ბმული.'],
    },
    url: {
      en: ['Address', 'Full address starting with https://'],
      ka: ['მისამართი', 'სრული მისამართი, რომელიც იწყება https://-ით'],
    },
  },
  'content.indicator': {
    value: { en: ['Figure', 'The number, e.g. 95.'], ka: ['ციფრი', 'რიცხვი, მაგ. 95.'] },
    baseline: {
      en: ['Starting figure', 'Optional, for growth: the figure before, e.g. 20 for "from 20 to 60".'],
      ka: ['საწყისი მაჩვენებელი', 'არასავალდებულო, ზრდისთვის: ციფრი მანამდე, მაგ. 20 — „20-დან 60-მდე“.'],
    },
    label: {
      en: ['What it counts', 'In this language, e.g. "potential social entrepreneurs trained".'],
      ka: ['რას ითვლის', 'ამ ენაზე, მაგ. „მომზადებული პოტენციური სოციალური მეწარმეები“.'],
    },
  },
  'content.place': {
    settlement: { en: ['Village or settlement', 'In this language.'], ka: ['სოფელი ან დასახლება', 'ამ ენაზე.'] },
    municipality: { en: ['Municipality', 'In this language.'], ka: ['მუნიციპალიტეტი', 'ამ ენაზე.'] },
    region: { en: ['Region', 'In this language.'], ka: ['რეგიონი', 'ამ ენაზე.'] },
  },
  'content.coordinates': {
    latitude: {
      en: ['Latitude', 'Decimal degrees north, e.g. 41.7151.'],
      ka: ['განედი', 'ჩრდილოეთის განედი ათწილადი გრადუსებით, მაგ. 41.7151.'],
    },
    longitude: {
      en: ['Longitude', 'Decimal degrees east, e.g. 44.8271.'],
      ka: ['გრძედი', 'აღმოსავლეთის გრძედი ათწილადი გრადუსებით, მაგ. 44.8271.'],
    },
  },
  'content.sub-grant': {
    country: { en: ['Country', 'Where the grants went.'], ka: ['ქვეყანა', 'სად გაიცა გრანტები.'] },
    count: {
      en: ['Number of grants', 'How many grants were given in this round.'],
      ka: ['გრანტების რაოდენობა', 'რამდენი გრანტი გაიცა ამ რაუნდში.'],
    },
    maxAmount: {
      en: ['Maximum amount', 'The largest grant, in the currency below.'],
      ka: ['მაქსიმალური თანხა', 'ყველაზე დიდი გრანტი, ქვემოთ მითითებულ ვალუტაში.'],
    },
    currency: { en: ['Currency', 'Currency of the maximum amount.'], ka: ['ვალუტა', 'მაქსიმალური თანხის ვალუტა.'] },
    year: { en: ['Year', 'e.g. 2023'], ka: ['წელი', 'მაგ. 2023'] },
  },
  'content.country': {
    code: { en: ['Country', 'Country where the project works.'], ka: ['ქვეყანა', 'ქვეყანა, სადაც პროექტი მუშაობს.'] },
  },
  'content.text-item': {
    text: {
      en: ['Text', 'One item: a sentence or a short paragraph.'],
      ka: ['ტექსტი', 'ერთი ელემენტი: წინადადება ან მოკლე აბზაცი.'],
    },
  },
} satisfies Record<string, Record<string, FieldText>>;

/**
 * Strapi's own fields, as list columns and filters name them (otherwise "createdAt", "documentId").
 * Labels only: no form shows them.
 */
export const SYSTEM_FIELDS = {
  id: { en: 'ID', ka: 'ID' },
  documentId: { en: 'Document ID', ka: 'დოკუმენტის ID' },
  createdAt: { en: 'Created', ka: 'შექმნის თარიღი' },
  updatedAt: { en: 'Last updated', ka: 'ბოლო ცვლილება' },
  publishedAt: { en: 'Published on', ka: 'გამოქვეყნების თარიღი' },
  createdBy: { en: 'Created by', ka: 'შემქმნელი' },
  updatedBy: { en: 'Last updated by', ka: 'ბოლოს შეცვალა' },
} satisfies Record<string, Record<InterfaceLanguage, string>>;

/** The list views' "last updated" column (src/setup/editor-hints.ts sorts by it). */
export const LAST_UPDATED = { field: 'updatedAt', ...SYSTEM_FIELDS.updatedAt } as const;
