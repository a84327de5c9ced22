import fs from 'node:fs';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { LOCALES, type Locale, type TypedDocumentNode } from '@asb/shared';
import { cmsRequest, cmsUrl, CmsError } from './cms-client';
import { byIds, stampsOf, type Stamp } from './graphql-variants';

/*
 * Incremental fetching for the rebuilder (SITE_INCREMENTAL=1). Astro keeps the content store between
 * builds (in the cache folder); the loader keeps, beside it, a sync token: each entry's
 * updatedAt|publishedAt as the CMS last reported it, and the CMS it came from. A build first lists
 * every published document's stamps (three short fields, paged): an id missing from the list was
 * unpublished or deleted and is dropped; an id with a different stamp is new or edited and is
 * fetched in full. Everything else is taken from the store as it is.
 *
 * A plain "updatedAt > token" filter is not enough: it cannot see deletions, and publishing a draft
 * saved before the last build carries the draft's older updatedAt. The stamp list sees both.
 */

const PAGE_SIZE = Number(process.env.CMS_PAGE_SIZE ?? 100);
const CONCURRENCY = 4;

type SyncState = { source: string; stamps: Record<string, string> };

const stampOf = (s: Stamp) => `${s.updatedAt ?? ''}|${s.publishedAt ?? ''}`;

async function pagedStamps(name: string, document: ReturnType<typeof stampsOf>, locale: Locale): Promise<Stamp[]> {
  const what = (page: number) => `${name} changes (${locale}, page ${page})`;
  const first = await cmsRequest(document, { locale, page: 1, pageSize: PAGE_SIZE }, what(1));
  if (!first.page) throw new CmsError(`The CMS returned no ${name} list for ${locale}`);
  const { pageCount, total } = first.page.pageInfo;
  const nodes = [...first.page.nodes];
  for (let page = 2; page <= pageCount; page += CONCURRENCY) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, pageCount - page + 1) }, (_, i) =>
        cmsRequest(document, { locale, page: page + i, pageSize: PAGE_SIZE }, what(page + i)),
      ),
    );
    for (const result of batch) nodes.push(...(result.page?.nodes ?? []));
  }
  if (nodes.length !== total)
    throw new CmsError(`Listed ${nodes.length} ${name} in ${locale} but the CMS reports ${total}: refusing to build`);
  return nodes;
}

export async function syncCollection<TNode extends { documentId: string }>(
  name: string,
  document: TypedDocumentNode<any, any>,
  { store, meta, parseData, generateDigest, logger }: LoaderContext,
): Promise<Set<string>> {
  const previous = JSON.parse(meta.get('sync') ?? 'null') as SyncState | null;
  const source = cmsUrl();
  // Another CMS (a test's, a restored database) shares no history with the store: start over.
  const known = previous?.source === source ? previous.stamps : {};
  if (previous?.source !== source) store.clear();
  const stamps: Record<string, string> = {};
  const listing = stampsOf(document);
  const full = byIds(document);
  let fetched = 0;
  for (const locale of LOCALES) {
    const changed: string[] = [];
    for (const stamp of await pagedStamps(name, listing, locale)) {
      const id = `${locale}/${stamp.documentId}`;
      stamps[id] = stampOf(stamp);
      if (known[id] !== stamps[id] || !store.has(id)) changed.push(stamp.documentId);
    }
    for (let i = 0; i < changed.length; i += PAGE_SIZE) {
      const ids = changed.slice(i, i + PAGE_SIZE);
      const result = (await cmsRequest(
        full,
        { locale, page: 1, pageSize: PAGE_SIZE, ids },
        `changed ${name} (${locale})`,
      )) as { page: { nodes: TNode[] } | null };
      const nodes = result.page?.nodes ?? [];
      for (const node of nodes) {
        const id = `${locale}/${node.documentId}`;
        const raw = { ...node, locale } as Record<string, unknown>;
        const data = await parseData({ id, data: raw }).catch((error: Error) => {
          throw new CmsError(
            `${name} document ${node.documentId} (${locale}) does not fit the site's schema: ${error.message}`,
          );
        });
        store.set({ id, data, digest: generateDigest(raw) });
        fetched++;
      }
      // Unpublished between the two requests: the next build will see it gone from the list.
      const returned = new Set(nodes.map((n) => n.documentId));
      for (const id of ids) if (!returned.has(id)) delete stamps[`${locale}/${id}`];
    }
  }
  let removed = 0;
  for (const id of store.keys()) {
    if (!(id in stamps)) {
      store.delete(id);
      removed++;
    }
  }
  meta.set('sync', JSON.stringify({ source, stamps } satisfies SyncState));
  logger.info(`${Object.keys(stamps).length} ${name} entries (${fetched} fetched, ${removed} removed)`);
  return new Set(Object.keys(stamps));
}

/** For the rebuilder's check of the output: which documents this build has, per locale. */
export function reportEntries(name: string, ids: Iterable<string>) {
  const dir = process.env.SITE_BUILD_REPORT;
  if (!dir) return;
  const byLocale: Record<string, string[]> = Object.fromEntries(LOCALES.map((l) => [l, []]));
  for (const id of ids) {
    const [locale, documentId] = id.split('/') as [string, string];
    byLocale[locale]?.push(documentId);
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(byLocale));
}
