import type { Core } from '@strapi/strapi';
import { invalidateResponseCaches } from './response-cache';

/** Document-service actions that change what the content API returns. Draft saves are included: cheap, and safe for types without drafts. */
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/** Data outside the documents that published responses show (media and their alt text) or depend on (locales, public permissions). */
const RELATED_MODELS = [
  'plugin::upload.file',
  'plugin::i18n.locale',
  'plugin::users-permissions.permission',
  'plugin::users-permissions.role',
];

/**
 * Clears the response caches after every content write, once it is committed: a write inside
 * a longer transaction (the content import runs in one) clears them when that transaction
 * commits, so a request that reads in between cannot re-cache the old content for good.
 */
export function invalidateOnWrite(strapi: Core.Strapi) {
  return async (context: { action: string }, next: () => Promise<unknown>) => {
    const result = await next();
    if (WRITE_ACTIONS.has(context.action)) await afterCommit(strapi);
    return result;
  };
}

export function invalidateOnRelatedChanges(strapi: Core.Strapi) {
  const clear = () => afterCommit(strapi);
  strapi.db.lifecycles.subscribe({
    models: RELATED_MODELS,
    afterCreate: clear,
    afterCreateMany: clear,
    afterUpdate: clear,
    afterUpdateMany: clear,
    afterDelete: clear,
    afterDeleteMany: clear,
  });
}

async function afterCommit(strapi: Core.Strapi): Promise<void> {
  const clear = async () => {
    try {
      await invalidateResponseCaches(strapi);
    } catch (error) {
      strapi.log.error(`[api-protection] could not clear the response cache: ${(error as Error).message}`);
    }
  };
  if (!strapi.db.inTransaction()) return clear();
  await strapi.db.transaction(({ onCommit }) => {
    onCommit(() => void clear());
  });
}
