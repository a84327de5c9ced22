import type { Core } from '@strapi/strapi';
import { isPublishedOnlyRequest } from '../documents/draft-guard';

type Row = Record<string, unknown> & { id?: unknown };
type Populate = Record<string, unknown> | true | undefined;
type Load = (uid: string, entity: Row, fields: string | string[], populate?: Populate) => Promise<unknown>;
interface EntityManager {
  load: Load;
  findMany(uid: string, params: Record<string, unknown>): Promise<Row[]>;
}

interface Pending {
  id: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
interface Batch {
  uid: string;
  field: string;
  populate: Populate;
  window?: { offset: number; limit: number };
  waiting: Pending[];
}

/**
 * GraphQL resolves each relation and component of each entry in a list with its own query
 * (`db.query(uid).load(entry, field)`): a page of 100 projects with eight such fields costs some
 * 1,600 SQL statements, which made fetching the site's content the slowest part of a build
 * (24 s of 36 s at 1,000 projects). Here the loads a GraphQL request starts together for the
 * same field with the same arguments become one `findMany` with that populate, whose join reads
 * every entry's rows at once; each caller gets its own entry's value, as before.
 *
 * A to-many load's `limit`/`offset` (GraphQL's `pagination` on a relation, or its default limit)
 * would apply to the whole batch in one query, so the batch reads without them and cuts each
 * entry's list in place, in the order the query returned it. Loads inside a transaction keep
 * their own query: they must see the transaction, and batches are built across requests' contexts.
 * GRAPHQL_BATCH_LOADS=off (read per call) turns this off, to compare or to rule it out.
 */
export function batchGraphqlLoads(strapi: Core.Strapi) {
  const manager = strapi.db.entityManager as unknown as EntityManager;
  const load: Load = manager.load.bind(manager);
  const endpoint = graphqlEndpoint(strapi);
  const batches = new Map<string, Batch>();

  const run = async (batch: Batch) => {
    const ids = [...new Set(batch.waiting.map((w) => w.id))];
    try {
      const rows = await manager.findMany(batch.uid, {
        select: ['id'],
        where: { id: { $in: ids } },
        populate: { [batch.field]: batch.populate ?? true },
      });
      const byId = new Map(rows.map((row) => [row.id, row[batch.field]]));
      for (const { id, resolve } of batch.waiting) {
        if (!byId.has(id)) resolve(null);
        else resolve(cut(byId.get(id), batch.window));
      }
    } catch (error) {
      for (const { reject } of batch.waiting) reject(error);
    }
  };

  manager.load = (uid, entity, fields, populate) => {
    if (
      typeof fields !== 'string' ||
      entity?.id === undefined ||
      process.env.GRAPHQL_BATCH_LOADS === 'off' ||
      strapi.db.inTransaction() ||
      strapi.requestContext.get()?.path !== endpoint
    ) {
      return load(uid, entity, fields, populate);
    }
    const { window, rest } = splitWindow(populate);
    // A batch runs in the context of the request that opened it, and that context decides whether its
    // statements see drafts (src/documents/published-only-queries.ts): published-only loads and loads
    // that may read drafts (the site's preview) never share a batch.
    const audience = isPublishedOnlyRequest(strapi) ? 'published' : 'any';
    const key = `${audience}\0${uid}\0${fields}\0${JSON.stringify(rest ?? null)}\0${JSON.stringify(window ?? null)}`;
    let batch = batches.get(key);
    if (!batch) {
      batch = { uid, field: fields, populate: rest, waiting: [], ...(window ? { window } : {}) };
      batches.set(key, batch);
      // After the current wave of resolvers: GraphQL starts a list's field resolvers together, and
      // each reaches its load after the same validation steps.
      setImmediate(() => {
        batches.delete(key);
        void run(batch!);
      });
    }
    return new Promise((resolve, reject) => batch!.waiting.push({ id: entity.id, resolve, reject }));
  };
}

function graphqlEndpoint(strapi: Core.Strapi): string {
  const plugin = strapi.plugin('graphql') as unknown as { config(key: string): unknown } | undefined;
  return String(plugin?.config('endpoint') ?? '/graphql');
}

/** Separates a to-many load's page (limit, offset) from what selects and orders its rows. */
function splitWindow(populate: Populate): { window?: { offset: number; limit: number }; rest: Populate } {
  if (!populate || populate === true || (populate.limit === undefined && populate.offset === undefined)) {
    return { rest: populate };
  }
  const { limit, offset, ...rest } = populate;
  const window = { offset: Number(offset ?? 0), limit: limit === undefined ? Infinity : Number(limit) };
  return { window, rest };
}

function cut(value: unknown, window: Batch['window']): unknown {
  if (!window || !Array.isArray(value)) return value;
  return value.slice(window.offset, window.offset + window.limit);
}
