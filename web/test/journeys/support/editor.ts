import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
// The admin's own words, as the CMS defines them: the journeys drive that admin. (Test code reads the
// CMS's data files directly; none of them imports anything.)
import { OPTION_LABELS } from '../../../../cms/src/admin/fields/option-labels';
import KA_MESSAGES from '../../../../cms/src/admin/translations/ka.json';
import {
  COMPONENT_FIELDS,
  TYPE_FIELDS,
  type FieldText,
  type InterfaceLanguage,
} from '../../../../cms/src/editing/field-labels';

/**
 * What an editor does in the Strapi admin, the way a person finds it: by the labels, buttons and
 * messages on the screen (Strapi's admin has no test ids, and its CSS class names change with every
 * build). Kept in one place so that role journeys (Author, Editor) and the Georgian-interface run can
 * reuse it. Journeys name fields and options in English; an Editor in the Georgian interface
 * (`language: 'ka'`) finds them, and the admin's buttons and messages, by their Georgian words.
 */
export interface EditorAccount {
  email: string;
  password: string;
}

/** The admin's own words (Strapi 5.54, English interface). */
export const ADMIN_UI = {
  email: 'Email',
  password: 'Password',
  login: 'Login',
  contentManager: 'Content Manager',
  createEntry: 'Create new entry',
  save: 'Save',
  publish: 'Publish',
  unpublish: 'Unpublish',
  moreDocumentActions: 'More document actions',
  saved: 'Saved document',
  published: 'Published document',
  unpublished: 'Unpublished document',
  confirm: 'Confirm',
  /** The `shared.image` component's alt field, as cms/src/editing/field-labels.ts labels it. */
  altText: 'Alternative text',
  locales: 'Locales',
  openPreview: 'Open preview',
  closePreview: 'Close preview',
  addComponent: 'No entry yet. Click to add one.',
  addAsset: 'Click to add an asset or drag and drop one in this area',
  addMoreAssets: 'Add more assets',
  dropZone: /Drag & Drop here/ as RegExp,
  uploadAssets: /^Upload \d+ assets? to the library$/ as RegExp,
  finish: 'Finish',
  close: 'Close',
  /**
   * What the admin asks before unpublishing (patches/@strapi__content-manager@5.54.0.patch): the first
   * when the draft is the published version, the second (with "keep / replace last draft") when the
   * draft differs. Saving English marks the Georgian version modified too: Strapi copies the fields
   * shared by all languages into every locale's draft.
   */
  unpublishQuestion: /Take this page off the public site\?|Are you sure you want to unpublish this\?/ as RegExp,
};
export type AdminUi = typeof ADMIN_UI;

/**
 * The message ids behind ADMIN_UI (the en.json files of @strapi/admin and its plugins, ids prefixed
 * as cms/src/admin/translations/ka.json keys them), so that the Georgian interface's words come from
 * the translation the admin itself uses: a journey in Georgian finds what a Georgian editor reads.
 */
const MESSAGE_IDS: Record<
  Exclude<keyof AdminUi, 'altText' | 'dropZone' | 'uploadAssets' | 'unpublishQuestion'>,
  string
> = {
  email: 'Auth.form.email.label',
  password: 'global.password',
  login: 'Auth.form.button.login',
  contentManager: 'global.content-manager',
  createEntry: 'content-manager.HeaderLayout.button.label-add-entry',
  save: 'global.save',
  publish: 'app.utils.publish',
  unpublish: 'app.utils.unpublish',
  moreDocumentActions: 'content-manager.containers.edit.panels.default.more-actions',
  saved: 'content-manager.success.record.save',
  published: 'content-manager.success.record.publish',
  unpublished: 'content-manager.success.record.unpublish',
  confirm: 'app.components.Button.confirm',
  locales: 'i18n.Settings.locales.modal.locales.label',
  openPreview: 'content-manager.preview.panel.button',
  closePreview: 'content-manager.preview.header.close',
  addComponent: 'content-manager.components.empty-repeatable',
  addAsset: 'upload.mediaLibraryInput.placeholder',
  addMoreAssets: 'upload.modal.upload-list.sub-header.button',
  finish: 'global.finish',
  close: 'global.close',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The admin's words in the Georgian interface, from its translation; a message it lacks fails here, by id. */
function georgianUi(): AdminUi {
  const message = (id: string) => {
    const text = (KA_MESSAGES as Record<string, string>)[id];
    if (!text)
      throw new Error(`cms/src/admin/translations/ka.json has no ${id}: the Georgian interface shows it in English`);
    return text;
  };
  const ui = Object.fromEntries(Object.entries(MESSAGE_IDS).map(([name, id]) => [name, message(id)])) as Omit<
    AdminUi,
    'altText' | 'dropZone' | 'uploadAssets' | 'unpublishQuestion'
  >;
  return {
    ...ui,
    altText: COMPONENT_FIELDS['shared.image'].alt.ka[0],
    dropZone: new RegExp(escape(message('upload.input.label'))),
    // "{number} ფაილის ატვირთვა ბიბლიოთეკაში"
    uploadAssets: new RegExp(
      `^${escape(message('upload.modal.upload-list.footer.button')).replace(escape('{number}'), '\\d+')}$`,
    ),
    unpublishQuestion: new RegExp(
      ['content-manager.actions.unpublish.dialog.body.published', 'content-manager.actions.unpublish.dialog.body']
        .map((id) => escape(message(id)))
        .join('|'),
    ),
  };
}

/**
 * Field labels and option labels from English to the interface language. Journeys name fields and
 * options in English (as cms/src/editing/field-labels.ts and cms/src/admin/fields/option-labels.ts
 * word them); in the Georgian interface the editor finds them by their Georgian words.
 */
function translator(language: InterfaceLanguage): (english: string) => string {
  if (language === 'en') return (english) => english;
  const words = new Map<string, string>();
  const add = (english: string, translated: string) => {
    const known = words.get(english);
    if (known !== undefined && known !== translated)
      throw new Error(
        `"${english}" is both "${known}" and "${translated}" in Georgian: the journeys cannot tell which`,
      );
    words.set(english, translated);
  };
  for (const fields of [...Object.values(TYPE_FIELDS), ...Object.values(COMPONENT_FIELDS)])
    for (const text of Object.values(fields as Record<string, FieldText>)) add(text.en[0], text.ka[0]);
  for (const [value, english] of Object.entries(OPTION_LABELS.en)) add(english, OPTION_LABELS.ka[value]!);
  return (english) => {
    const translated = words.get(english);
    if (translated === undefined)
      throw new Error(`no Georgian label for "${english}" (cms/src/editing/field-labels.ts)`);
    return translated;
  };
}

const NOTIFICATION_MS = 30_000;

export class Editor {
  readonly ui: AdminUi;
  /** A field's or option's English label in this editor's interface language. */
  readonly label: (english: string) => string;

  constructor(
    readonly page: Page,
    readonly cmsUrl: string,
    readonly language: InterfaceLanguage = 'en',
  ) {
    this.ui = language === 'ka' ? georgianUi() : ADMIN_UI;
    this.label = translator(language);
  }

  /** Signs in through the login form and waits for the admin's home page. */
  async logIn(account: EditorAccount) {
    await this.page.goto(`${this.cmsUrl}/admin/auth/login`);
    // A browser the admin has not seen yet shows the login page in English, whatever the account's
    // language: the admin learns the interface language from the account once signed in.
    await this.page.getByLabel(ADMIN_UI.email).fill(account.email);
    await this.page.getByLabel(ADMIN_UI.password).fill(account.password);
    await this.page.getByRole('button', { name: ADMIN_UI.login }).click();
    await this.page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
    // Then the whole admin speaks the account's interface language.
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, this.language, {
      timeout: 30_000,
    });
  }

  /** Content Manager in the main navigation, then the type in its list (collection and single types alike). */
  async openType(englishName: string) {
    // A type's name is translated under its English display name as the message id (ka.json: "Funder").
    const displayName =
      this.language === 'en' ? englishName : (KA_MESSAGES as Record<string, string | undefined>)[englishName];
    if (!displayName)
      throw new Error(`cms/src/admin/translations/ka.json has no Georgian name for the type "${englishName}"`);
    await this.page.getByRole('link', { name: this.ui.contentManager }).first().click();
    const nav = this.page.getByRole('navigation').filter({ has: this.page.getByRole('link', { name: displayName }) });
    await nav.getByRole('link', { name: displayName, exact: true }).click();
    await this.page.waitForLoadState('networkidle');
  }

  /** From a collection type's list: "Create new entry", then the empty form in the default locale. */
  async createEntry() {
    await this.page.getByRole('link', { name: this.ui.createEntry }).first().click();
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.page.getByRole('textbox').first().waitFor();
  }

  /** Opens the entry whose row in the list view shows `text`. */
  async openEntry(text: string) {
    await this.page.getByRole('row').filter({ hasText: text }).first().getByRole('gridcell').nth(1).click();
    await this.page.getByRole('textbox').first().waitFor();
  }

  /**
   * A field's area in the form: the innermost block that holds the field's label and something an
   * editor can act on. Components (an image, "Search and sharing") and rich text have their label as
   * plain text rather than a <label>, so `getByLabel` cannot find them.
   */
  fieldArea(label: string, has: Locator): Locator {
    return this.page
      .getByRole('main')
      .locator('div')
      .filter({ has: this.page.getByText(this.label(label), { exact: true }) })
      .filter({ has })
      .last();
  }

  /** Types into a text field found by its label, replacing what was there. */
  async fill(label: string, value: string) {
    await this.input(label).fill(value);
  }

  async valueOf(label: string) {
    return this.input(label).inputValue();
  }

  /** A field's value once it has one: a value the CMS fills in on Save (a slug) reaches the form just after the notification. */
  async filledValue(label: string, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.valueOf(label);
      if (value || Date.now() > deadline) return value;
      await this.page.waitForTimeout(200);
    }
  }

  /** A text or number field by its accessible name (the label without the required-field asterisk). */
  input(label: string): Locator {
    const main = this.page.getByRole('main');
    const name = this.label(label);
    return main.getByRole('textbox', { name, exact: true }).or(main.getByRole('spinbutton', { name, exact: true }));
  }

  /** A rich-text (blocks) field: its toolbar's block-type menu carries the label; the editor area is beside it. */
  async fillRichText(label: string, text: string) {
    // The innermost block holding both the field's toolbar menu and an editing area.
    const area = this.page
      .getByRole('main')
      .locator('div')
      .filter({ has: this.page.getByRole('combobox', { name: this.label(label), exact: true }) })
      .filter({ has: this.page.getByRole('textbox') })
      .last();
    const editor = area.getByRole('textbox');
    // A person looks at what they typed: under load the editor can drop keys while it re-renders,
    // so the text is checked and typed again if it did not all arrive.
    for (let attempt = 1; ; attempt++) {
      await editor.click();
      // Select all and delete until the field is empty: with several paragraphs one select-all may
      // stop at a block boundary.
      for (let i = 0; i < 5 && (await editor.innerText()).trim() !== ''; i++) {
        await this.page.keyboard.press('ControlOrMeta+A');
        await this.page.keyboard.press('Backspace');
      }
      if ((await editor.innerText()).trim() !== '') throw new Error(`could not empty the rich text field "${label}"`);
      await editor.pressSequentially(text, { delay: 5 });
      await this.page.waitForTimeout(300);
      const typed = (await editor.innerText()).trim();
      if (typed === text) return;
      if (attempt === 3) throw new Error(`the rich text field "${label}" shows "${typed}" after typing "${text}"`);
    }
  }

  /** A list of choices (an enumeration): open it by its label, click the option. */
  async choose(label: string, option: string) {
    await this.page
      .getByRole('main')
      .getByRole('combobox', { name: this.label(label), exact: true })
      .click();
    await this.page.getByRole('option', { name: this.label(option), exact: true }).click();
  }

  /** A relation: open its search box by the label, type part of the other entry's name, pick it. */
  async relate(label: string, search: string, option: string | RegExp = search) {
    const box = this.page.getByRole('main').getByRole('combobox', { name: this.label(label), exact: true });
    await box.click();
    await box.fill(search);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /**
   * An image with alternative text (the `shared.image` component): add the component, open the media
   * dialog, add a new asset from the computer through the file chooser, upload it, finish, type the alt text.
   */
  async addImage(label: string, file: string, alt: string) {
    const add = this.fieldArea(label, this.page.getByRole('button', { name: this.ui.addComponent }));
    if (await add.count()) await add.getByRole('button', { name: this.ui.addComponent }).click();
    const area = this.fieldArea(label, this.page.getByRole('textbox', { name: this.ui.altText, exact: true }));
    await area.getByRole('button', { name: this.ui.addAsset }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: this.ui.addMoreAssets }).click();
    const chooser = this.page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: this.ui.dropZone }).click();
    await (await chooser).setFiles(file);
    await dialog.getByRole('button', { name: this.ui.uploadAssets }).click();
    await dialog.getByRole('button', { name: this.ui.finish }).click();
    await dialog.waitFor({ state: 'detached' });
    await area.getByRole('textbox', { name: this.ui.altText, exact: true }).fill(alt);
  }

  /** Clicks Save and waits for the notification the editor sees; returns its text. */
  async save() {
    await this.page.getByRole('button', { name: this.ui.save, exact: true }).click();
    return this.notification(this.ui.saved);
  }

  async publish() {
    await this.page.getByRole('button', { name: this.ui.publish, exact: true }).click();
    return this.notification(this.ui.published);
  }

  /**
   * Unpublish is in the entry panel's "More document actions" menu. Returns whether the admin asked for
   * confirmation first (Strapi 5.54 does only when the draft differs from the published version).
   */
  /**
   * A picture of what the editor sees, for the editors' guide (docs/editors/): taken only when
   * GUIDE_SCREENSHOTS_DIR is set (`pnpm --filter @asb/web guide-screenshots`), so ordinary runs
   * change no committed file.
   */
  async guideShot(name: string, target?: Locator) {
    const dir = process.env.GUIDE_SCREENSHOTS_DIR;
    if (!dir) return;
    if (target) await target.first().scrollIntoViewIfNeeded();
    // Let transitions (notifications sliding in, menus opening) settle before the picture.
    await this.page.waitForTimeout(600);
    // One folder per interface language: each guide shows the admin in its own language.
    fs.mkdirSync(path.resolve(dir, this.language), { recursive: true });
    await this.page.screenshot({ path: path.resolve(dir, this.language, `${name}.png`) });
  }

  async unpublish(onDialog?: () => Promise<void>): Promise<{ confirmation: string | null }> {
    await this.page.getByRole('complementary').getByRole('button', { name: this.ui.moreDocumentActions }).click();
    await this.page.getByRole('menuitem', { name: this.ui.unpublish, exact: true }).click();
    const dialog = this.page.getByRole('alertdialog').or(this.page.getByRole('dialog'));
    const notified = this.page.getByText(this.ui.unpublished, { exact: true });
    await dialog.or(notified).first().waitFor({ timeout: NOTIFICATION_MS });
    let confirmation: string | null = null;
    if (await dialog.count()) {
      confirmation = await dialog.innerText();
      await onDialog?.();
      await dialog.getByRole('button', { name: this.ui.confirm, exact: true }).click();
    }
    await this.notification(this.ui.unpublished);
    return { confirmation };
  }

  /**
   * Waits for a notification with `expected`. Any other notification that appears meanwhile (an error)
   * fails with its text, so a refused Save says what the editor was told. Closes it afterwards, so the
   * next action's message is not confused with this one.
   */
  /** Closes the notifications on screen (a refusal's message), so the next action's is read alone. */
  async dismissNotifications() {
    const alerts = this.page.getByRole('alert');
    for (let i = (await alerts.count()) - 1; i >= 0; i -= 1)
      await alerts
        .nth(i)
        .getByRole('button', { name: this.ui.close, exact: true })
        .click()
        .catch(() => {});
    await alerts
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
  }

  async notification(expected: string) {
    const wanted = this.page.getByText(expected, { exact: true });
    const danger = this.page.getByRole('alert').filter({ hasNotText: expected });
    await wanted.or(danger).first().waitFor({ timeout: NOTIFICATION_MS });
    if (!(await wanted.count())) {
      throw new Error(
        `The admin said "${(await danger.first().innerText()).replace(/\s+/g, ' ')}" instead of "${expected}"`,
      );
    }
    const text = await wanted.first().innerText();
    const close = this.page.getByRole('button', { name: this.ui.close, exact: true });
    if (await close.count())
      await close
        .first()
        .click()
        .catch(() => {});
    await wanted
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    return text;
  }

  /** The edit view's locale menu (top of the form): switches this entry to another language. */
  async switchLocale(name: string | RegExp) {
    await this.page.getByRole('combobox', { name: this.ui.locales }).click();
    await this.page.getByRole('option', { name }).click();
    await this.page.waitForLoadState('networkidle');
  }

  /**
   * The preview panel's "Open preview": Strapi's preview page frames the site's signed draft preview.
   * Returns the frame once `expected` shows in it.
   */
  async openPreview(expected: string): Promise<Frame> {
    await this.page
      .getByRole('link', { name: this.ui.openPreview })
      .or(this.page.getByRole('button', { name: this.ui.openPreview }))
      .first()
      .click();
    const iframe = this.page.locator('iframe').first();
    await iframe.waitFor({ timeout: 30_000 });
    const frame = await (await iframe.elementHandle())!.contentFrame();
    if (!frame) throw new Error('the preview has no frame');
    await frame.getByText(expected).first().waitFor({ timeout: 30_000 });
    return frame;
  }

  async closePreview() {
    await this.page
      .getByRole('link', { name: this.ui.closePreview })
      .or(this.page.getByRole('button', { name: this.ui.closePreview }))
      .first()
      .click();
    await this.page.getByRole('button', { name: this.ui.save, exact: true }).waitFor();
  }
}

/**
 * Runs one step of a journey. When it fails, saves what the editor saw (a screenshot and the page's
 * visible text) under .tmp/test-results/journeys/ and puts the paths in the error.
 */
export function stepRunner(
  page: () => Page | undefined,
  journey: string,
  visited: { url: string; html: string } = { url: '', html: '' },
) {
  const dir = path.resolve(import.meta.dirname, '../../../../.tmp/test-results/journeys');
  let n = 0;
  return async function step<T>(title: string, run: () => Promise<T>): Promise<T> {
    n += 1;
    visited.url = '';
    try {
      return await run();
    } catch (error) {
      const p = page();
      const base = path.join(
        dir,
        `${journey}-${String(n).padStart(2, '0')}-${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
      );
      const saved: string[] = [];
      if (p && !p.isClosed()) {
        fs.mkdirSync(dir, { recursive: true });
        try {
          await p.screenshot({ path: `${base}.png`, fullPage: true, timeout: 10_000 });
          saved.push(`${base}.png`);
        } catch {
          // a crashed page has no picture; its text may still be readable
        }
        try {
          const text = await p.locator('body').innerText({ timeout: 5000 });
          fs.writeFileSync(`${base}.txt`, `${p.url()}\n\n${text}\n`);
          saved.push(`${base}.txt`);
        } catch {
          // nothing more to save
        }
      }
      if (visited.url) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(`${base}.site.html`, `<!-- ${visited.url} -->\n${visited.html}`);
        saved.push(`${base}.site.html (what the visitor got)`);
      }
      const message = error instanceof Error ? error.message : String(error);
      const wrapped = new Error(
        `${journey}, step "${title}": ${message}${saved.length ? `\nwhat the editor saw: ${saved.join(', ')}` : ''}`,
      );
      if (error instanceof Error)
        wrapped.stack = `${wrapped.message}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}`;
      throw wrapped;
    }
  };
}
