import { collectionJourney } from './support/collection-journey';
import { stamp } from './support/journey';

// A partner organisation: name, kind, country, website, logo with alt text, "About", and a project it
// implements (set from the partner's side: the project's page must list it too).
const id = stamp();
const about = {
  ka: `ორგანიზაცია, რომელიც ASB-სთან ერთად მუშაობს ${id}.`,
  en: `An organisation working with ASB ${id}.`,
};
const edited = `An organisation working with ASB in Shida Kartli ${id}.`;

collectionJourney({
  journey: 'partner',
  typeName: 'Partner',
  section: 'partners',
  image: 'Logo',
  georgian: {
    async fill(editor) {
      await editor.fill('Name', `ჟურნალის პარტნიორი ${id}`);
      await editor.choose('Kind of organisation', 'Non-governmental organisation');
      await editor.choose('Country', 'Georgia (GE)');
      await editor.fill('Website', 'https://journey.example.org');
      await editor.fillRichText('About', about.ka);
      await editor.relate('Projects it implements', 'იძულებით', /იძულებით გადაადგილებულ/);
    },
    shows: [`ჟურნალის პარტნიორი ${id}`, about.ka],
    alt: `პარტნიორის ლოგო ${id}`,
    slug: new RegExp(`^zhurnalis-partniori-${id}$`),
  },
  english: {
    async fill(editor) {
      await editor.fill('Name', `Journey Partner ${id}`);
      await editor.fillRichText('About', about.en);
    },
    shows: [`Journey Partner ${id}`, about.en],
    alt: `Logo of Journey Partner ${id}`,
    slug: `journey-partner-${id}`,
  },
  edit: { fill: (editor) => editor.fillRichText('About', edited), shows: edited, replaces: about.en },
  related: {
    ka: 'სოციალური საწარმოები იძულებით გადაადგილებულ პირთათვის საქართველოში',
    en: 'Social Enterprises for Internally Displaced Persons in Georgia',
  },
});
