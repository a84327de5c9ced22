import { collectionJourney } from './support/collection-journey';
import { stamp } from './support/journey';

// A funder: name, acronym, kind, country, website, logo with alt text, "About", and a project it funds
// (set from the funder's side: the project's page must list it too).
const id = stamp();
const about = { ka: `ფონდი, რომელიც პროექტებს აფინანსებს ${id}.`, en: `A foundation that funds projects ${id}.` };
const edited = `A foundation that funds social enterprises ${id}.`;

collectionJourney({
  journey: 'funder',
  typeName: 'Funder',
  section: 'funders',
  image: 'Logo',
  georgian: {
    async fill(editor) {
      await editor.fill('Name', `ჟურნალის ფონდი ${id}`);
      await editor.fill('Acronym', 'JF');
      await editor.choose('Kind of organisation', 'Government agency');
      await editor.choose('Country', 'Germany (DE)');
      await editor.fill('Website', 'https://funder.example.org');
      await editor.fillRichText('About', about.ka);
      await editor.relate('Funded projects', 'ინოვაციური', /ინოვაციური მიდგომა/);
    },
    shows: [`ჟურნალის ფონდი ${id}`, about.ka],
    alt: `ფონდის ლოგო ${id}`,
    slug: new RegExp(`^zhurnalis-pondi-${id}$`),
  },
  english: {
    async fill(editor) {
      await editor.fill('Name', `Journey Foundation ${id}`);
      await editor.fillRichText('About', about.en);
    },
    shows: [`Journey Foundation ${id}`, about.en],
    alt: `Logo of the Journey Foundation ${id}`,
    slug: `journey-foundation-${id}`,
  },
  edit: { fill: (editor) => editor.fillRichText('About', edited), shows: edited, replaces: about.en },
  related: {
    ka: 'სოციალური მეწარმეობა - ინოვაციური მიდგომა ეკონომიკური და სოციალური ცვლილებებისთვის',
    en: 'Social Entrepreneurship – an Innovative Approach to Economic and Social Change',
  },
});
