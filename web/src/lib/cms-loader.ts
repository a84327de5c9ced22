import type { Loader } from 'astro/loaders';
import type { TypedDocumentNode } from '@asb/shared';
import { LOCALES, type Locale } from '@asb/shared';
import { cmsRequest, CmsError } from './cms-client';
import { reportEntries, syncCollection, type StampsDocument } from './cms-sync';

interface PageInfo {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
}
type PageResult<TNode> = { page: { pageInfo: PageInfo; nodes: TNode[] } | null };
type PageVariables = { locale: string; page: number; pageSize: number };
export type Localized<T> = T & { documentId: string; locale: Locale };

/** Page size of every list request; the CMS caps it at 100. Smaller values exercise paging in tests. */
const PAGE_SIZE = Number(process.env.CMS_PAGE_SIZE ?? 100);
/**
 * `astro check` runs the loaders to generate types; types come from the schemas, not the data,
 * so type-checking (SITE_TYPES_ONLY=1) needs no running CMS. Never set for a build.
 */
const TYPES_ONLY = process.env.SITE_TYPES_ONLY === '1';

/** Requests in flight at once per collection: enough to hide latency, few enough not to overload the CMS. */
const CONCURRENCY = 4;

/**
 * A content-layer loader for one CMS collection, in every locale. Each document is an entry with
 * id `<locale>/<documentId>`; its digest is the hash of what the CMS returned, so Astro skips
 * entries whose data did not change. Fetches every page and checks the count against the CMS's
 * total: the site is never built from a silently truncated list.
 */
export function collectionLoader<TNode extends { documentId: string }>(
  name: string,
  document: TypedDocumentNode<PageResult<TNode>, PageVariables>,
  /** What incremental builds list first (shared/graphql/sync.graphql). */
  stamps: StampsDocument,
): Loader {
  return {
    name: `cms-${name}`,
    async load(context) {
      const { store, parseData, generateDigest, logger } = context;
      if (TYPES_ONLY) return;
      const started = Date.now();
      // The rebuilder's builds fetch only what changed since the last one (see cms-sync.ts).
      if (process.env.SITE_INCREMENTAL === '1') {
        reportEntries(name, await syncCollection(name, document, stamps, context));
        if (process.env.BENCH_TIMING === '1') console.log(`[bench-fetch] ${started} ${Date.now()}`);
        return;
      }
      const seen = new Set<string>();
      for (const locale of LOCALES) {
        const nodes = await fetchAll(name, document, locale);
        for (const node of nodes) {
          const id = `${locale}/${node.documentId}`;
          seen.add(id);
          const raw = { ...node, locale } as Record<string, unknown>;
          const data = await parseData({ id, data: raw }).catch((error: Error) => {
            throw new CmsError(
              `${name} document ${node.documentId} (${locale}) does not fit the site's schema: ${error.message}`,
            );
          });
          store.set({ id, data, digest: generateDigest(raw) });
        }
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      reportEntries(name, seen);
      logger.info(`${seen.size} ${name} entries in ${Date.now() - started} ms`);
      // bench/site-build.mjs separates fetching from rendering with these marks.
      if (process.env.BENCH_TIMING === '1') console.log(`[bench-fetch] ${started} ${Date.now()}`);
    },
  };
}

async function fetchAll<TNode>(
  name: string,
  document: TypedDocumentNode<PageResult<TNode>, PageVariables>,
  locale: Locale,
): Promise<TNode[]> {
  const what = (page: number) => `${name} (${locale}, page ${page})`;
  const first = await cmsRequest(document, { locale, page: 1, pageSize: PAGE_SIZE }, what(1));
  if (!first.page) throw new CmsError(`The CMS returned no ${name} list for ${locale}`);
  const { pageCount, total } = first.page.pageInfo;
  const pages: TNode[][] = [first.page.nodes];
  const rest = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 2);
  for (let i = 0; i < rest.length; i += CONCURRENCY) {
    const batch = await Promise.all(
      rest
        .slice(i, i + CONCURRENCY)
        .map((page) => cmsRequest(document, { locale, page, pageSize: PAGE_SIZE }, what(page))),
    );
    for (const result of batch) pages.push(result.page?.nodes ?? []);
  }
  const nodes = pages.flat();
  if (nodes.length !== total) {
    throw new CmsError(
      `Fetched ${nodes.length} ${name} in ${locale} but the CMS reports ${total}: refusing to build a partial site`,
    );
  }
  return nodes;
}

/** The site settings (organisation details and home page), one entry per locale. */
export function settingsLoader<TResult>(document: TypedDocumentNode<TResult, { locale: string }>): Loader {
  return {
    name: 'cms-settings',
    async load({ store, parseData, generateDigest }) {
      if (TYPES_ONLY) return;
      store.clear();
      for (const locale of LOCALES) {
        const result = (await cmsRequest(document, { locale }, `site settings (${locale})`)) as Record<string, unknown>;
        const raw = { ...result, locale };
        const data = await parseData({ id: locale, data: raw }).catch((error: Error) => {
          throw new CmsError(`Site settings (${locale}) do not fit the site's schema: ${error.message}`);
        });
        store.set({ id: locale, data, digest: generateDigest(raw) });
      }
    },
  };
}
