import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { isPublishedOnlyRequest } from './draft-guard';

/** The parts of @strapi/database's query builder (dist/query/query-builder.js, 5.54) this rule touches. */
interface Join {
  alias: string;
  referencedTable: string;
  on?: Record<string, unknown>;
  targetField?: string;
}
interface QueryBuilder {
  state: { type: string; where: unknown[]; processed: boolean };
  join(join: Join): QueryBuilder;
  processState(): void;
}
interface EntityManager {
  createQueryBuilder(uid: string): QueryBuilder;
}
interface Metadata {
  uid: string;
  tableName: string;
  attributes: Record<string, { columnName?: string }>;
}

/** Statements that read rows; writes never come from a published-only client (the Public role only reads). */
const READS = new Set(['select', 'count', 'max', 'min']);

/**
 * Published only, at every depth: during a content-API request by a client that may not read drafts
 * (src/documents/draft-guard.ts, `isPublishedOnlyRequest`), no SQL statement Strapi builds can see a
 * draft row of a draft-and-publish type.
 *
 * Why here, in the database layer's query builder, and not by rewriting request parameters: the
 * draft guard already forces `status=published` for the document a route reads, but everything below
 * the top level is compiled by @strapi/database without any notion of status:
 * - a filter or sort through a relation becomes a LEFT JOIN (query/helpers/join.js `createJoin`), and
 *   i18n's `localizations` attribute joins on `document_id`, which matches the document's draft rows
 *   (and the draft rows of its other locales) beside the published ones: `filters[localizations]
 *   [title][$contains]=…` matched a published entry by its draft's text, and `sort=localizations.title`
 *   ordered by it;
 * - `populate` (REST), the relation fields of GraphQL and src/graphql/batched-loads.ts run one query
 *   per level on the target table (query/helpers/populate/apply.js), and `populate=localizations`
 *   returned draft rows.
 * Rewriting filters, sorts and populates would need a copy of Strapi's traversal of each parameter
 * (relations, components, media, `$and`/`$or`/`$not`, GraphQL's own argument mapping) and would miss
 * whatever a new route or plugin builds. Every one of these statements is made by
 * `db.entityManager.createQueryBuilder(uid)` and every join goes through the builder's `join()`, so the
 * rule sits there, once:
 * - a statement whose root table is a draft-and-publish type gets `published_at IS NOT NULL`;
 * - a join to such a table gets the same condition in its ON clause. In ON, not in WHERE: a draft row
 *   then never joins, as if it did not exist, so `$not`, `$null` and `$or` through a relation mean what
 *   they mean over published content alone (a WHERE condition would turn a LEFT JOIN that found no
 *   published row into "no match" and change `$or`/`$not` results).
 * Components and media have no drafts of their own: a component row belongs to one entry row (a
 * published entry's components are its published ones), and a relation from a component or a file
 * (`related`) to a content type goes through the same joins and queries, so it is covered too.
 * Internal reads (admin, the site's preview token, full-access tokens, scripts, the import) are not
 * content-API requests of a published-only client and build their statements unchanged. Such clients
 * only read (the Public role and read-only tokens have no write action): a write route opened to them
 * would see published rows only in its own look-ups and would first need to be exempted here.
 *
 * The ON condition is written `published_at = published_at`: Strapi's join descriptor only carries
 * equality conditions (`on: { column: value }`, knex `onVal`), and a column equals itself exactly
 * when it is not NULL (NULL = NULL is not true), on SQLite and PostgreSQL alike.
 */
export function publishedOnlyQueries(strapi: Core.Strapi) {
  const manager = strapi.db.entityManager as unknown as EntityManager;
  const create = manager.createQueryBuilder.bind(manager);
  let tables: Map<string, string> | undefined;

  /** Table name → published_at column, for every draft-and-publish content type (read once, after boot). */
  const draftTables = () => {
    if (tables) return tables;
    tables = new Map();
    for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
      if (!contentTypes.hasDraftAndPublish(contentType as never)) continue;
      const meta = strapi.db.metadata.get(uid) as unknown as Metadata;
      tables.set(meta.tableName, meta.attributes.publishedAt?.columnName ?? 'published_at');
    }
    return tables;
  };

  manager.createQueryBuilder = (uid: string) => {
    const qb = create(uid);
    if (!isPublishedOnlyRequest(strapi)) return qb;
    const meta = strapi.db.metadata.get(uid) as unknown as Metadata | undefined;
    const rootIsDraftTable = meta !== undefined && draftTables().has(meta.tableName);

    const join = qb.join;
    qb.join = function (this: QueryBuilder, spec: Join) {
      const column = spec.targetField ? undefined : draftTables().get(spec.referencedTable);
      if (column === undefined) return join.call(this, spec);
      const aliased = `${spec.alias}.${column}`;
      return join.call(this, { ...spec, on: { ...spec.on, [column]: strapi.db.connection.ref(aliased) } });
    };

    const processState = qb.processState;
    qb.processState = function (this: QueryBuilder) {
      if (rootIsDraftTable && !this.state.processed && READS.has(this.state.type)) {
        this.state.where.push({ publishedAt: { $notNull: true } });
      }
      return processState.call(this);
    };
    return qb;
  };
}
