import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/** Emitted once after an import commits, in place of one event per entry written. */
export const CONTENT_IMPORTED_EVENT = 'asb.content.imported';

export interface ContentImportedPayload {
  created: number;
  updated: number;
}

type TransactionParams = { onCommit: (callback: () => unknown) => void } & Record<string, unknown>;
type Transaction = (callback?: (params: TransactionParams) => unknown) => unknown;

const bulk = new AsyncLocalStorage<true>();
const wrapped = new WeakSet<object>();

/**
 * Runs `write` without Strapi's per-entry events, for bulk writes such as an import.
 *
 * The document service queues each entry event (create, update, publish) until the surrounding
 * transaction commits, then starts all of them at once, each re-reading its entry with every
 * relation populated. An import writes about fifteen such events per project in one transaction:
 * at 5,000 projects the commit started some 75,000 of those reads together and the CMS ran out of
 * heap. Strapi's own data transfer emits no entry events either; subscribers learn of an import
 * from the one CONTENT_IMPORTED_EVENT the caller emits after the commit.
 *
 * Only writes started inside `write` are affected: editors' requests served meanwhile keep their events.
 */
export async function withoutEntryEvents<T>(strapi: Core.Strapi, write: () => Promise<T>): Promise<T> {
  const db = strapi.db as unknown as { transaction: Transaction };
  if (!wrapped.has(db)) {
    const transaction = db.transaction;
    // Strapi's event manager registers its events through the `onCommit` it is handed here.
    db.transaction = function (this: unknown, callback) {
      if (!callback || !bulk.getStore()) return transaction.call(this, callback);
      return transaction.call(this, (params) => callback({ ...params, onCommit: () => {} }));
    };
    wrapped.add(db);
  }
  return bulk.run(true, write);
}
