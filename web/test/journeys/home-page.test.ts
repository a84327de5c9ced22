import { expect } from 'vitest';
import { stamp } from './support/journey';
import { singleJourney } from './support/single-journey';
import { waitUntilLive, waitUntilWithout } from './support/visitor';

// The home page: its title and introduction in both languages; then unpublished (the site's home
// page keeps the organisation's name and lists, without the text) and published again.
const id = stamp();
const ka = { title: `სოციალური სერვისები ყველასთვის ${id}`, intro: `ASB ეხმარება თემებს ${id}.` };
const en = { title: `Social services for everyone ${id}`, intro: `ASB helps communities ${id}.` };

singleJourney({
  journey: 'home-page',
  typeName: 'Home page',
  path: (locale) => `/${locale}/`,
  georgian: {
    async fill(editor) {
      await editor.fill('Heading', ka.title);
      await editor.fillRichText('Introduction', ka.intro);
    },
    shows: [ka.title, ka.intro],
  },
  english: {
    async fill(editor) {
      await editor.fill('Heading', en.title);
      await editor.fillRichText('Introduction', en.intro);
    },
    shows: [en.title, en.intro],
  },
  check({ ka: kaPage, en: enPage }) {
    // Each language shows its own text, and the new introduction replaced the imported one.
    expect(kaPage.text).not.toContain(en.title);
    expect(enPage.text).not.toContain('We are engaged in dialogue with both local communities');
    expect(kaPage.text).not.toContain('ჩვენ ვართ ჩართული დიალოგში');
  },
  more({ ctx, step, part }) {
    part('unpublishes English: the text leaves the English home page; publishing brings it back', async () => {
      const { editor, siteUrl } = ctx;
      await step('unpublish English, after confirming', async () => {
        expect((await editor.unpublish()).confirmation).toMatch(editor.ui.unpublishQuestion);
      });
      await step('the English home page no longer shows the text', async () => {
        const page = await waitUntilWithout(siteUrl, '/en/', [en.title, en.intro]);
        // The page itself stays: the organisation's name and the lists come from elsewhere.
        expect(page.text).toContain('ASB Georgia');
      });
      await step('publish English again', async () => {
        expect(await editor.publish()).toBe(editor.ui.published);
        await waitUntilLive(siteUrl, '/en/', [en.title, en.intro]);
      });
    });
  },
});
