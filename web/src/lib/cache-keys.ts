import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import { DOCUMENT_TYPES, type DocumentType } from '@asb/shared';

/*
 * Cache keys for Astro's incremental build: a page is re-rendered only when its key changes, so the
 * key must cover everything the page shows. A detail page shows its document in every language
 * (language switcher, hreflang, fallback text), the documents it links to, the documents that link to
 * it (a funder's projects), and the organisation settings (header, footer). A list page shows every
 * document of its type. Keys are built from the loader's content digests, so an unchanged document
 * costs nothing to check.
 */

interface Graph {
  /** `<type>/<documentId>` → digest of every language version. */
  versions: Map<string, string>;
  /** documentId → keys of the documents whose relations point at it. */
  incoming: Map<string, Set<string>>;
  /** documentId → keys of the documents it points at. */
  outgoing: Map<string, Set<string>>;
  /** Every document of a type, digested. */
  byType: Map<DocumentType, string>;
  settings: string;
}

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url');
let graphPromise: Promise<Graph> | undefined;

function refsOf(data: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const value of Object.values(data)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const id = (item as { documentId?: unknown } | null)?.documentId;
      if (typeof id === 'string') ids.push(id);
    }
  }
  return ids;
}

function loadGraph(): Promise<Graph> {
  graphPromise ??= (async () => {
    const versions = new Map<string, string[]>();
    const typeOf = new Map<string, string>();
    const outgoing = new Map<string, Set<string>>();
    for (const type of DOCUMENT_TYPES) {
      for (const entry of await getCollection(type)) {
        const data = entry.data as unknown as Record<string, unknown> & { documentId: string };
        const key = `${type}/${data.documentId}`;
        typeOf.set(data.documentId, key);
        versions.set(key, [...(versions.get(key) ?? []), `${entry.id}:${entry.digest ?? ''}`]);
        const refs = outgoing.get(data.documentId) ?? new Set<string>();
        for (const id of refsOf(data)) refs.add(id);
        outgoing.set(data.documentId, refs);
      }
    }
    const digested = new Map([...versions].map(([key, parts]) => [key, hash(...parts.sort())]));
    const incoming = new Map<string, Set<string>>();
    const outgoingKeys = new Map<string, Set<string>>();
    for (const [from, ids] of outgoing) {
      const keys = new Set<string>();
      for (const id of ids) {
        // A reference to an unpublished document renders nothing; publishing it changes the key.
        keys.add(typeOf.get(id) ?? `missing/${id}`);
        const back = incoming.get(id) ?? new Set<string>();
        back.add(typeOf.get(from)!);
        incoming.set(id, back);
      }
      outgoingKeys.set(from, keys);
    }
    const byType = new Map<DocumentType, string>();
    for (const type of DOCUMENT_TYPES) {
      const parts = [...digested].filter(([key]) => key.startsWith(`${type}/`)).map(([key, d]) => `${key}:${d}`);
      byType.set(type, hash(...parts.sort()));
    }
    const settings = (await getCollection('settings')).map((e) => `${e.id}:${e.digest ?? ''}`).sort();
    return { versions: digested, incoming, outgoing: outgoingKeys, byType, settings: hash(...settings) };
  })();
  return graphPromise;
}

/** The key of one document's page (in any locale: the locale is part of the path Astro keys by). */
export async function documentCacheKey(type: DocumentType, documentId: string): Promise<string> {
  const graph = await loadGraph();
  const related = [...(graph.outgoing.get(documentId) ?? []), ...(graph.incoming.get(documentId) ?? [])]
    .sort()
    .map((key) => `${key}:${graph.versions.get(key) ?? '-'}`);
  return hash(graph.settings, `${type}/${documentId}:${graph.versions.get(`${type}/${documentId}`)}`, ...related);
}

/** The key of a page listing whole types (list pages, the home page). */
export async function listCacheKey(...types: DocumentType[]): Promise<string> {
  const graph = await loadGraph();
  return hash(graph.settings, ...types.map((type) => `${type}:${graph.byType.get(type)}`));
}

/** getStaticPaths of a detail route with each path's cache key. */
export async function withCacheKeys<
  T extends DocumentType,
  P extends { props: { page: { doc: { documentId: string } } } },
>(type: T, paths: Promise<P[]>): Promise<(P & { cacheKey: string })[]> {
  return Promise.all(
    (await paths).map(async (path) => ({
      ...path,
      cacheKey: await documentCacheKey(type, path.props.page.doc.documentId),
    })),
  );
}
