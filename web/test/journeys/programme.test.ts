import { collectionJourney } from './support/collection-journey';
import { stamp } from './support/journey';

// A programme: title, summary, background and approach. Its projects are set from the project's side
// (a project belongs to one programme: linking one here would move it away from the organisation's
// programme), in the project journey. The site shows no image for a programme.
const id = stamp();
const summary = {
  ka: `ახალი პროგრამა სოფლის თემების მხარდასაჭერად ${id}.`,
  en: `A new programme supporting rural communities ${id}.`,
};
const edited = `A new programme supporting rural communities in Imereti ${id}.`;

collectionJourney({
  journey: 'programme',
  typeName: 'Programme',
  section: 'programmes',
  georgian: {
    async fill(editor) {
      await editor.fill('Title', `ჟურნალის პროგრამა ${id}`);
      await editor.fill('Summary', summary.ka);
      await editor.fillRichText('Background', `სოფლებში სერვისები აკლიათ ${id}.`);
      await editor.fillRichText('Our approach', `ვმუშაობთ ადგილობრივ თვითმმართველობასთან ${id}.`);
    },
    shows: [`ჟურნალის პროგრამა ${id}`, summary.ka, `სოფლებში სერვისები აკლიათ ${id}.`],
    slug: new RegExp(`^zhurnalis-programa-${id}$`),
  },
  english: {
    async fill(editor) {
      await editor.fill('Title', `Journey Programme ${id}`);
      await editor.fill('Summary', summary.en);
      await editor.fillRichText('Background', `Villages lack services ${id}.`);
      await editor.fillRichText('Our approach', `We work with local self-government ${id}.`);
    },
    shows: [`Journey Programme ${id}`, `Villages lack services ${id}.`, `We work with local self-government ${id}.`],
    slug: `journey-programme-${id}`,
  },
  edit: { fill: (editor) => editor.fill('Summary', edited), shows: edited, replaces: summary.en },
});
