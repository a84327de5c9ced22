/** Secrets the CMS signs and encrypts with; production refuses to start without real values (see @asb/shared). */
export const CMS_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'JWT_SECRET',
  // Shared with the site: preview links, the site's draft-reading token, rebuild calls.
  'PREVIEW_SECRET',
  'PREVIEW_TOKEN',
  'REBUILD_WEBHOOK_SECRET',
] as const;
