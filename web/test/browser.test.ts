import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumSkipReason, freePort, launchChromium } from './support/browser';
import { serveSite } from '../builder/serve-build.ts';

/** A visitor in real Chromium: navigation, language switching, search, keyboard, and axe on every template. */
const skip = chromiumSkipReason();

describe.runIf(!skip)('the site in Chromium', () => {
  let browser: Browser;
  let server: { url: string; stop(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    server = await serveSite({ outDir: inject('siteDir'), port: await freePort() });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const h1 = () => page.locator('h1').first().innerText();
  const lang = () => page.locator('html').getAttribute('lang');
  async function switchLanguageAndBack(expected: { from: string; to: string }) {
    const before = { url: page.url(), title: await h1() };
    expect(await lang()).toBe(expected.from);
    await page.locator('.switcher a').click();
    await page.waitForLoadState('load');
    expect(await lang()).toBe(expected.to);
    expect(page.url()).toContain(`/${expected.to}/`);
    expect(await h1()).not.toBe('');
    await page.locator('.switcher a').click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(before.url);
    expect(await h1()).toBe(before.title);
  }

  it('goes home → project → enterprise → partner, switching language on each page', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/ka/`);
    await switchLanguageAndBack({ from: 'ka', to: 'en' });

    await page.locator('.nav a[href="/ka/projects/"]').click();
    await page.locator('main a[href^="/ka/projects/sotsialuri-satsarmoebi"]').first().click();
    expect(await h1()).toContain('სოციალური საწარმოები');
    await switchLanguageAndBack({ from: 'ka', to: 'en' });

    await page.locator('main a[href*="/social-enterprises/"]', { hasText: 'ბერბუკ' }).first().click();
    expect(await h1()).toMatch(/ბერბუკ/);
    expect(await page.locator('main').innerText()).toContain('30');
    await switchLanguageAndBack({ from: 'ka', to: 'en' });

    await page.locator('.facts a[href*="/partners/"]').first().click();
    expect(page.url()).toMatch(/\/ka\/partners\//);
    await switchLanguageAndBack({ from: 'ka', to: 'en' });
  });

  for (const [locale, query, expected] of [
    ['ka', 'ერგნეთი', /ერგნეთ/],
    ['en', 'Ergneti', /Ergneti/],
    ['en', 'ერგნეთი', /ერგნეთ/],
  ] as const) {
    it(`searches in ${locale === 'ka' ? 'Georgian' : 'English'} for "${query}"`, async () => {
      await page.goto(`${server.url}/${locale}/search/`);
      await page.locator('#search input').fill(query);
      const result = page.locator('.pagefind-ui__result-link').first();
      await result.waitFor({ timeout: 15_000 });
      expect(await result.innerText()).toMatch(expected);
      await result.click();
      expect(await h1()).toMatch(expected);
    });
  }

  it('can be used with the keyboard: the skip link comes first and moves focus to the content', async () => {
    await page.goto(`${server.url}/en/`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.innerText()).toBe('Skip to main content');
    expect(await focused.isVisible()).toBe(true);
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('has no accessibility violations (axe, WCAG 2.2 AA) on any template in either language', async () => {
    const templates = async (locale: string) => {
      await page.goto(`${server.url}/${locale}/projects/`);
      const project = await page.locator('main .cards a').first().getAttribute('href');
      await page.goto(`${server.url}/${locale}/social-enterprises/`);
      const enterprise = await page.locator('main .cards a').first().getAttribute('href');
      await page.goto(`${server.url}/${locale}/partners/`);
      const partner = await page.locator('main .cards a').first().getAttribute('href');
      await page.goto(`${server.url}/${locale}/funders/`);
      const funder = await page.locator('main .cards a').first().getAttribute('href');
      await page.goto(`${server.url}/${locale}/programmes/`);
      const programme = await page.locator('main .cards a').first().getAttribute('href');
      return [
        `/${locale}/`,
        `/${locale}/projects/`,
        project,
        enterprise,
        partner,
        funder,
        programme,
        `/${locale}/contact/`,
        `/${locale}/search/`,
        `/${locale}/404/`,
        '/nowhere/',
      ];
    };
    const violations: string[] = [];
    for (const locale of ['ka', 'en']) {
      for (const path of await templates(locale)) {
        await page.goto(`${server.url}${path}`);
        const result = await new AxeBuilder({ page: page as never })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        for (const v of result.violations) violations.push(`${path}: ${v.id} (${v.nodes.length}) ${v.help}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
