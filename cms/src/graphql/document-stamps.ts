import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isLocale, LOCALES } from '@asb/shared';
import { COLLECTION_TYPES, type CollectionTypeUid } from '../content-types';
import { costExtension } from '../api-protection/graphql-cost';

/**
 * The objects one stamps list counts as for the GraphQL cost limit (src/api-protection/graphql-cost.ts):
 * it has no pagination, so its real size is the number of published documents of its type in one
 * locale, which the site plans for up to 10,000. With the default limit of 100,000 a request may
 * hold ten such lists (the site asks for one at a time), not a few hundred aliases of the whole table.
 */
export const STAMPS_COST_ITEMS = 10_000;

type Stamp = { documentId: string; updatedAt: unknown; publishedAt: unknown };
interface Nexus {
  objectType(config: { name: string; description?: string; definition(t: any): void }): unknown;
  extendType(config: { type: string; definition(t: any): void }): unknown;
  nonNull(type: unknown): unknown;
  list(type: unknown): unknown;
  arg(config: { type: string }): unknown;
}
interface GraphqlExtension {
  use(factory: (options: { nexus: Nexus }) => Record<string, unknown>): unknown;
}
interface GraphqlNaming {
  getTypeName(contentType: unknown): string;
  getFindConnectionQueryName(contentType: unknown): string;
}

/**
 * `<type>Stamps(locale)`: documentId, updatedAt and publishedAt of every published document of one
 * collection type in one locale, sorted by documentId. The site's incremental builds
 * (web/src/lib/cms-sync.ts) compare these with what they built last time; through the normal list
 * query that took 2 × 101 requests of 100 at 10,000 projects, most of it Strapi's per-request and
 * per-entry work. Here it is one SQL statement and one request per type and locale.
 *
 * Why there is no pagination: an entry is three short scalars (about 120 bytes of JSON), and the
 * whole list is one SQL statement (about 5 ms per 1,000 documents on SQLite), so 10,000 documents
 * are about 1.2 MB. The rest of a request's time is GraphQL's work per field, which pages would
 * not reduce, only spread over more requests, each with its own overhead. The cost limit counts
 * each list as STAMPS_COST_ITEMS objects, so it still bounds a request.
 *
 * Drafts cannot leak: the query is fixed to rows with a `published_at` (Strapi 5 keeps the draft
 * and the published version of a document as separate rows; only the latter has one) and there is
 * no argument that changes that; it reads no content fields either. Authorisation is that of the
 * type's `find` action (Public role, read-only tokens through src/api-protection/token-scope.ts),
 * so whoever may not list a type may not list its stamps.
 *
 * Registered in `register`: the GraphQL plugin builds its schema in its own bootstrap, which runs
 * before the app's.
 */
export function registerDocumentStamps(strapi: Core.Strapi) {
  const graphql = strapi.plugin('graphql') as unknown as {
    service(name: 'extension'): GraphqlExtension;
    service(name: 'utils'): { naming: GraphqlNaming };
  };
  const { naming } = graphql.service('utils');
  const fields = COLLECTION_TYPES.map((uid) => {
    const contentType = strapi.contentType(uid);
    const typeName = naming.getTypeName(contentType);
    return {
      uid,
      name: `${typeName.charAt(0).toLowerCase()}${typeName.slice(1)}Stamps`,
      listName: naming.getFindConnectionQueryName(contentType),
    };
  });

  graphql.service('extension').use(({ nexus }) => ({
    types: [
      nexus.objectType({
        name: 'DocumentStamp',
        description:
          'What tells whether a published document changed: its id and the times of its last edit and publish.',
        definition(t) {
          t.nonNull.id('documentId');
          t.field('updatedAt', { type: 'DateTime' });
          t.field('publishedAt', { type: 'DateTime' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          for (const { uid, name, listName } of fields) {
            t.field(name, {
              type: nexus.nonNull(nexus.list(nexus.nonNull('DocumentStamp'))),
              description:
                `Every published document of this type in the locale, sorted by documentId: the same ` +
                `documents as ${listName}, without pagination (a few bytes each).`,
              args: { locale: nexus.nonNull(nexus.arg({ type: 'I18NLocaleCode' })) },
              extensions: costExtension(STAMPS_COST_ITEMS),
              resolve: (_parent: unknown, args: { locale: string }) => publishedStamps(strapi, uid, args.locale),
            });
          }
        },
      }),
    ],
    resolversConfig: Object.fromEntries(
      fields.map(({ uid, name }) => [`Query.${name}`, { auth: { scope: [`${uid}.find`] } }]),
    ),
  }));
}

async function publishedStamps(strapi: Core.Strapi, uid: CollectionTypeUid, locale: string): Promise<Stamp[]> {
  // The document service's locale guard does not see this query; answer an unknown locale the same way.
  if (!isLocale(locale)) {
    throw new errors.ValidationError(`Unknown locale "${locale}"; use one of: ${LOCALES.join(', ')}`);
  }
  return (await strapi.db.query(uid).findMany({
    select: ['documentId', 'updatedAt', 'publishedAt'],
    where: { publishedAt: { $notNull: true }, locale },
    orderBy: { documentId: 'asc' },
  })) as Stamp[];
}
