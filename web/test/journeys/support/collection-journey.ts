import { describe, expect } from 'vitest';
import type { InterfaceLanguage } from '../../../../cms/src/editing/field-labels';
import type { Editor } from './editor';
import { imageFile, journeysSkipped, useJourney } from './journey';
import { imageWithAlt, lastVisited, waitUntilGone, waitUntilLive, type LivePage } from './visitor';

/**
 * The journey every collection type goes through, from nothing to the site and off it again, in
 * Chromium through the admin panel: create in Georgian with every required field, a relation and an
 * image with alternative text; Save; preview the draft; Publish; add English; both pages live;
 * edit and see the change live; unpublish both languages and see the pages gone. Each step checks
 * what the editor sees (the admin's notification, the preview) and what a visitor then gets.
 */
export interface LocaleVersion {
  /** Types this language's fields (the image is added separately). */
  fill(editor: Editor): Promise<void>;
  /** Text the site's page must show for this language. */
  shows: string[];
  /** The alternative text of the image, when the type has one. */
  alt?: string;
}

export interface CollectionJourney {
  /** Short name: files under .tmp/test-results/journeys/ start with it. */
  journey: string;
  /** The type as the Content Manager lists it. */
  typeName: string;
  /** The site's URL segment: /<locale>/<section>/<slug>/. */
  section: string;
  /** The image component's label (`shared.image`), when the site shows one for this type. */
  image?: string;
  georgian: LocaleVersion & { slug: RegExp };
  english: LocaleVersion & { slug: string };
  /** The edit: typed in English, then what the page shows instead of what. */
  edit: { fill(editor: Editor): Promise<void>; shows: string; replaces: string };
  /**
   * The related document as this document's live pages link to it (its title in each language). The
   * journey follows the English link, as a visitor would, and expects that page to list this one back.
   */
  related?: { ka: string; en: string };
  /**
   * A refusal the editor meets and corrects before saving English: what they type, the message
   * under the field, and the correction.
   */
  refusal?: {
    fill(editor: Editor): Promise<void>;
    field: string;
    /** The message under the field, in each interface language (cms/src/editing/messages.ts). */
    message: Record<InterfaceLanguage, string>;
    fix(editor: Editor): Promise<void>;
  };
  /** This journey takes the editors' guide's screenshots (docs/editors/screenshots/, GUIDE_SCREENSHOTS_DIR). */
  guide?: boolean;
  /** Extra checks of the live pages. */
  check?: (pages: { ka: LivePage; en: LivePage }) => void | Promise<void>;
}

/** The href of the page's link whose text is `text`. */
function linkTo(page: LivePage, text: string) {
  return page.root
    .querySelectorAll('main a')
    .find((a) => a.text.replace(/\s+/g, ' ').trim() === text)
    ?.getAttribute('href');
}

export function collectionJourney(spec: CollectionJourney) {
  describe.skipIf(journeysSkipped)(`journey: ${spec.typeName}, created, translated, edited, unpublished`, () => {
    const { ctx, step, part } = useJourney(spec.journey);
    const slugs = { ka: '', en: '' };
    const live: { ka?: LivePage; en?: LivePage } = {};
    const colour = { r: 40 + spec.journey.length * 20, g: 120, b: 90 };
    const shot = (name: string, target?: (editor: Editor) => ReturnType<Editor['page']['locator']>) =>
      spec.guide ? ctx.editor.guideShot(name, target?.(ctx.editor)) : Promise.resolve();

    part('creates it in Georgian, saves, previews the draft and publishes', async () => {
      const { editor } = ctx;
      await step(`open ${spec.typeName}, create new entry`, async () => {
        await editor.openType(spec.typeName);
        await shot('list');
        await editor.createEntry();
      });
      await step('fill the Georgian form', async () => {
        await spec.georgian.fill(editor);
        await shot('create', (e) => e.page.getByRole('heading', { level: 1 }));
        if (spec.image) {
          const file = await imageFile(`journey-${spec.journey}-ka-${Date.now()}`, 'png', colour);
          await editor.addImage(spec.image, file, spec.georgian.alt!);
          await shot('image', (e) => e.page.getByText(e.label(spec.image!), { exact: true }));
        }
      });
      await step('save', async () => {
        expect(await editor.save()).toBe(editor.ui.saved);
        await shot('saved', (e) => e.page.getByRole('heading', { level: 1 }));
        // Left empty, the slug is made from the Georgian title; the form shows it after Save.
        slugs.ka = await editor.filledValue('Slug (web address)');
        expect(slugs.ka).toMatch(spec.georgian.slug);
      });
      await step('open the preview: the draft shows', async () => {
        const frame = await editor.openPreview(spec.georgian.shows[0]!);
        for (const text of spec.georgian.shows) expect(await frame.getByText(text).count(), text).toBeGreaterThan(0);
        if (spec.georgian.alt) expect(await frame.getByRole('img', { name: spec.georgian.alt }).count()).toBe(1);
        await editor.closePreview();
      });
      await step('publish', async () => {
        expect(await editor.publish()).toBe(editor.ui.published);
        await shot('published', (e) => e.page.getByRole('heading', { level: 1 }));
      });
    });

    part('adds English, saves and publishes: both pages are live', async () => {
      const { editor, siteUrl } = ctx;
      await step('switch to English', async () => {
        await editor.switchLocale(/English/);
        await shot('english', (e) => e.page.getByRole('heading', { level: 1 }));
      });
      await step('fill the English form', async () => {
        await spec.english.fill(editor);
        if (spec.image) {
          const file = await imageFile(`journey-${spec.journey}-en-${Date.now()}`, 'jpeg', colour);
          await editor.addImage(spec.image, file, spec.english.alt!);
        }
      });
      if (spec.refusal) {
        const refusal = spec.refusal;
        await step('a refused save says why under the field; the editor corrects it', async () => {
          await refusal.fill(editor);
          await editor.page.getByRole('button', { name: editor.ui.save, exact: true }).click();
          const field = editor.input(refusal.field);
          await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
          await expect
            .poll(() => editor.page.getByText(refusal.message[editor.language]).count(), { timeout: 10_000 })
            .toBeGreaterThan(0);
          await shot('refused', () => field);
          await editor.dismissNotifications();
          await refusal.fix(editor);
        });
      }
      await step('save and publish English', async () => {
        expect(await editor.save()).toBe(editor.ui.saved);
        slugs.en = await editor.filledValue('Slug (web address)');
        expect(slugs.en).toBe(spec.english.slug);
        expect(await editor.publish()).toBe(editor.ui.published);
      });
      const pages = {} as { ka: LivePage; en: LivePage };
      for (const [locale, version] of [
        ['ka', spec.georgian],
        ['en', spec.english],
      ] as const) {
        await step(`the ${locale === 'ka' ? 'Georgian' : 'English'} page is live`, async () => {
          const page = await waitUntilLive(siteUrl, `/${locale}/${spec.section}/${slugs[locale]}/`, version.shows);
          if (version.alt) {
            // The image with this language's alt text, its file served by the site (built, resized, WebP).
            expect(await imageWithAlt(page, version.alt)).toMatchObject({ status: 200, type: 'image/webp' });
          }
          pages[locale] = page;
        });
      }
      if (spec.check) await step('what the pages show', async () => spec.check!(pages));
      live.ka = pages.ka;
      live.en = pages.en;
    });

    if (spec.related) {
      const related = spec.related;
      part(
        'links both pages to the related document, which links back',
        async () => {
          const { siteUrl } = ctx;
          await step('both pages link to the related document, and it links back', async () => {
            Object.assign(lastVisited, { url: live.ka!.url, html: live.ka!.html });
            expect(linkTo(live.ka!, related.ka), `a link to "${related.ka}" on the Georgian page`).toBeTruthy();
            const href = linkTo(live.en!, related.en);
            expect(href, `a link to "${related.en}" on the English page`).toBeTruthy();
            await waitUntilLive(siteUrl, new URL(href!, siteUrl).pathname, [spec.english.shows[0]!]);
          });
        },
        { independent: true },
      );
    }

    part('edits the English text: the change goes live', async () => {
      const { editor, siteUrl } = ctx;
      await step('change the text, save, publish', async () => {
        await spec.edit.fill(editor);
        expect(await editor.save()).toBe(editor.ui.saved);
        expect(await editor.publish()).toBe(editor.ui.published);
      });
      await step('the change is live', async () => {
        const page = await waitUntilLive(siteUrl, `/en/${spec.section}/${slugs.en}/`, [spec.edit.shows]);
        expect(page.text).not.toContain(spec.edit.replaces);
      });
    });

    part('unpublishes both languages: the pages are gone from the site', async () => {
      const { editor, siteUrl } = ctx;
      // The editor is asked before a page leaves the site (the content-manager patch; stock 5.54 asks
      // only when the draft differs from the published version).
      await step('unpublish English, after confirming', async () => {
        expect((await editor.unpublish(() => shot('unpublish'))).confirmation).toMatch(editor.ui.unpublishQuestion);
      });
      await step('unpublish Georgian, after confirming', async () => {
        await editor.switchLocale(/Georgian/);
        expect((await editor.unpublish()).confirmation).toMatch(editor.ui.unpublishQuestion);
      });
      await step('both pages are 404', async () => {
        await waitUntilGone(siteUrl, `/en/${spec.section}/${slugs.en}/`);
        await waitUntilGone(siteUrl, `/ka/${spec.section}/${slugs.ka}/`);
      });
    });
  });
}
