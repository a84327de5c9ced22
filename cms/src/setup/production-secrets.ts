import { checkSecrets } from '@asb/shared';
import { CMS_SECRETS } from '../secrets';

/**
 * Runs when the CMS loads (not when the admin panel is built, which needs no secrets): every mode
 * refuses a secret copied from .env.example and names it; production also refuses a missing one,
 * development warns that what needs it is off.
 */
export function checkProductionSecrets(env: NodeJS.ProcessEnv = process.env) {
  const usesPostgresPassword = env.DATABASE_CLIENT === 'postgres' && !env.DATABASE_URL;
  const secrets: string[] = usesPostgresPassword ? [...CMS_SECRETS, 'DATABASE_PASSWORD'] : [...CMS_SECRETS];
  // SMTP without a login (a relay on the private network) needs no password; with one it does.
  if (env.SMTP_USERNAME?.trim()) secrets.push('SMTP_PASSWORD');
  for (const problem of checkSecrets(env, secrets)) console.warn(`[asb] ${problem}`);
}
