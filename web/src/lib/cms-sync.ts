import fs from 'node:fs';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import {
  LOCALES,
  type Locale,
  type ProjectStampsQuery,
  type ProjectStampsQueryVariables,
  type StampFragment,
  type TypedDocumentNode,
} from '@asb/shared';
import { cmsRequest, cmsUrl, CmsError } from './cms-client';
import { byIds } from './graphql-variants';

/*
 * Incremental fetching for the rebuilder (SITE_INCREMENTAL=1). Astro keeps the content store between
 * builds (in the cache folder); the loader keeps, beside it, a sync token: each entry's
 * updatedAt|publishedAt as the CMS last reported it, and the CMS it came from. A build first lists
 * every published document's stamps (three short fields, one request per type and locale: the CMS's
 * `<type>Stamps` query): an id missing from the list was unpublished or deleted and is dropped; an
 * id with a different stamp is new or edited and is fetched in full. Everything else is taken from
 * the store as it is.
 *
 * A plain "updatedAt > token" filter is not enough: it cannot see deletions, and publishing a draft
 * saved before the last build carries the draft's older updatedAt. The stamp list sees both.
 */

const PAGE_SIZE = Number(process.env.CMS_PAGE_SIZE ?? 100);

type SyncState = { source: string; stamps: Record<string, string> };

/**
 * A `<Type>Stamps` query of shared/graphql/sync.graphql. The five have one generated shape; the
 * projects query's type names it.
 */
export type StampsDocument = TypedDocumentNode<ProjectStampsQuery, ProjectStampsQueryVariables>;

const stampOf = (s: StampFragment) => `${s.updatedAt ?? ''}|${s.publishedAt ?? ''}`;

/**
 * The stamps come unpaged; the same request asks for the total of the list the full build pages
 * through, and a list of another length is refused, as a short page would be: the site is never
 * built from a list that lost documents (a limit added to the CMS's query, the two disagreeing on
 * what is published). The two are separate SQL queries, so a publish between them makes them
 * differ once: that is asked again before giving up.
 */
async function listStamps(name: string, document: StampsDocument, locale: Locale): Promise<StampFragment[]> {
  for (let attempt = 1; ; attempt++) {
    const result = await cmsRequest(document, { locale }, `${name} changes (${locale})`);
    if (!result.list) throw new CmsError(`The CMS returned no ${name} list for ${locale}`);
    const { total } = result.list.pageInfo;
    if (result.stamps.length === total) return result.stamps;
    if (attempt === 2)
      throw new CmsError(
        `Listed ${result.stamps.length} ${name} in ${locale} but the CMS reports ${total}: refusing to build`,
      );
  }
}

export async function syncCollection<TNode extends { documentId: string }>(
  name: string,
  document: TypedDocumentNode<any, any>,
  stampsDocument: StampsDocument,
  { store, meta, parseData, generateDigest, logger }: LoaderContext,
): Promise<Set<string>> {
  const previous = JSON.parse(meta.get('sync') ?? 'null') as SyncState | null;
  const source = cmsUrl();
  // Another CMS (a test's, a restored database) shares no history with the store: start over.
  const known = previous?.source === source ? previous.stamps : {};
  if (previous?.source !== source) store.clear();
  const stamps: Record<string, string> = {};
  const full = byIds(document);
  let fetched = 0;
  // Both languages' lists at once: a publish waits for the slowest of these requests, not their sum.
  const listed = await Promise.all(LOCALES.map((locale) => listStamps(name, stampsDocument, locale)));
  for (const [index, locale] of LOCALES.entries()) {
    const changed: string[] = [];
    for (const stamp of listed[index]!) {
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
