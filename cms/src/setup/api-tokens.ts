import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * No standing keys. Stock Strapi 5 seeds two content-API tokens on an empty database ("Read Only"
 * and "Full Access", neither of which ever expires: admin bootstrap, `createDefaultAPITokensIfNeeded`),
 * and lets an administrator issue a token that never expires. A key nobody asked for and nobody
 * rotates is one that leaks unnoticed, so:
 *
 * - the default tokens are never created (`preventDefaultApiTokens`, in register: the seeding runs
 *   in the admin's bootstrap, before the app's);
 * - a token created through the admin (panel or admin API) must have a duration
 *   (`requireTokenExpiry`): partners get read-only tokens of 7, 30 or 90 days;
 * - production refuses to start while a full-access token that never expires exists, naming it
 *   (`refuseStandingFullAccessTokens`): databases of earlier releases hold Strapi's default
 *   "Full Access" token, and a full-access token reads drafts and writes everything.
 *
 * The site's preview token (src/editorial/preview-token.ts) is the one key without an expiry: it is
 * "custom" with the public's read rights only, the code creates it (never the admin), and its key is
 * PREVIEW_TOKEN from the deployment's environment, so it is rotated by changing that variable and
 * restarting the CMS and the site together. An expiry would stop previews on a date nobody watches.
 */

/** Strapi's seed objects; its bootstrap passes these very objects to the token service's create. */
function strapiDefaultTokens(strapi: Core.Strapi): readonly object[] {
  const constants = strapi.service('admin::constants') as unknown as
    { default?: { DEFAULT_API_TOKENS?: object[] }; DEFAULT_API_TOKENS?: object[] } | undefined;
  const defaults = constants?.default?.DEFAULT_API_TOKENS ?? constants?.DEFAULT_API_TOKENS;
  // Fail loudly on an upgrade that moved them, rather than silently seeding standing keys again.
  if (!Array.isArray(defaults))
    throw new Error(
      "[asb] Strapi's default API tokens (admin constants DEFAULT_API_TOKENS) were not found: " +
        'update src/setup/api-tokens.ts for this Strapi version',
    );
  return defaults;
}

interface TokenService {
  create(attributes: object, ...rest: unknown[]): Promise<unknown>;
}

export function preventDefaultApiTokens(strapi: Core.Strapi) {
  const defaults = strapiDefaultTokens(strapi);
  // 'api-token' (deprecated) and 'api-token-content-api' are one object; the bootstrap uses the latter.
  const service = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  const create = service.create.bind(service);
  service.create = async (attributes, ...rest) => {
    // Identity, not name: only Strapi's seeding passes these objects; a token an admin names
    // "Full Access" is created (with an expiry) as usual.
    if (defaults.includes(attributes)) return null;
    return create(attributes, ...rest);
  };
}

export const TOKEN_EXPIRY_REQUIRED =
  'Choose a token duration (7, 30 or 90 days): API tokens that never expire are not issued. ' +
  'Partner tokens are read-only, usually for 90 days; create a new one before it expires.';

interface TokenController {
  create(ctx: { request: { body?: Record<string, unknown> } }): Promise<unknown>;
}

/** The admin's "create API token" (panel and admin API) refuses a token without a duration. */
export function requireTokenExpiry(strapi: Core.Strapi) {
  const controller = strapi.controller('admin::api-token') as unknown as TokenController;
  const create = controller.create.bind(controller);
  controller.create = async (ctx) => {
    const lifespan = ctx.request.body?.lifespan;
    if (lifespan === null || lifespan === undefined) {
      throw new errors.ValidationError(TOKEN_EXPIRY_REQUIRED, {
        errors: [{ path: ['lifespan'], message: TOKEN_EXPIRY_REQUIRED, name: 'ValidationError' }],
      });
    }
    return create(ctx);
  };
}

export class StandingTokenError extends Error {
  constructor(readonly names: string[]) {
    super(
      `Refusing to start in production: full-access API token${names.length > 1 ? 's' : ''} ` +
        `${names.map((n) => `"${n}"`).join(', ')} never expire${names.length > 1 ? '' : 's'}. ` +
        'Delete it in Settings → API Tokens (from a development start on this database) ' +
        'and issue a read-only token with a duration instead.',
    );
    this.name = 'StandingTokenError';
    // Strapi logs an error with its stack; a refusal of the data is one line, the stack tells nobody anything.
    this.stack = '';
  }
}

/** Full-access content-API tokens without an expiry (admin-kind tokens have no type). */
export async function standingFullAccessTokens(strapi: Core.Strapi): Promise<string[]> {
  const rows = (await strapi.db.query('admin::api-token').findMany({
    select: ['name'],
    where: { type: 'full-access', expiresAt: { $null: true } },
    orderBy: { name: 'asc' },
  })) as { name: string }[];
  // No exception for the preview token: it is custom (ensurePreviewToken, which runs first, converts
  // the full-access ones of earlier releases); a full-access one left over is a standing key like any other.
  return rows.map((row) => row.name);
}

/** Production refuses to start with a full-access token that never expires; development says so once. */
export async function refuseStandingFullAccessTokens(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env) {
  const names = await standingFullAccessTokens(strapi);
  if (names.length === 0) return;
  const error = new StandingTokenError(names);
  if (env.NODE_ENV === 'production') throw error;
  strapi.log.warn(`[asb] ${error.message.replace('Refusing to start in production: ', 'Production will refuse: ')}`);
}
