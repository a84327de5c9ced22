import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS } from '../setup/public-permissions';
import { invalidateOnRelatedChanges, invalidateOnWrite } from './invalidation';
import { closeRedisClients } from './redis';
import { memoiseSecurityHeaders } from './security-headers';
import { restrictReadOnlyTokens } from './token-scope';

/**
 * The partner API's protections that are not HTTP middlewares (those are listed in
 * config/middlewares.ts; the GraphQL cost limit is in config/plugins.ts).
 */
export function registerApiProtection(strapi: Core.Strapi) {
  restrictReadOnlyTokens(strapi, PUBLIC_ACTIONS);
  strapi.documents.use(invalidateOnWrite(strapi) as never);
  memoiseSecurityHeaders(strapi);
}

export function bootstrapApiProtection(strapi: Core.Strapi) {
  invalidateOnRelatedChanges(strapi);
}

export async function destroyApiProtection() {
  await closeRedisClients();
}
