/**
 * Production must not start on secrets that are missing or copied from `.env.example`:
 * those are public, so anyone could sign admin sessions, preview links or webhooks.
 */
export const EXAMPLE_SECRET_MARKER = 'example-only';

export class MissingSecretError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Refusing to start in production: ${problems.join('; ')}. ` +
        'Set real values in the environment (see .env.example for what each one is).',
    );
    this.name = 'MissingSecretError';
  }
}

export function secretProblems(env: Record<string, string | undefined>, names: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const value = env[name];
    if (value === undefined || value.trim() === '') problems.push(`${name} is not set`);
    else if (value.includes(EXAMPLE_SECRET_MARKER))
      problems.push(`${name} still has the example value from .env.example`);
  }
  return problems;
}

/** Throws in production when a secret is missing or an example; elsewhere returns the problems for a warning. */
export function checkSecrets(env: Record<string, string | undefined>, names: readonly string[]): string[] {
  const problems = secretProblems(env, names);
  if (env.NODE_ENV === 'production' && problems.length > 0) throw new MissingSecretError(problems);
  return problems;
}
