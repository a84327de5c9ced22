// Secrets are checked when the CMS loads (src/setup/production-secrets.ts), not here: building the
// admin panel reads this file too, and needs no secrets.
export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS') },
  // Behind a TLS-terminating proxy, trust its X-Forwarded-For (one hop) so rate limits see client addresses.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: 1 },
  logger: { updates: { enabled: false } },
});
