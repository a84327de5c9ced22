import { checkSecrets } from '@asb/shared';
import { CMS_SECRETS } from '../src/secrets';

export default ({ env }: { env: any }) => {
  const usesPostgresPassword = process.env.DATABASE_CLIENT === 'postgres' && !process.env.DATABASE_URL;
  const secrets = usesPostgresPassword ? [...CMS_SECRETS, 'DATABASE_PASSWORD'] : CMS_SECRETS;
  for (const problem of checkSecrets(process.env, secrets)) {
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
