import type { Core } from '@strapi/strapi';

/**
 * Who is calling, as far as rate limits and the response cache care. Global middlewares run
 * before Strapi's route authentication, so the API token is checked here the same way Strapi's
 * `content-api-token` strategy does (hash, kind, expiry), and on every request: a revoked or
 * expired token stops working at once, also for cached responses.
 *
 * - `anonymous`: no Authorization header (the Public role).
 * - `token`: a valid content-API token; `type` is read-only, full-access or custom.
 * - `unverified`: an Authorization header that is not a valid API token. Strapi answers it with
 *   401 (or treats it as a users-permissions JWT); it is limited by address and never cached.
 */
export type Identity = { kind: 'anonymous' } | { kind: 'token'; id: number; type: string } | { kind: 'unverified' };

interface StateBag {
  state: Record<PropertyKey, unknown>;
  request: { header: Record<string, string | string[] | undefined> };
}

const MEMO = Symbol('asb.api-protection.identity');
const ANONYMOUS: Identity = { kind: 'anonymous' };
const UNVERIFIED: Identity = { kind: 'unverified' };

export async function identify(strapi: Core.Strapi, ctx: StateBag): Promise<Identity> {
  const memo = ctx.state[MEMO] as Identity | undefined;
  if (memo) return memo;
  const identity = await lookUp(strapi, ctx.request.header.authorization);
  ctx.state[MEMO] = identity;
  return identity;
}

async function lookUp(strapi: Core.Strapi, header: string | string[] | undefined): Promise<Identity> {
  if (header === undefined || header === '') return ANONYMOUS;
  // Same parsing as Strapi's extractToken: exactly "Bearer <token>".
  const parts = String(header).split(/\s+/);
  if (parts.length !== 2 || parts[0]!.toLowerCase() !== 'bearer' || !parts[1]) return UNVERIFIED;
  const tokens = strapi.service('admin::api-token-content-api') as { hash(token: string): string };
  const row = (await strapi.db.query('admin::api-token').findOne({
    select: ['id', 'type', 'kind', 'expiresAt'],
    where: { accessKey: tokens.hash(parts[1]) },
  })) as { id: number; type: string; kind: string | null; expiresAt: string | null } | null;
  if (!row) return UNVERIFIED;
  if (row.kind !== null && row.kind !== 'content-api') return UNVERIFIED;
  if (row.expiresAt !== null && new Date(row.expiresAt) < new Date()) return UNVERIFIED;
  return { kind: 'token', id: row.id, type: row.type };
}

/** Identities whose responses are the same published content for everyone with that identity. */
export function isCacheable(identity: Identity): boolean {
  return identity.kind === 'anonymous' || (identity.kind === 'token' && identity.type === 'read-only');
}

export function cacheIdentity(identity: Identity): string {
  return identity.kind === 'token' ? `token:${identity.id}` : identity.kind;
}
