import { checkSecrets } from '@asb/shared';
import { CMS_SECRETS } from '../src/secrets';

export default ({ env }: { env: any }) => {
  for (const problem of checkSecrets(process.env, CMS_SECRETS)) {
    // Development runs on the example secrets from .env.example; say so once, loudly.
    console.warn(`[asb] ${problem}`);
  }
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    app: { keys: env.array('APP_KEYS') },
    proxy: env.bool('IS_PROXIED', false),
    logger: { updates: { enabled: false } },
  };
};
