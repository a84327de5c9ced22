import { describe, expect } from 'vitest';
import type { Editor } from './editor';
import { journeysSkipped, useJourney } from './journey';
import { waitUntilLive, type LivePage } from './visitor';

/**
 * The journey of a single type (one document per language, imported with the organisation's content,
 * so the editor changes it rather than creating it): change the Georgian text, Save, preview the
 * draft, Publish; the same in English; both languages' pages show it. Each step checks what the
 * editor sees and what a visitor then gets.
 */
export interface SingleVersion {
  fill(editor: Editor): Promise<void>;
  /** Text the preview and the live page must show. */
  shows: string[];
}

export interface SingleJourney {
  journey: string;
  typeName: string;
  /** The site's page that shows the type, per locale: `/ka/`, `/ka/contact/`. */
  path: (locale: 'ka' | 'en') => string;
  georgian: SingleVersion;
  english: SingleVersion;
  /** Checks of the live pages once both are published. */
  check?: (pages: { ka: LivePage; en: LivePage }) => void | Promise<void>;
  /** Further parts of the journey, after both languages are live. */
  more?: (journey: ReturnType<typeof useJourney>) => void;
}

export function singleJourney(spec: SingleJourney) {
  describe.skipIf(journeysSkipped)(`journey: ${spec.typeName}, edited in both languages`, () => {
    const journey = useJourney(spec.journey);
    const { ctx, step, part } = journey;

    part('changes the Georgian text, saves, previews the draft and publishes', async () => {
      const { editor, siteUrl } = ctx;
      await step(`open ${spec.typeName}`, async () => {
        await editor.openType(spec.typeName);
        await editor.page.getByRole('combobox', { name: editor.ui.locales }).waitFor();
      });
      await step('change the Georgian form', () => spec.georgian.fill(editor));
      await step('save', async () => {
        expect(await editor.save()).toBe(editor.ui.saved);
      });
      await step('the saved draft is not on the site', async () => {
        const page = await waitUntilLive(siteUrl, spec.path('ka'), []);
        for (const text of spec.georgian.shows) expect(page.text).not.toContain(text);
      });
      await step('open the preview: the draft shows', async () => {
        const frame = await editor.openPreview(spec.georgian.shows[0]!);
        for (const text of spec.georgian.shows) expect(await frame.getByText(text).count(), text).toBeGreaterThan(0);
        await editor.closePreview();
      });
      await step('publish', async () => {
        expect(await editor.publish()).toBe(editor.ui.published);
      });
    });

    part('changes English, saves and publishes: both pages show the new text', async () => {
      const { editor, siteUrl } = ctx;
      await step('switch to English', () => editor.switchLocale(/English/));
      await step('change the English form', () => spec.english.fill(editor));
      await step('save and publish English', async () => {
        expect(await editor.save()).toBe(editor.ui.saved);
        expect(await editor.publish()).toBe(editor.ui.published);
      });
      const pages = {} as { ka: LivePage; en: LivePage };
      await step('the Georgian page shows it', async () => {
        pages.ka = await waitUntilLive(siteUrl, spec.path('ka'), spec.georgian.shows);
      });
      await step('the English page shows it', async () => {
        pages.en = await waitUntilLive(siteUrl, spec.path('en'), spec.english.shows);
      });
      if (spec.check) await step('what the pages show', async () => spec.check!(pages));
    });

    spec.more?.(journey);
  });
}
