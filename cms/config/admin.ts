import { previewUrl } from '../src/editorial/preview-url';

/**
 * Preview: the Content Manager's preview panel opens the site's on-demand route for the draft,
 * through a link signed with PREVIEW_SECRET (the site refuses any other). SITE_PUBLIC_URL is the
 * site as editors' browsers reach it; `allowedOrigins` lets the admin frame it.
 */
export default ({ env }: { env: any }) => {
  const siteUrl = env('SITE_PUBLIC_URL', 'http://localhost:4321');
  const secret = env('PREVIEW_SECRET', '');
  return {
    auth: { secret: env('ADMIN_JWT_SECRET') },
    apiToken: { salt: env('API_TOKEN_SALT') },
    transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: env('ENCRYPTION_KEY') },
    flags: { nps: false, promoteEE: false },
    preview: {
      enabled: secret !== '',
      config: {
        allowedOrigins: [new URL(siteUrl).origin],
        handler: (uid: string, params: { documentId?: string; locale?: string | null; status?: string }) =>
          previewUrl(uid, params, { siteUrl, secret }) ?? null,
      },
    },
  };
};
