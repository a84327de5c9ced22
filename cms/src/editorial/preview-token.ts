import type { Core } from '@strapi/strapi';

export const PREVIEW_TOKEN_NAME = 'Site preview (drafts)';

interface TokenService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  hash(accessKey: string): string;
}

/**
 * The site's preview reads drafts with an API token held in its runtime environment (PREVIEW_TOKEN).
 * Only full-access tokens may read drafts (src/documents/draft-guard.ts), so this keeps one such token
 * whose key is PREVIEW_TOKEN: both sides take the value from the environment, and rotating it is a
 * matter of changing the variable and restarting both.
 */
export async function ensurePreviewToken(strapi: Core.Strapi, key: string): Promise<void> {
  const service = strapi.service('admin::api-token') as unknown as TokenService;
  const query = strapi.db.query('admin::api-token');
  const hashed = service.hash(key);
  let token = (await query.findOne({ where: { name: PREVIEW_TOKEN_NAME } })) as {
    id: number;
    accessKey: string;
  } | null;
  if (!token) {
    const created = await service.create({
      name: PREVIEW_TOKEN_NAME,
      description: 'Used by the website to show drafts in the preview panel. Its key is PREVIEW_TOKEN.',
      type: 'full-access',
      lifespan: null,
    });
    token = { id: created.id, accessKey: '' };
  }
  if (token.accessKey !== hashed) {
    const encryptedKey = (
      strapi.service('admin::encryption') as unknown as { encrypt(value: string): string | null }
    ).encrypt(key);
    await query.update({ where: { id: token.id }, data: { accessKey: hashed, encryptedKey } });
  }
}
