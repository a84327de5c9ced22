import { describe, expect, it } from 'vitest';
import { checkSecrets, EXAMPLE_SECRET_MARKER, MissingSecretError } from '../src/secrets.js';

const names = ['APP_KEYS', 'JWT_SECRET'] as const;

describe('checkSecrets', () => {
  it('refuses production with a missing secret and names it', () => {
    expect(() => checkSecrets({ NODE_ENV: 'production', APP_KEYS: 'a,b' }, names)).toThrowError(
      /JWT_SECRET is not set/,
    );
  });
  it('refuses production with an example secret and names it', () => {
    const env = { NODE_ENV: 'production', APP_KEYS: `${EXAMPLE_SECRET_MARKER}-1`, JWT_SECRET: 'x7' };
    expect(() => checkSecrets(env, names)).toThrowError(MissingSecretError);
    expect(() => checkSecrets(env, names)).toThrowError(/APP_KEYS still has the example value/);
  });
  it('refuses an example secret in every other mode too, naming only the example ones', () => {
    for (const mode of ['development', 'test', undefined]) {
      const env = { NODE_ENV: mode, APP_KEYS: 'k1,k2', JWT_SECRET: `${EXAMPLE_SECRET_MARKER}-jwt-secret` };
      expect(() => checkSecrets(env, names), String(mode)).toThrowError(
        /^Refusing to start: JWT_SECRET still has the example value from \.env\.example\. /,
      );
    }
  });
  it('says it in one line, without a stack trace', () => {
    const error = new MissingSecretError(['APP_KEYS is not set']);
    expect(error.stack).toBe('');
    expect(error.message).not.toContain('\n');
  });
  it('accepts real secrets in production', () => {
    expect(checkSecrets({ NODE_ENV: 'production', APP_KEYS: 'k1,k2', JWT_SECRET: 's' }, names)).toEqual([]);
  });
  it('only reports missing secrets outside production', () => {
    expect(checkSecrets({ NODE_ENV: 'development' }, names)).toEqual(['APP_KEYS is not set', 'JWT_SECRET is not set']);
  });
});
