// page.evaluate callbacks run in the browser: DOM types for them.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootAdminCms,
  chromiumMissing as isChromiumMissing,
  launchChromium,
  type AdminCms,
} from './support/admin-panel';
import { keysFor, loadEnglishCatalogue, messagePattern } from './support/admin-messages';
import ka from '../src/admin/translations/ka.json';
import { OPTION_LABELS } from '../src/admin/fields/option-labels';
import { fieldMessages } from '../src/admin/translations/field-messages';

/**
 * The admin panel in Georgian, through the real UI of the built admin panel in Chromium: an
 * administrator picks ქართული on the Profile page, then walks an editor's everyday screens (login,
 * home, every list view, a partner's edit view with its component, relation, blocks field and the
 * media dialog, saving, publishing, validation errors, confirmation dialogs, the profile). On each
 * screen the visible interface text is collected; any text in Latin script that is not the
 * organisation's own content or a content-model label is a failure, named by the message key(s)
 * whose English text it is (from the en.json files and default messages of @strapi/admin and its
 * plugins). Then the administrator switches back to English and the same screens speak English.
 */
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumMissing = isChromiumMissing('the Georgian admin test');

const ADMIN = {
  email: 'nino.beridze@asb.example.org',
  password: 'Georgian-admin-1',
  firstname: 'ნინო',
  lastname: 'ბერიძე',
};
// The admin's Georgian messages: ka.json, and the option and field labels app.tsx merges into them.
const KA = { ...(ka as Record<string, string>), ...OPTION_LABELS.ka, ...fieldMessages('ka') } as Record<string, string>;
const KA_TEXTS = new Set(Object.values(KA));
/** A 1×1 PNG for the media dialog's upload. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** What the stand-in site reports to the home page's widget: live, building, one failure. */
const SITE_STATE = {
  live: 'build-20260101-1200',
  building: true,
  followUpQueued: true,
  lastSuccess: { id: 'build-20260101-1200', at: '2026-01-01T12:00:00.000Z' },
  lastFailure: { at: '2026-01-02T08:30:00.000Z', reason: 'verify: 3 pages lost their English title' },
};
type Lang = 'ka' | 'en';
/**
 * English that Strapi 5.54 writes without a message id, so no translation can reach it: the i18n
 * plugin's "Available in" cell appends ` (default)` to the default locale's name
 * (@strapi/i18n dist/admin/components/LocaleListCell).
 */
const HARD_CODED = ['(default)'];
/** Latin that Georgian interface text keeps: abbreviations, file formats, key names, a URL scheme, e-mail addresses. */
const TECHNICAL =
  /\b(API|ID|JSON|URL|JPEG|PNG|WebP|Ctrl|Cmd|Shift|Enter|Escape|Rel|Target|px|X|Y)\b|https:\/\/|[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

/** Visible text nodes and input placeholders of the page, whitespace collapsed. */
const visibleTexts = (page: Page, skipTimes: boolean) =>
  page.evaluate((skipTimes) => {
    const out = new Set<string>();
    const shown = (el: Element) => {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      const el = node.parentElement;
      // Typed text (blocks editor) and text marked translate="no" (the site's own messages, build ids) are data.
      if (!text || !el || el.closest('script, style, noscript, [contenteditable="true"], [translate="no"]')) continue;
      // Relative times and dates come from the browser's Intl data (see intlSpeaksGeorgian).
      if (skipTimes && el.closest('time')) continue;
      if (shown(el)) out.add(text);
    }
    for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]'))
      if (!el.value && el.placeholder.trim() && shown(el)) out.add(el.placeholder.replace(/\s+/g, ' ').trim());
    return [...out];
  }, skipTimes);

describe.runIf(!chromiumMissing)('the admin panel in Georgian', () => {
  let strapi: Core.Strapi;
  let cms: AdminCms;
  let site: http.Server;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let catalogue: Map<string, string>;
  /** Text that is content, not interface: documents' values, field labels and hints, names, files. */
  const content = new Set<string>();
  const screens: Record<Lang, Map<string, string[]>> = { ka: new Map(), en: new Map() };
  let partner: { documentId: string; name: string; edited: Record<Lang, string> };
  /**
   * Whether the browser's Intl has Georgian data. The admin formats relative times ("5 minutes
   * ago") and dates with Intl in the interface language; desktop Chrome and Firefox have Georgian,
   * Debian's chromium does not (it formats them in English), so the test checks <time> text only
   * where the browser can produce Georgian.
   */
  let intlSpeaksGeorgian = false;

  /** The text of a message in the interface language (ka.json, or the English catalogue). */
  const t = (lang: Lang, id: string) => {
    const text =
      lang === 'ka' ? (KA[id] ?? (process.env.ADMIN_KA_DISCOVER ? catalogue.get(id) : undefined)) : catalogue.get(id);
    if (!text) throw new Error(`no ${lang} text for the message ${id}`);
    return text;
  };

  const addContent = (value: unknown): void => {
    if (typeof value === 'string') {
      const text = value.replace(/\s+/g, ' ').trim();
      if (text) content.add(text);
    } else if (Array.isArray(value)) value.forEach(addContent);
    else if (value && typeof value === 'object') Object.values(value).forEach(addContent);
  };

  beforeAll(async () => {
    catalogue = await loadEnglishCatalogue();
    site = http.createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(SITE_STATE)),
    );
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const sitePort = (site.address() as AddressInfo).port;
    cms = await bootAdminCms({
      database: 'sqlite',
      env: {
        IMPORT_ON_FIRST_START: 'true',
        PREVIEW_SECRET: 'test-preview-secret-georgian-admin',
        SITE_PUBLIC_URL: 'http://127.0.0.1:9',
        REBUILD_URL: `http://127.0.0.1:${sitePort}/_site/rebuild`,
        REBUILD_WEBHOOK_SECRET: 'test-rebuild-secret',
      },
      beforeListen: async (loaded) => {
        strapi = loaded;
        const role = await strapi.service('admin::role').getSuperAdmin();
        await strapi.service('admin::user').create({ ...ADMIN, isActive: true, roles: [role.id] });
      },
    });
    baseUrl = cms.baseUrl;

    // The organisation's content in both languages, locale names. Not the fields' labels and hints:
    // those are interface text, in the interface language (src/editing/field-labels.ts).
    for (const uid of Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'))) {
      const schema = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
      for (const locale of ['ka', 'en'])
        for (const status of ['draft', 'published'] as const)
          addContent(await strapi.documents(uid as never).findMany({ locale, status, populate: '*' } as never));
      for (const attribute of Object.values(schema.attributes) as { enum?: string[] }[]) addContent(attribute.enum);
    }
    addContent(await strapi.plugin('i18n').service('locales').find());
    addContent((await strapi.db.query('admin::role').findMany()).map((role: { name: string }) => role.name));
    addContent(['logo-ka.png', 'logo-en.png', 'logo-ka', 'logo-en', 'PNG', 'png']);
    addContent([ADMIN.email, ADMIN.firstname, ADMIN.lastname, `${ADMIN.firstname} ${ADMIN.lastname}`]);
    const first = await strapi.documents('api::partner.partner').findFirst({ locale: 'ka', status: 'draft' });
    // Each walk saves a name of its own (a name equal to the saved one leaves Save disabled).
    const edited = { ka: `${first!.name} — ტესტი 1`, en: `${first!.name} — ტესტი 2` };
    partner = { documentId: first!.documentId, name: first!.name as string, edited };
    addContent(Object.values(edited));

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(15_000);
    intlSpeaksGeorgian = await page.evaluate(() => Intl.RelativeTimeFormat.supportedLocalesOf(['ka']).length > 0);
    if (!intlSpeaksGeorgian)
      console.warn('this Chromium has no Georgian Intl data: relative times and dates are not checked');
  });

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
    site?.close();
  });

  const settle = async () => {
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.waitForTimeout(300);
  };
  const record = async (lang: Lang, screen: string) => {
    await settle();
    const texts = await visibleTexts(page, !intlSpeaksGeorgian);
    screens[lang].set(screen, [...(screens[lang].get(screen) ?? []), ...texts]);
    return texts;
  };
  const failureShot = (name: string) =>
    page.screenshot({ path: path.join(cmsDir, `.tmp/admin-georgian-${name}.png`), fullPage: true }).catch(() => {});

  const signIn = async (lang: Lang) => {
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').waitFor();
    await record(lang, 'login');
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
  };

  const signOut = async () => {
    await page.evaluate(() => fetch('/admin/logout', { method: 'POST' }).catch(() => {}));
    await page.context().clearCookies();
    // The interface language stays in localStorage (strapi-admin-language), as after a real sign-out.
    await page.evaluate(() => {
      localStorage.removeItem('jwtToken');
      localStorage.removeItem('isLoggedIn');
    });
  };

  const chooseLanguage = async (lang: Lang, nativeName: string) => {
    await page.goto(`${baseUrl}/admin/me`);
    await page.locator('[name="preferedLanguage"]').waitFor({ timeout: 30_000 });
    await page.locator('[name="preferedLanguage"]').click();
    await page.getByRole('option', { name: nativeName }).click();
    await page.getByRole('button', { name: t(lang === 'ka' ? 'en' : 'ka', 'global.save') }).click();
    await page.getByRole('button', { name: t(lang, 'global.save'), exact: true }).waitFor({ timeout: 30_000 });
  };

  const problems: string[] = [];
  /** A step of the walk; while discovering (ADMIN_KA_DISCOVER=1) a failing step is noted and skipped. */
  const step = async (name: string, run: () => Promise<void>) => {
    if (!process.env.ADMIN_KA_DISCOVER) return run();
    try {
      await run();
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
      await failureShot(name.replace(/\W+/g, '-'));
      await page.keyboard.press('Escape').catch(() => {});
    }
  };

  /** The screens an editor meets on an ordinary day, each recorded under its name. */
  const walk = async (lang: Lang) => {
    await signOut();
    await signIn(lang);

    await page.goto(`${baseUrl}/admin`);
    await page.getByTestId('asb-site-status-building').waitFor({ timeout: 30_000 });
    await record(lang, 'home');

    for (const uid of Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'))) {
      const kind = strapi.contentTypes[uid as keyof typeof strapi.contentTypes].kind;
      await page.goto(
        `${baseUrl}/admin/content-manager/${kind === 'singleType' ? 'single' : 'collection'}-types/${uid}`,
      );
      await page.locator('main h1').waitFor({ timeout: 30_000 });
      await record(lang, `${kind === 'singleType' ? 'edit view' : 'list view'} ${uid}`);
    }

    // List view tools: filters, the locale picker.
    await page.goto(`${baseUrl}/admin/content-manager/collection-types/api::partner.partner?plugins[i18n][locale]=ka`);
    await page.locator('main tbody tr').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: t(lang, 'app.utils.filters'), exact: true }).click();
    await record(lang, 'list view filters');
    await page.keyboard.press('Escape');

    // The edit view of a partner in Georgian: a component (logo), relations, a blocks field, the preview panel.
    const editUrl = `${baseUrl}/admin/content-manager/collection-types/api::partner.partner/${partner.documentId}?plugins[i18n][locale]=ka`;
    await page.goto(editUrl);
    const name = page.locator('input[name="name"]');
    await name.waitFor({ timeout: 30_000 });
    await page.getByText(t(lang, 'content-manager.preview.panel.button'), { exact: true }).waitFor();
    await record(lang, 'edit view');

    // The "..." menus: the document actions and the header's (fill in from another locale).
    await step(`${lang} menus`, async () => {
      await page
        .getByRole('button', {
          name: t(lang, 'content-manager.containers.edit.panels.default.more-actions'),
          exact: true,
        })
        .click();
      await record(lang, 'edit view: more document actions');
      await page.keyboard.press('Escape');
      await page
        .getByRole('button', { name: t(lang, 'content-manager.containers.edit.header.more-actions'), exact: true })
        .click();
      await record(lang, 'edit view: header menu');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: t(lang, 'i18n.CMEditViewCopyLocale.copy-text'), exact: true }).click();
      await page.getByRole('alertdialog').waitFor();
      await record(lang, 'edit view: fill in from another locale');
      await page.getByRole('button', { name: t(lang, 'i18n.CMEditViewCopyLocale.cancel-text'), exact: true }).click();
    });

    // A relation picker.
    await step(`${lang} relation picker`, async () => {
      await page.getByPlaceholder(t(lang, 'content-manager.relation.add')).first().click();
      await page.getByRole('option').first().waitFor({ timeout: 30_000 });
      await record(lang, 'edit view: relation picker');
      await page.keyboard.press('Escape');
    });

    // The logo component: add it, open the media dialog from its image field.
    await step(`${lang} component and media dialog`, async () => {
      await page
        .getByRole('button', { name: t(lang, 'content-manager.components.empty-repeatable'), exact: true })
        .first()
        .click();
      await record(lang, 'edit view: component added');
      await page.getByText(t(lang, 'upload.mediaLibraryInput.placeholder')).first().click();
      await page.getByRole('dialog').waitFor();
      await record(lang, 'media dialog');
      // Upload an image from the computer: the pending assets, then its details (alt text, caption).
      await page
        .getByRole('button', { name: t(lang, 'upload.modal.upload-list.sub-header.button'), exact: true })
        .click();
      await page.getByText(t(lang, 'upload.modal.nav.computer'), { exact: true }).waitFor();
      await record(lang, 'media dialog: upload');
      await page
        .locator('input[type="file"]')
        .first()
        .setInputFiles({
          name: `logo-${lang}.png`,
          mimeType: 'image/png',
          buffer: PNG,
        });
      await page.getByText(t(lang, 'upload.modal.upload-list.sub-header-subtitle')).waitFor();
      await record(lang, 'media dialog: pending assets');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t(lang, 'upload.control-card.edit'), exact: true })
        .first()
        .click();
      await page.getByText(t(lang, 'upload.form.input.label.file-alt'), { exact: true }).waitFor();
      await record(lang, 'media dialog: asset details');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t(lang, 'global.cancel'), exact: true })
        .click();
      await page
        .getByRole('button', { name: messagePattern(t(lang, 'upload.modal.upload-list.footer.button')) })
        .click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t(lang, 'global.finish'), exact: true })
        .waitFor();
      await record(lang, 'media dialog: uploaded');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t(lang, 'global.finish'), exact: true })
        .click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await record(lang, 'edit view: image chosen');
    });

    // The blocks editor's block types.
    await step(`${lang} blocks toolbar`, async () => {
      await page
        .getByRole('combobox')
        .filter({ hasText: t(lang, 'components.Blocks.blocks.text') })
        .first()
        .click();
      await page.getByRole('option').first().waitFor();
      await record(lang, 'edit view: blocks toolbar');
      await page.keyboard.press('Escape');
    });

    // Validation errors: a required field left empty (drafts may lack it; publishing checks), a value
    // too long; then leaving the page with unsaved changes.
    await step(`${lang} validation`, async () => {
      await name.fill('');
      await page.getByRole('button', { name: t(lang, 'app.utils.publish'), exact: true }).click();
      await page.getByText(t(lang, 'components.Input.error.validation.required')).first().waitFor();
      await record(lang, 'edit view: required field');
      await name.fill('ა'.repeat(250));
      await page.getByRole('button', { name: t(lang, 'global.save'), exact: true }).click();
      await page
        .getByText(t(lang, 'components.Input.error.validation.maxLength').replace(/\{max\}.*$/s, ''))
        .first()
        .waitFor();
      await record(lang, 'edit view: too long');
      await page.getByRole('link', { name: t(lang, 'global.back'), exact: true }).click();
      await page.getByRole('alertdialog').waitFor();
      await record(lang, 'edit view: leave with unsaved changes');
      await page
        .getByRole('alertdialog')
        .getByRole('button', { name: t(lang, 'app.components.Button.confirm'), exact: true })
        .click();
      await page.locator('main tbody tr').first().waitFor();
    });

    // Save (a notification), discard the saved changes (a confirmation dialog), save and publish,
    // unpublish, publish again (the next walk starts from a published partner).
    await step(`${lang} save and publish`, async () => {
      await page.goto(editUrl);
      await name.waitFor();
      const save = page.getByRole('button', { name: t(lang, 'global.save'), exact: true });
      const publish = page.getByRole('button', { name: t(lang, 'app.utils.publish'), exact: true });
      const moreActions = page.getByRole('button', {
        name: t(lang, 'content-manager.containers.edit.panels.default.more-actions'),
        exact: true,
      });
      const notification = async (id: string, screen: string) => {
        await page.getByText(t(lang, id), { exact: true }).first().waitFor();
        await record(lang, screen);
      };
      await name.fill(partner.edited[lang]);
      await save.click();
      await notification('content-manager.success.record.save', 'edit view: saved');
      await moreActions.click();
      await page.getByRole('menuitem', { name: t(lang, 'content-manager.actions.discard.label'), exact: true }).click();
      await page.getByRole('alertdialog').waitFor();
      await record(lang, 'edit view: discard changes dialog');
      await page
        .getByRole('alertdialog')
        .getByRole('button', { name: t(lang, 'app.components.Button.confirm'), exact: true })
        .click();
      await notification('content-manager.success.record.discard', 'edit view: changes discarded');
      await name.fill(partner.edited[lang]);
      await save.click();
      await notification('content-manager.success.record.save', 'edit view: saved');
      await publish.click();
      await notification('content-manager.success.record.publish', 'edit view: published');
      await moreActions.click();
      await page.getByRole('menuitem', { name: t(lang, 'app.utils.unpublish'), exact: true }).click();
      // Unpublishing asks first (patches/@strapi__content-manager@5.54.0.patch): the question is interface text too.
      await page.getByRole('alertdialog').waitFor();
      await record(lang, 'edit view: unpublish dialog');
      await page
        .getByRole('alertdialog')
        .getByRole('button', { name: t(lang, 'app.components.Button.confirm'), exact: true })
        .click();
      await notification('content-manager.success.record.unpublish', 'edit view: unpublished');
      await publish.click();
      await notification('content-manager.success.record.publish', 'edit view: published');
    });

    await page.goto(`${baseUrl}/admin/me`);
    await page.locator('[name="preferedLanguage"]').waitFor({ timeout: 30_000 });
    await record(lang, 'profile');
  };

  /** The Latin-script texts of the recorded screens that are neither content nor known exceptions. */
  const untranslatedTexts = (lang: Lang) => {
    const found: string[] = [];
    const strippable = [...content].filter((text) => text.length >= 3).sort((a, b) => b.length - a.length);
    for (const [screen, texts] of screens[lang])
      for (const text of new Set(texts)) {
        if (content.has(text)) continue;
        // A Georgian message that carries a code (an option label such as "საქართველო (GE)").
        if (lang === 'ka' && KA_TEXTS.has(text) && /[\u10D0-\u10FF]/.test(text)) continue;
        let rest = text;
        for (const piece of strippable) if (rest.includes(piece)) rest = rest.split(piece).join(' ');
        for (const allowed of HARD_CODED) rest = rest.split(allowed).join(' ');
        rest = rest.replace(TECHNICAL, ' ');
        if (!/[A-Za-z]{2,}/.test(rest)) continue;
        // The ids with this English text that ka.json lacks are the ones to translate.
        const matching = keysFor(catalogue, text);
        const missing = matching.filter((key) => !KA[key]);
        const keys = missing.length ? missing : matching;
        found.push(
          `${screen}: "${text}" ${keys.length ? `(${keys.slice(0, 5).join(', ')})` : '(no message key found)'}`,
        );
      }
    return found;
  };

  it('an administrator switches the interface to Georgian on the Profile page', async () => {
    try {
      await signIn('en');
      await chooseLanguage('ka', 'ქართული');
      const user = await strapi.db.query('admin::user').findOne({ where: { email: ADMIN.email } });
      expect(user.preferedLanguage).toBe('ka');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ka');
    } catch (error) {
      await failureShot('profile');
      throw error;
    }
  });

  it('every screen of an editor’s day shows Georgian interface text', { timeout: 600_000 }, async () => {
    try {
      await walk('ka');
    } catch (error) {
      await failureShot('walk-ka');
      throw error;
    } finally {
      fs.writeFileSync(
        path.join(cmsDir, '.tmp/admin-georgian-screens.json'),
        JSON.stringify(Object.fromEntries(screens.ka), null, 1),
      );
      fs.writeFileSync(path.join(cmsDir, '.tmp/admin-georgian-problems.txt'), problems.join('\n'));
    }
    expect(problems).toEqual([]);
    const shown = (screen: string) => new Set(screens.ka.get(screen));
    expect(shown('login')).toContain(KA['Auth.form.button.login']);
    expect(shown('home')).toContain(KA['asb.widget.site-status.title']);
    expect(shown('edit view')).toContain(KA['global.save']);
    expect(shown('edit view: saved')).toContain(KA['content-manager.success.record.save']);
    const untranslated = untranslatedTexts('ka');
    fs.writeFileSync(path.join(cmsDir, '.tmp/admin-georgian-untranslated.txt'), untranslated.join('\n'));
    expect(untranslated).toEqual([]);
  });
  it('switching back to English on the Profile page gives the English interface', { timeout: 600_000 }, async () => {
    try {
      await chooseLanguage('en', 'English');
      const user = await strapi.db.query('admin::user').findOne({ where: { email: ADMIN.email } });
      expect(user.preferedLanguage).toBe('en');
      await walk('en');
    } catch (error) {
      await failureShot('walk-en');
      throw error;
    }
    // No Georgian interface text is left: every ka.json text on screen is content (e.g. the partner's name).
    const georgian = new Set(Object.values(KA));
    const left = [...screens.en].flatMap(([screen, texts]) =>
      texts.filter((text) => georgian.has(text) && !content.has(text)).map((text) => `${screen}: "${text}"`),
    );
    expect(left).toEqual([]);
    const shown = (screen: string) => new Set(screens.en.get(screen));
    expect(shown('login')).toContain(catalogue.get('Auth.form.button.login'));
    expect(shown('home')).toContain('Public site');
    expect(shown('list view api::partner.partner')).toContain(
      catalogue.get('content-manager.containers.List.published'),
    );
    expect(shown('edit view')).toContain(catalogue.get('global.save'));
    expect(shown('edit view: published')).toContain(catalogue.get('content-manager.success.record.publish'));
  });
});
