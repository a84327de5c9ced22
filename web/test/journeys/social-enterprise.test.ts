import { collectionJourney } from './support/collection-journey';
import { stamp } from './support/journey';

// A social enterprise: name, summary, sector, text, a photo with alt text, the partner that runs it and
// the project that founded it (both relations owned by the enterprise).
const id = stamp();
const summary = {
  ka: `სოციალური საწარმო, რომელიც ხანდაზმულებს ემსახურება ${id}.`,
  en: `A social enterprise caring for older people ${id}.`,
};
const edited = `A social enterprise caring for older people in Gori ${id}.`;

collectionJourney({
  journey: 'social-enterprise',
  typeName: 'Social enterprise',
  section: 'social-enterprises',
  image: 'Photo',
  georgian: {
    async fill(editor) {
      await editor.fill('Name', `ჟურნალის საწარმო ${id}`);
      await editor.fill('Summary', summary.ka);
      await editor.choose('Sector', 'Care for older people');
      await editor.fill('Jobs created', '4');
      await editor.fill('Founded (year)', '2024');
      await editor.fillRichText('Text', `საწარმო გორში მუშაობს ${id}.`);
      await editor.relate('Project', 'იძულებით', /იძულებით გადაადგილებულ/);
    },
    shows: [`ჟურნალის საწარმო ${id}`, summary.ka, `საწარმო გორში მუშაობს ${id}.`],
    alt: `საწარმოს ფოტო ${id}`,
    slug: new RegExp(`^zhurnalis-satsarmo-${id}$`),
  },
  english: {
    async fill(editor) {
      await editor.fill('Name', `Journey Enterprise ${id}`);
      await editor.fill('Summary', summary.en);
      await editor.fillRichText('Text', `The enterprise works in Gori ${id}.`);
    },
    shows: [`Journey Enterprise ${id}`, summary.en, `The enterprise works in Gori ${id}.`],
    alt: `Carers of Journey Enterprise ${id} with a client`,
    slug: `journey-enterprise-${id}`,
  },
  edit: { fill: (editor) => editor.fill('Summary', edited), shows: edited, replaces: summary.en },
  related: {
    ka: 'სოციალური საწარმოები იძულებით გადაადგილებულ პირთათვის საქართველოში',
    en: 'Social Enterprises for Internally Displaced Persons in Georgia',
  },
});
