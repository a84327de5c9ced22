import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS } from '../setup/public-permissions';

export const PREVIEW_TOKEN_NAME = 'Site preview (drafts)';

interface TokenService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  update(id: number, attributes: Record<string, unknown>): Promise<unknown>;
  hash(accessKey: string): string;
}

interface TokenRow {
  id: number;
  type: string;
  accessKey: string;
  permissions?: { action: string }[];
}

/**
 * The site's preview reads drafts with an API token held in its runtime environment (PREVIEW_TOKEN).
 * This keeps one token whose key is PREVIEW_TOKEN: both sides take the value from the environment,
 * and rotating it is a matter of changing the variable and restarting both.
 *
 * The token may do what the public may do (read content, list locales), nothing more: a leaked
 * preview token reveals drafts but cannot write, delete or read users. The draft guard
 * (src/documents/draft-guard.ts) lets this one token, besides full-access ones, ask for drafts.
 */
export async function ensurePreviewToken(strapi: Core.Strapi, key: string): Promise<void> {
  const service = strapi.service('admin::api-token') as unknown as TokenService;
  const query = strapi.db.query('admin::api-token');
  const hashed = service.hash(key);
  const permissions = [...PUBLIC_ACTIONS];
  let token = (await query.findOne({
    where: { name: PREVIEW_TOKEN_NAME },
    populate: ['permissions'],
  })) as TokenRow | null;
  if (!token) {
    const created = await service.create({
      name: PREVIEW_TOKEN_NAME,
      description: 'Used by the website to show drafts in the preview panel. Its key is PREVIEW_TOKEN.',
      kind: 'content-api',
      type: 'custom',
      permissions,
      lifespan: null,
    });
    token = { id: created.id, type: 'custom', accessKey: '', permissions: permissions.map((action) => ({ action })) };
  }
  const granted = new Set(token.permissions?.map((p) => p.action));
  // Tokens made by earlier releases were full-access; an admin may also have widened this one.
  if (token.type !== 'custom' || granted.size !== permissions.length || permissions.some((p) => !granted.has(p))) {
    await service.update(token.id, { type: 'custom', permissions });
  }
  if (token.accessKey !== hashed) {
    const encryptedKey = (
      strapi.service('admin::encryption') as unknown as { encrypt(value: string): string | null }
    ).encrypt(key);
    await query.update({ where: { id: token.id }, data: { accessKey: hashed, encryptedKey } });
  }
}

/** Whether an authenticated API token is the site's preview token. */
export function isPreviewToken(credentials: { type?: string; name?: string } | null | undefined): boolean {
  return credentials?.type === 'custom' && credentials.name === PREVIEW_TOKEN_NAME;
}
