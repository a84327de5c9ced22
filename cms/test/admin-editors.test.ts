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
import { databaseKind } from './support/cms';
import { ADMIN_ROLES } from '../src/setup/admin-roles';
import { COMPONENT_HINTS, LAST_UPDATED, LIST_VIEWS } from '../src/setup/editor-hints';
import { OPTION_LABELS } from '../src/admin/fields/option-labels';

/**
 * The admin panel as editors use it, in Chromium at 1280×800: an Author saves a draft and has no
 * Publish button, an Editor publishes it; every list view opens in Georgian, newest first, with its
 * columns inside the window; component fields carry their labels; years have no thousands separator;
 * enumeration options show labels. Needs the built admin panel (`pnpm --filter @asb/cms build`).
 */
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumMissing = isChromiumMissing('the admin editors test');

const PASSWORD = 'Editors-password-1';
const USERS = { author: 'ui-author@asb.example.org', editor: 'ui-editor@asb.example.org' } as const;
const VIEWPORT = { width: 1280, height: 800 };
const PROGRAMME = 'api::programme.programme';

/** The visible labels of the form's fields, without the required-field star. */
const fieldLabels = async (page: Page) =>
  (await page.locator('label').allTextContents()).map((t) => t.replace(/\*$/, '').trim());

describe.runIf(!chromiumMissing)('the admin panel for authors and editors', () => {
  let strapi: Core.Strapi;
  let cms: AdminCms;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    cms = await bootAdminCms({
      database: databaseKind,
      env: { IMPORT_ON_FIRST_START: 'true' },
      beforeListen: async (loaded) => {
        strapi = loaded;
        for (const key of ['author', 'editor'] as const) {
          const role = await strapi.service('admin::role').findOne({ code: ADMIN_ROLES[key].code });
          await strapi.service('admin::user').create({
            email: USERS[key],
            firstname: key === 'author' ? 'Nino' : 'Giorgi',
            lastname: 'Test',
            password: PASSWORD,
            isActive: true,
            roles: [role.id],
          });
        }
      },
    });
    baseUrl = cms.baseUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  /** A fresh browser profile (no remembered locale or columns), signed in. */
  const signIn = async (who: keyof typeof USERS) => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(USERS[who]);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
    return page;
  };

  const withPage = async (who: keyof typeof USERS, name: string, run: (page: Page) => Promise<void>) => {
    const page = await signIn(who);
    try {
      await run(page);
    } catch (error) {
      await page.screenshot({ path: path.join(cmsDir, `.tmp/admin-editors-${name}.png`) }).catch(() => {});
      throw error;
    } finally {
      await page.context().close();
    }
  };

  it('lets an Author save a draft without a Publish button, and an Editor publish it', async () => {
    const title = `Programme drafted in the browser ${Date.now()}`;
    let documentId = '';
    await withPage('author', 'author', async (page) => {
      await page.goto(`${baseUrl}/admin/content-manager/collection-types/${PROGRAMME}/create?plugins[i18n][locale]=ka`);
      await page.locator('input[name="title"]').fill(title);
      await page.locator('textarea[name="summary"]').fill('A draft written by an author.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30_000 });
      documentId = page.url().split('?')[0].split('/').pop()!;
      await expect
        .poll(async () => page.getByText('Draft', { exact: true }).count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      const publish = page.getByRole('button', { name: 'Publish' });
      // Strapi hides the action for a role without the publish permission; a disabled one would do too.
      if ((await publish.count()) > 0) expect(await publish.isDisabled()).toBe(true);
    });
    const draft = await strapi.documents(PROGRAMME).findOne({ documentId, locale: 'ka' } as never);
    expect(draft?.title).toBe(title);
    expect(
      await strapi.documents(PROGRAMME).findOne({ documentId, locale: 'ka', status: 'published' } as never),
    ).toBeNull();

    await withPage('editor', 'editor', async (page) => {
      await page.goto(
        `${baseUrl}/admin/content-manager/collection-types/${PROGRAMME}/${documentId}?plugins[i18n][locale]=ka`,
      );
      const publish = page.getByRole('button', { name: 'Publish' });
      await publish.waitFor({ timeout: 30_000 });
      await publish.click();
      await expect
        .poll(
          async () => strapi.documents(PROGRAMME).findOne({ documentId, locale: 'ka', status: 'published' } as never),
          {
            timeout: 15_000,
          },
        )
        .toBeTruthy();
    });
  });

  it('opens every list view in Georgian, newest first, with all columns inside 1280 px', async () => {
    await withPage('editor', 'lists', async (page) => {
      const listRequests: URL[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname.includes('/content-manager/collection-types/') && url.searchParams.has('locale'))
          listRequests.push(url);
      });
      await page.goto(`${baseUrl}/admin/content-manager`);
      for (const [uid, view] of Object.entries(LIST_VIEWS)) {
        // As an editor gets there: the content manager's menu, in a browser that remembers no locale.
        const name = strapi.contentType(uid as never).info.displayName;
        await page.getByRole('link', { name, exact: true }).click({ timeout: 30_000 });
        // The list's request to the CMS says which locale and order it asked for (the address may omit the sort).
        await page.waitForURL((url) => url.pathname.endsWith(uid) && url.search.includes('locale'), {
          timeout: 30_000,
        });
        const requestFor = () =>
          listRequests.filter((url) => decodeURIComponent(url.pathname).endsWith(`/${uid}`)).at(-1);
        await expect.poll(requestFor, { timeout: 30_000 }).toBeTruthy();
        const asked = requestFor()!.searchParams;
        expect(asked.get('locale'), uid).toBe('ka');
        expect(asked.get('sort'), uid).toBe(`${LAST_UPDATED.field}:DESC`);
        expect(new URL(page.url()).searchParams.get('plugins[i18n][locale]'), uid).toBe('ka');
        await page.locator('[data-testid="asb-locales-cell"] span').first().waitFor({ timeout: 30_000 });
        const headers = page.locator('thead th');
        const texts = (await headers.allTextContents()).map((t) => t.trim()).filter(Boolean);
        const [label] = Object.values(view.columns).map((c) => c.label);
        expect(
          texts.map((t) => t.replace(/^Sort on /, '').toLowerCase()),
          uid,
        ).toEqual([label, 'Available in', LAST_UPDATED.label, 'Status'].map((t) => t.toLowerCase()));
        for (let i = 0; i < (await headers.count()); i++) {
          const box = await headers.nth(i).boundingBox();
          expect(box, `${uid} column ${i}`).not.toBeNull();
          expect(box!.x, `${uid} column ${i}`).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width, `${uid} column ${i} ends inside the window`).toBeLessThanOrEqual(VIEWPORT.width);
        }
        // Newest first: the first row is the most recently changed Georgian document, with its locales.
        const [newest] = (await strapi
          .documents(uid as never)
          .findMany({ locale: 'ka', sort: 'updatedAt:desc', limit: 1 } as never)) as Record<string, unknown>[];
        const firstRow = page.locator('tbody tr').first();
        await expect.poll(() => firstRow.innerText(), { timeout: 15_000 }).toContain(String(newest[view.mainField]));
        const english = await strapi
          .documents(uid as never)
          .findOne({ documentId: newest.documentId as string, locale: 'en' } as never);
        const cell = firstRow.locator('[data-testid="asb-locales-cell"] span');
        expect(await cell.allTextContents(), uid).toEqual(['ka', 'en']);
        expect(
          await cell.nth(1).getAttribute('data-missing'),
          `${uid}: English ${english ? 'exists' : 'is missing'}`,
        ).toBe(english ? null : 'true');
        await page.screenshot({ path: path.join(cmsDir, `.tmp/list-${uid.split('.').pop()}-1280.png`) });
      }
    });
  });

  it('opens lists in Georgian in a new tab, though another tab last opened an English entry', async () => {
    const partner = 'api::partner.partner';
    const { documentId } = (await strapi.documents(partner).findFirst({ locale: 'en' } as never))!;
    const listLocale = async (page: Page) => {
      await page.goto(`${baseUrl}/admin/content-manager/collection-types/${partner}`);
      if (page.url().includes('/auth/login')) {
        await page.locator('input[name="email"]').fill(USERS.editor);
        await page.locator('input[name="password"]').fill(PASSWORD);
        await page.locator('button[type="submit"]').click();
      }
      await page.waitForURL((url) => url.pathname.endsWith(partner) && url.search.includes('locale'), {
        timeout: 30_000,
      });
      return new URL(page.url()).searchParams.get('plugins[i18n][locale]');
    };
    await withPage('editor', 'locale-session', async (page) => {
      await page.goto(
        `${baseUrl}/admin/content-manager/collection-types/${partner}/${documentId}?plugins[i18n][locale]=en`,
      );
      await page.locator('input[name="name"]').waitFor({ timeout: 30_000 });
      // Strapi remembers the English entry's locale for the lists of this tab (its own behaviour)...
      expect(await listLocale(page)).toBe('en');
      // ...but a new tab, sharing the browser's storage, starts in Georgian.
      const tab = await page.context().newPage();
      expect(await listLocale(tab)).toBe('ka');
    });
  });

  it('labels component fields, shows years without separators and enumeration options by name', async () => {
    // Every field of every component has its label and hint in the stored view configuration.
    const components = strapi.plugin('content-manager').service('components');
    for (const [uid, component] of Object.entries(strapi.components)) {
      const { metadatas } = await components.findConfiguration(component);
      for (const field of Object.keys(component.attributes)) {
        const hint = COMPONENT_HINTS[uid]?.[field];
        expect(hint, `COMPONENT_HINTS has ${uid}.${field}`).toBeTruthy();
        expect(metadatas[field].edit, `${uid}.${field}`).toMatchObject(hint);
      }
    }
    const enterprise = await strapi
      .documents('api::social-enterprise.social-enterprise')
      .findFirst({ locale: 'ka', populate: ['beneficiaries'], filters: { foundedYear: { $notNull: true } } } as never);
    const project = await strapi.documents('api::project.project').findFirst({
      locale: 'en',
      populate: ['subGrants'],
      filters: { subGrants: { year: { $notNull: true } } },
    } as never);
    expect(enterprise && project, 'the imported content has a founded year and a sub-grant year').toBeTruthy();
    await withPage('editor', 'edit-view', async (page) => {
      await page.goto(
        `${baseUrl}/admin/content-manager/collection-types/api::social-enterprise.social-enterprise/${enterprise!.documentId}?plugins[i18n][locale]=ka`,
      );
      const founded = page.locator('input[name="foundedYear"]');
      await founded.waitFor({ timeout: 30_000 });
      expect(await founded.inputValue()).toBe(String((enterprise as Record<string, unknown>).foundedYear));
      // Empty single components (the photo, search and sharing) show an "add" button: open them.
      // Opening one can reveal another inside it (the sharing image in search and sharing).
      const add = page.getByRole('button', { name: /No entry yet/ });
      for (let i = 0; i < 5 && (await add.count()) > 0; i++) await add.first().click();
      // Repeatable components start collapsed: open the first beneficiary.
      const beneficiary = (enterprise as unknown as { beneficiaries?: { label: string }[] }).beneficiaries?.[0];
      if (beneficiary) await page.getByRole('button', { name: beneficiary.label }).first().click();
      const labels = await fieldLabels(page);
      for (const uid of ['shared.image', 'shared.seo', 'content.place', 'content.coordinates', 'content.indicator']) {
        for (const [field, hint] of Object.entries(COMPONENT_HINTS[uid])) {
          expect(labels, `${uid}.${field}`).toContain(hint.label);
        }
      }
      for (const raw of ['file', 'alt', 'value', 'label']) expect(labels).not.toContain(raw);
      // The sector select shows the option's label, not its raw value.
      const sector = page.getByRole('combobox', { name: 'Sector' });
      expect((await sector.innerText()).trim()).toBe(
        OPTION_LABELS.en[String((enterprise as Record<string, unknown>).sector)],
      );

      await page.goto(
        `${baseUrl}/admin/content-manager/collection-types/api::project.project/${project!.documentId}?plugins[i18n][locale]=en`,
      );
      const year = page.locator('input[name="subGrants.0.year"]');
      const grant = (project as unknown as { subGrants: { country: string; year: number }[] }).subGrants[0];
      // Repeatable components start collapsed, titled by their country: open the first sub-grant.
      await page.getByRole('button', { name: grant.country, exact: true }).first().click({ timeout: 30_000 });
      await year.waitFor({ timeout: 15_000 });
      expect(await year.inputValue()).toBe(String(grant.year));
      const country = page.getByRole('combobox', { name: 'Country' }).first();
      expect((await country.innerText()).trim()).toBe(OPTION_LABELS.en[grant.country]);
      const subGrantLabels = await fieldLabels(page);
      for (const hint of Object.values(COMPONENT_HINTS['content.sub-grant']))
        expect(subGrantLabels).toContain(hint.label);
      await page.screenshot({ path: path.join(cmsDir, '.tmp/edit-project-1280.png'), fullPage: true });
    });
  });
});
