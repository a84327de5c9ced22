/**
 * Secrets must never be missing in production nor, in any mode, copied from `.env.example`: those
 * values are public, so anyone could sign admin sessions, preview links or webhooks with them, and
 * a developer's machine with the example keys is as open as a server with them. Development gets
 * its own generated values (`./platform start` writes them to `.env`, scripts/env.mjs).
 */
export const EXAMPLE_SECRET_MARKER = 'example-only';

export class MissingSecretError extends Error {
  constructor(
    readonly problems: string[],
    production = true,
  ) {
    super(
      `Refusing to start${production ? ' in production' : ''}: ${problems.join('; ')}. ` +
        (production
          ? 'Set real values in the environment (see .env.example for what each one is).'
          : 'Set your own value, or remove the line from .env and run ./platform start to generate one.'),
    );
    this.name = 'MissingSecretError';
    // A refusal of the configuration, said in one line: where in the code it was noticed helps nobody.
    this.stack = '';
  }
}

const EXAMPLE_PROBLEM = 'still has the example value from .env.example';

export function secretProblems(env: Record<string, string | undefined>, names: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const value = env[name];
    if (value === undefined || value.trim() === '') problems.push(`${name} is not set`);
    else if (value.includes(EXAMPLE_SECRET_MARKER)) problems.push(`${name} ${EXAMPLE_PROBLEM}`);
  }
  return problems;
}

/**
 * Throws when a secret has its example value (in every mode) or, in production, is missing.
 * Outside production a missing secret only turns off what needs it: the problems are returned for a warning.
 */
export function checkSecrets(env: Record<string, string | undefined>, names: readonly string[]): string[] {
  const problems = secretProblems(env, names);
  const production = env.NODE_ENV === 'production';
  const refused = production ? problems : problems.filter((problem) => problem.endsWith(EXAMPLE_PROBLEM));
  if (refused.length > 0) throw new MissingSecretError(refused, production);
  return problems;
}
