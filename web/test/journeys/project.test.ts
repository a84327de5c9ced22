import { expect } from 'vitest';
import { collectionJourney } from './support/collection-journey';
import { stamp } from './support/journey';

// A project: title, summary, phase, start, text, a main photo with alt text, and its programme,
// funder and implementing partner (set on the project, once for both languages).
const id = stamp();
const summary = {
  ka: `პროექტი, რომელიც სოფლებში სოციალურ სერვისებს ქმნის ${id}.`,
  en: `A project creating social services in villages ${id}.`,
};
const edited = `A project creating social services in the villages of Shida Kartli ${id}.`;
const programme = { ka: 'სოციალური მეწარმეობის მხარდაჭერა', en: 'Supporting Social Entrepreneurship' };
// Links show the acronym after the name.
const funder = { ka: 'ევროკავშირი (EU)', en: 'European Union (EU)' };

collectionJourney({
  journey: 'project',
  typeName: 'Project',
  section: 'projects',
  image: 'Main photo',
  georgian: {
    async fill(editor) {
      await editor.fill('Title', `ჟურნალის პროექტი ${id}`);
      await editor.fill('Summary', summary.ka);
      await editor.choose('Phase', 'Planned');
      await editor.fill('Start', '2027-03');
      await editor.fillRichText('Text', `პროექტი გორში დაიწყება ${id}.`);
      await editor.relate('Programme', 'მეწარმეობის', programme.ka);
      await editor.relate('Funders', 'ევრო', 'ევროკავშირი');
      await editor.relate('Implementing partners', 'აფხაზეთი', /აფხაზეთი/);
    },
    shows: [`ჟურნალის პროექტი ${id}`, summary.ka, `პროექტი გორში დაიწყება ${id}.`],
    alt: `ჟურნალის პროექტის მონაწილეები ${id}`,
    slug: new RegExp(`^zhurnalis-proekti-${id}$`),
  },
  english: {
    async fill(editor) {
      await editor.fill('Title', `Journey Project ${id}`);
      await editor.fill('Summary', summary.en);
      await editor.fillRichText('Text', `The project starts in Gori ${id}.`);
    },
    shows: [`Journey Project ${id}`, summary.en, `The project starts in Gori ${id}.`],
    alt: `Participants of Journey Project ${id}`,
    slug: `journey-project-${id}`,
  },
  edit: { fill: (editor) => editor.fill('Summary', edited), shows: edited, replaces: summary.en },
  // The English editor types an end date before the start (2027-03): refused under End, then emptied.
  refusal: {
    fill: (editor) => editor.fill('End', '2001'),
    field: 'End',
    message: {
      en: 'The project cannot end (2001) before it starts (2027-03)',
      ka: 'პროექტი ვერ დასრულდება (2001) დაწყებამდე (2027-03)',
    },
    fix: (editor) => editor.fill('End', ''),
  },
  guide: true,
  related: funder,
  check({ ka, en }) {
    // Set once in Georgian, the relations show in both languages.
    for (const text of [programme.ka, funder.ka]) expect(ka.text).toContain(text);
    for (const text of [programme.en, funder.en]) expect(en.text).toContain(text);
  },
});
