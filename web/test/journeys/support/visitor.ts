import { parse, type HTMLElement } from 'node-html-parser';
import { signedHeaders } from '@asb/shared';
import { EDITORIAL_SECRETS } from '../../support/editorial';

/**
 * What a visitor gets from the served site after the CMS's publish call and the rebuild: polled
 * until the page shows what the editor published (or is gone), with the site's last build failure
 * in the error when it never does.
 */
export interface LivePage {
  url: string;
  html: string;
  root: HTMLElement;
  /** The page's visible text (main content, header and footer), whitespace collapsed. */
  text: string;
}

/** The last page a visitor step fetched: saved beside the screenshot when the step fails. */
export const lastVisited: { url: string; html: string } = { url: '', html: '' };

const text = (root: HTMLElement) => (root.querySelector('body') ?? root).structuredText.replace(/\s+/g, ' ').trim();

async function siteStatus(siteUrl: string) {
  try {
    const res = await fetch(`${siteUrl}/_site/status`, {
      headers: signedHeaders(EDITORIAL_SECRETS.REBUILD_WEBHOOK_SECRET, 'GET /_site/status'),
    });
    const status = (await res.json()) as { building: boolean; lastFailure: { reason: string } | null };
    return `building: ${status.building}; last failure: ${status.lastFailure?.reason ?? 'none'}`;
  } catch (error) {
    return `status unavailable (${(error as Error).message})`;
  }
}

async function poll<T>(what: string, siteUrl: string, check: () => Promise<T | undefined>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `${what} within ${timeoutMs / 1000} s${last ? ` (last: ${last})` : ''}; site: ${await siteStatus(siteUrl)}`,
  );
}

/** Waits until `path` answers 200 and its page contains every string in `expected`. */
export async function waitUntilLive(siteUrl: string, path: string, expected: string[], timeoutMs = 120_000) {
  return poll(
    `the site did not serve ${path} with ${expected.map((e) => `"${e}"`).join(', ')}`,
    siteUrl,
    async (): Promise<LivePage | undefined> => {
      const res = await fetch(`${siteUrl}${path}`);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      const html = await res.text();
      Object.assign(lastVisited, { url: `${siteUrl}${path}`, html });
      const root = parse(html);
      const page = { url: `${siteUrl}${path}`, html, root, text: text(root) };
      const missing = expected.filter((e) => !page.text.includes(e) && !html.includes(e));
      if (missing.length) throw new Error(`missing ${missing.map((m) => `"${m}"`).join(', ')}`);
      return page;
    },
    timeoutMs,
  );
}

/** Waits until `path` answers 200 without any of the strings in `absent` (a text that was unpublished). */
export async function waitUntilWithout(siteUrl: string, path: string, absent: string[], timeoutMs = 120_000) {
  return poll(
    `${path} still shows ${absent.map((e) => `"${e}"`).join(', ')}`,
    siteUrl,
    async () => {
      const page = await waitUntilLive(siteUrl, path, [], 10_000);
      const present = absent.filter((e) => page.html.includes(e));
      if (present.length) throw new Error(`still shows ${present.map((m) => `"${m}"`).join(', ')}`);
      return page;
    },
    timeoutMs,
  );
}

/** Waits until `path` is a 404 (the page is gone from the site). */
export async function waitUntilGone(siteUrl: string, path: string, timeoutMs = 120_000) {
  await poll(
    `${path} is still served`,
    siteUrl,
    async () => {
      const res = await fetch(`${siteUrl}${path}`, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status !== 404) throw new Error(`HTTP ${res.status}`);
      return true;
    },
    timeoutMs,
  );
}

/** The page's image with this alt text, and whether the site serves its file (the built, resized copy). */
export async function imageWithAlt(page: LivePage, alt: string) {
  const img = page.root.querySelectorAll('img').find((el) => el.getAttribute('alt') === alt);
  if (!img) return null;
  const src = new URL(img.getAttribute('src') ?? '', page.url).href;
  const res = await fetch(src);
  await res.arrayBuffer();
  return { src, status: res.status, type: res.headers.get('content-type') };
}
