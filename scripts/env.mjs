// Settings for local runs: the shell's environment wins, then .env, then .env.example (the
// documented defaults of everything that is not a secret). Production never reads these files: it
// gets its environment from docker-compose, and refuses example secrets (see @asb/shared checkSecrets).
//
// Secrets are the developer's own. `.env.example` marks every secret's value "example-only"; those
// values are public, so no mode accepts them. The first `./platform start` writes `.env` with a
// freshly generated value for each (prepareEnv); later runs add one for a secret that is new in
// .env.example and never change a value .env already has. loadEnv refuses a secret that still has
// its example value, naming it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';

export const EXAMPLE_SECRET_MARKER = 'example-only';

const read = (file) => (fs.existsSync(file) ? parse(fs.readFileSync(file)) : null);

/** The names of the secrets: the settings whose example value carries the marker. */
export function secretNames(example) {
  return Object.keys(example).filter((name) => example[name].includes(EXAMPLE_SECRET_MARKER));
}

/** A new random value in the example's shape: a comma-separated list (APP_KEYS) keeps its length. */
export function generateSecret(exampleValue = '') {
  const count = exampleValue.split(',').length;
  return Array.from({ length: count }, () => randomBytes(32).toString('base64url')).join(',');
}

/**
 * The first step of `./platform start`: makes sure `.env` exists and holds a value of the
 * developer's own for every secret of .env.example. Returns what it did: `created` (the file was
 * written, from .env.example with every secret generated) and `added` (secrets appended to an
 * existing file). It never rewrites a line of an existing .env.
 */
export function prepareEnv(root) {
  const exampleFile = path.join(root, '.env.example');
  const envFile = path.join(root, '.env');
  const example = read(exampleFile);
  if (!example) throw new Error(`${exampleFile} is missing: it documents every setting`);
  const secrets = secretNames(example);
  const existing = read(envFile);
  if (!existing) {
    const lines = fs.readFileSync(exampleFile, 'utf8').split('\n');
    const written = lines.map((line) => {
      const match = /^([A-Z][A-Z0-9_]*)=/.exec(line);
      return match && secrets.includes(match[1]) ? `${match[1]}=${generateSecret(example[match[1]])}` : line;
    });
    const header = [
      '# Your own settings, written by the first `./platform start` from .env.example with every secret',
      '# generated for this machine. Not committed (.gitignore). Edit freely: ./platform start never',
      '# changes a value here; it only adds a secret that is new in .env.example.',
      '',
    ];
    fs.writeFileSync(envFile, [...header, ...written].join('\n'), { mode: 0o600 });
    return { file: envFile, created: true, added: secrets };
  }
  const missing = secrets.filter((name) => existing[name] === undefined);
  if (missing.length > 0) {
    const text = fs.readFileSync(envFile, 'utf8');
    const lines = missing.map((name) => `${name}=${generateSecret(example[name])}`);
    const separator = text.endsWith('\n') || text === '' ? '' : '\n';
    fs.appendFileSync(
      envFile,
      `${separator}\n# Added by ./platform start: new in .env.example, generated for this machine.\n${lines.join('\n')}\n`,
    );
  }
  return { file: envFile, created: false, added: missing };
}

/**
 * Loads the settings into `target` (process.env by default): what the shell set stays, then .env,
 * then the defaults of .env.example that are not secrets. Throws, naming them, when a secret has
 * its example value (from the shell or .env) or, with no .env, would have to come from .env.example.
 */
export function loadEnv(root, target = process.env) {
  const example = read(path.join(root, '.env.example')) ?? {};
  const envFile = path.join(root, '.env');
  const own = read(envFile) ?? {};
  const secrets = new Set(secretNames(example));
  for (const [key, value] of Object.entries(own)) if (target[key] === undefined) target[key] = value;
  for (const [key, value] of Object.entries(example)) {
    if (target[key] === undefined && !secrets.has(key)) target[key] = value;
  }
  const problems = [...secrets].flatMap((name) => {
    const value = target[name];
    if (value === undefined || value.trim() === '') return [`${name} is not set`];
    if (value.includes(EXAMPLE_SECRET_MARKER) || value === example[name])
      return [`${name} ${own[name] === value ? 'in .env ' : ''}still has the example value from .env.example`];
    return [];
  });
  if (problems.length > 0) {
    throw new Error(
      `Refusing to start: ${problems.join('; ')}. Development secrets are your own: set a value, or ` +
        'remove the line from .env and run ./platform start, which generates one.',
    );
  }
  return { file: fs.existsSync(envFile) ? envFile : undefined, values: own };
}
