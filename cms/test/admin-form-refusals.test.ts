import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootAdminCms,
  chromiumMissing as isChromiumMissing,
  launchChromium,
  type AdminCms,
} from './support/admin-panel';
import { databaseKind } from './support/cms';
import { TYPE_FIELDS } from '../src/editing/field-labels';

/**
 * What an editor sees when the CMS refuses a Save or a Publish, in Chromium through the built admin
 * panel: the message, and the form exactly as they left it (patches/@strapi__content-manager@5.54.0.patch:
 * stock Strapi reset the form to the stored values). And Unpublish asks before it takes a page off the site.
 */
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumMissing = isChromiumMissing('the admin form test');

const ADMIN = { email: 'form-editor@asb.example.org', password: 'Form-password-1' };
const GEORGIAN = { email: 'form-editor-ka@asb.example.org', password: 'Form-password-2' };
const PARTNER = 'api::partner.partner';
const PROJECT = 'api::project.project';
const failures = path.join(cmsDir, '.tmp/test-results/admin-form');

describe.runIf(!chromiumMissing)('admin edit view: refusals keep the form, unpublish asks first', () => {
  let strapi: Core.Strapi;
  let cms: AdminCms;
  let browser: Browser;
  let baseUrl: string;
  let target: { documentId: string; name: string; slug: string };
  let takenSlug: string;

  beforeAll(async () => {
    cms = await bootAdminCms({
      database: databaseKind,
      env: { IMPORT_ON_FIRST_START: 'true' },
      beforeListen: async (loaded) => {
        strapi = loaded;
        const role = await strapi.service('admin::role').getSuperAdmin();
        await strapi.service('admin::user').create({
          email: ADMIN.email,
          firstname: 'Form',
          lastname: 'Editor',
          password: ADMIN.password,
          isActive: true,
          roles: [role.id],
          preferedLanguage: 'en',
        });
        await strapi.service('admin::user').create({
          email: GEORGIAN.email,
          firstname: 'ნინო',
          lastname: 'რედაქტორი',
          password: GEORGIAN.password,
          isActive: true,
          roles: [role.id],
          preferedLanguage: 'ka',
        });
        const partners = (await strapi.documents(PARTNER).findMany({
          locale: 'ka',
          status: 'published',
          sort: 'name:asc',
        })) as unknown as { documentId: string; name: string; slug: string }[];
        expect(partners.length).toBeGreaterThanOrEqual(2);
        [target] = partners;
        takenSlug = partners[1]!.slug;
      },
    });
    baseUrl = cms.baseUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  /**
   * One signed-in browser session per editor, as a person stays signed in between tasks (signing in
   * for every task would also meet the admin's login rate limit, 5 a minute).
   */
  const sessions = new Map<string, BrowserContext>();
  async function session(account: { email: string; password: string }) {
    let context = sessions.get(account.email);
    if (context) return context;
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel(/^Password/).fill(account.password);
    // "Remember me" keeps the session in localStorage, which every page of this context shares.
    await page.getByRole('checkbox', { name: 'Remember me' }).check();
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
    await page.close();
    sessions.set(account.email, context);
    return context;
  }

  /** Runs a step in a signed-in page; on failure keeps a screenshot and the visible text, and names them. */
  async function asEditor(name: string, step: (page: Page) => Promise<void>, account = ADMIN) {
    const page = await (await session(account)).newPage();
    try {
      await step(page);
    } catch (error) {
      fs.mkdirSync(failures, { recursive: true });
      const shot = path.join(failures, `${name}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      const text = await page
        .locator('body')
        .innerText()
        .catch(() => '');
      fs.writeFileSync(path.join(failures, `${name}.txt`), text);
      throw new Error(`${(error as Error).message}\n(what the editor saw: ${shot})`, { cause: error });
    } finally {
      await page.close();
    }
  }

  const openPartner = async (page: Page) => {
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/${PARTNER}/${target.documentId}?plugins[i18n][locale]=ka`,
    );
    // The name field, labelled in the editor's interface language.
    const { en, ka } = TYPE_FIELDS['api::partner.partner'].name;
    const name = page.getByLabel(new RegExp(`^(${en[0]}|${ka[0]})`));
    await expect.poll(() => name.inputValue(), { timeout: 30_000 }).toBe(target.name);
  };

  /** The text of the elements an input names as its description: its hint, or its error once refused. */
  const describedText = async (page: Page, input: ReturnType<Page['getByLabel']>) => {
    const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    return (
      await Promise.all(ids.map(async (id) => (await page.locator(`[id="${id}"]`).allTextContents()).join(' ')))
    ).join(' ');
  };

  for (const action of ['Save', 'Publish'] as const) {
    it(`a refused ${action} shows why next to the field and keeps every typed value`, async () => {
      await asEditor(`refused-${action.toLowerCase()}`, async (page) => {
        await openPartner(page);
        const typedName = `${target.name} (renamed by the editor)`;
        await page.getByLabel(/^name/i).fill(typedName);
        await page.getByLabel(/^slug/i).fill(takenSlug);
        await page.getByRole('button', { name: action, exact: true }).click();

        // The CMS refuses: the slug belongs to another partner. The message says so under the slug field
        // (the element the input names as its description), not only in a passing toast.
        const slug = page.getByLabel(/^slug/i);
        await expect.poll(() => slug.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
        expect(await describedText(page, slug)).toContain(
          `"${takenSlug}" is already used by another partner in Georgian`,
        );
        // What the editor typed is still there, in both fields.
        expect(await page.getByLabel(/^name/i).inputValue()).toBe(typedName);
        expect(await page.getByLabel(/^slug/i).inputValue()).toBe(takenSlug);
        // And nothing was written.
        const stored = await strapi.documents(PARTNER).findOne({ documentId: target.documentId, locale: 'ka' });
        expect(stored?.name).toBe(target.name);
      });
    });
  }

  it('an editor with the Georgian interface reads the refusal in Georgian', async () => {
    await asEditor(
      'refused-save-georgian',
      async (page) => {
        await openPartner(page);
        // The Georgian interface labels the field in Georgian (src/editing/field-labels.ts).
        const slug = page.getByLabel(new RegExp(`^${TYPE_FIELDS['api::partner.partner'].slug.ka[0]}`));
        await slug.fill(takenSlug);
        await page.getByRole('button', { name: 'შენახვა', exact: true }).click();
        await expect.poll(() => slug.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
        expect(await describedText(page, slug)).toContain(
          `ვებმისამართს „${takenSlug}“ უკვე იყენებს სხვა პარტნიორი ქართულ ვერსიაში.`,
        );
        expect(await slug.inputValue()).toBe(takenSlug);
      },
      GEORGIAN,
    );
  });

  it('a project that ends before it starts is refused under End, with both dates kept', async () => {
    const project = (await strapi.documents(PROJECT).findFirst({ locale: 'ka', status: 'published' })) as unknown as {
      documentId: string;
      title: string;
      summary: string;
    };
    await asEditor('refused-dates', async (page) => {
      await page.goto(
        `${baseUrl}/admin/content-manager/collection-types/${PROJECT}/${project.documentId}?plugins[i18n][locale]=ka`,
      );
      await expect.poll(() => page.getByLabel(/^title/i).inputValue(), { timeout: 30_000 }).toBe(project.title);
      const summary = `${project.summary} ახალი წინადადება.`;
      await page.getByLabel(/^summary/i).fill(summary);
      await page.getByLabel(/^start/i).fill('2024-05');
      await page.getByLabel(/^end/i).fill('2023');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const end = page.getByLabel(/^end/i);
      await expect.poll(() => end.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
      expect(await describedText(page, end)).toContain('The project cannot end (2023) before it starts (2024-05)');
      expect(await page.getByLabel(/^start/i).inputValue()).toBe('2024-05');
      expect(await end.inputValue()).toBe('2023');
      expect(await page.getByLabel(/^summary/i).inputValue()).toBe(summary);

      // A date in a form the site cannot read is explained in words, not as a regular expression.
      await end.fill('31.12.2025');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect
        .poll(() => describedText(page, end), { timeout: 20_000 })
        .toContain('write a year (2024), a month (2024-05) or a day (2024-05-31)');
      const stored = await strapi.documents(PROJECT).findOne({ documentId: project.documentId, locale: 'ka' });
      expect(stored?.summary).toBe(project.summary);
    });
  });

  it('a website without https:// is refused in words under Website', async () => {
    await asEditor('refused-website', async (page) => {
      await openPartner(page);
      const website = page.getByLabel(/^website/i);
      await website.fill('www.example.org');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect
        .poll(() => describedText(page, website), { timeout: 20_000 })
        .toContain('"www.example.org" is not a web address: write it in full, starting with https://');
      expect(await website.inputValue()).toBe('www.example.org');
    });
  });

  it('a picture in the text without alternative text is refused on Publish; the field under it fixes that', async () => {
    // A partner whose Georgian "About" holds a picture inserted before it had alternative text.
    const uploads = path.join(strapi.dirs.static.public, 'uploads');
    fs.mkdirSync(uploads, { recursive: true });
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#5a7' } })
      .png()
      .toFile(path.join(uploads, 'form-test-village.png'));
    const partner = await strapi.documents(PARTNER).create({
      locale: 'ka',
      data: {
        name: 'სოფლის კოოპერატივი',
        kind: 'community-organisation',
        description: [
          { type: 'paragraph', children: [{ type: 'text', text: 'კოოპერატივი სოფელში.' }] },
          {
            type: 'image',
            image: {
              name: 'village.jpg',
              hash: 'village',
              ext: '.png',
              mime: 'image/png',
              size: 1,
              provider: 'local',
              createdAt: '2026-01-01T00:00:00.000Z',
              updatedAt: '2026-01-01T00:00:00.000Z',
              url: '/uploads/form-test-village.png',
              width: 64,
              height: 48,
              alternativeText: 'village.jpg',
            },
            children: [{ type: 'text', text: '' }],
          },
        ],
      },
    } as never);
    await asEditor('picture-alt', async (page) => {
      await page.goto(
        `${baseUrl}/admin/content-manager/collection-types/${PARTNER}/${partner.documentId}?plugins[i18n][locale]=ka`,
      );
      const alt = page.getByLabel('Alternative text', { exact: true });
      await alt.waitFor({ timeout: 30_000 });
      // The file name the old admin filled in is not shown as if it were a description.
      expect(await alt.inputValue()).toBe('');
      expect(await describedText(page, alt)).toContain('Write the alternative text in this language.');

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await expect
        .poll(() => page.locator('body').innerText(), { timeout: 20_000 })
        .toContain('The picture “village.jpg” in “About” has no alternative text in Georgian.');
      const published = () =>
        strapi.documents(PARTNER).findOne({ documentId: partner.documentId, locale: 'ka', status: 'published' });
      expect(await published()).toBeNull();

      await alt.fill('სოფლის კოოპერატივის წევრები ბაღში');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await expect.poll(published, { timeout: 20_000 }).not.toBeNull();
      const description = (
        (await published()) as unknown as { description: { image?: { alternativeText?: string } }[] }
      ).description;
      expect(description[1]?.image?.alternativeText).toBe('სოფლის კოოპერატივის წევრები ბაღში');
    });
  });

  it('Unpublish asks for confirmation; Cancel keeps the page published, Confirm unpublishes it', async () => {
    await asEditor('unpublish-confirmation', async (page) => {
      await openPartner(page);
      const unpublish = async () => {
        // Unpublish sits in the panel's "more actions" menu.
        await page.getByRole('button', { name: 'More document actions' }).click();
        await page.getByRole('menuitem', { name: 'Unpublish', exact: true }).click();
      };
      await unpublish();
      const dialog = page.getByRole('alertdialog');
      await expect.poll(() => dialog.innerText(), { timeout: 10_000 }).toContain('Take this page off the public site?');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      const published = () =>
        strapi.documents(PARTNER).findOne({ documentId: target.documentId, locale: 'ka', status: 'published' });
      expect(await published()).not.toBeNull();

      await unpublish();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
      await expect.poll(published, { timeout: 20_000 }).toBeNull();
    });
  });
});
