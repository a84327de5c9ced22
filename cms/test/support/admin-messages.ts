import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The English interface messages of the admin panel, keyed the way the admin looks them up:
 * @strapi/admin's own ids as they are, a plugin's ids prefixed with its id (`content-manager.…`),
 * as StrapiApp.loadTrads / prefixPluginTranslations do. Read from the installed packages, so the
 * catalogue follows a Strapi upgrade.
 */
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const strapiRequire = createRequire(
  createRequire(path.join(cmsDir, 'package.json')).resolve('@strapi/strapi/package.json'),
);

/** The packages whose admin screens editors use, with the prefix their message ids get. */
export const ADMIN_PACKAGES = [
  { name: '@strapi/admin', prefix: '', translations: 'dist/admin/admin/src/translations' },
  { name: '@strapi/content-manager', prefix: 'content-manager.', translations: 'dist/admin/translations' },
  { name: '@strapi/i18n', prefix: 'i18n.', translations: 'dist/admin/translations' },
  { name: '@strapi/upload', prefix: 'upload.', translations: 'dist/admin/translations' },
  {
    name: '@strapi/plugin-users-permissions',
    prefix: 'users-permissions.',
    translations: 'dist/admin/translations',
  },
  { name: '@strapi/content-releases', prefix: 'content-releases.', translations: 'dist/admin/translations' },
  { name: '@strapi/review-workflows', prefix: 'review-workflows.', translations: 'dist/admin/translations' },
] as const;

const packageDir = (name: string) => path.dirname(strapiRequire.resolve(`${name}/package.json`));

/** id → English text from each package's en.json (the admin's fallback for every language). */
export async function loadEnglishMessages(): Promise<Map<string, string>> {
  const messages = new Map<string, string>();
  for (const pkg of ADMIN_PACKAGES) {
    const file = path.join(packageDir(pkg.name), pkg.translations, 'en.json.mjs');
    const { default: data } = (await import(pathToFileURL(file).href)) as { default: Record<string, unknown> };
    for (const [id, text] of Object.entries(data)) if (typeof text === 'string') messages.set(pkg.prefix + id, text);
  }
  return messages;
}

const walk = (dir: string, out: string[] = []): string[] => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.mjs')) out.push(full);
  }
  return out;
};

const unquote = (literal: string) => literal.slice(1, -1).replace(/\\(['"`\\])/g, '$1');
const LITERAL = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\`(?:[^\`$\\]|\\.)*\`)`;
/** `id: 'x', defaultMessage: 'y'` and `id: getTranslation('x'), defaultMessage: 'y'` (getTrad alike). */
const DESCRIPTOR = new RegExp(
  String.raw`id:\s*(?:(?:getTranslation|getTrad|getTradId)\(\s*${LITERAL}\s*\)|${LITERAL}),\s*defaultMessage:\s*${LITERAL}`,
  'g',
);

/**
 * id → English default message of the descriptors in the packages' built admin code. Many strings
 * (e.g. the edit view's "Publish") have no en.json entry and show their defaultMessage; they are
 * translated by the same id.
 */
export function loadDefaultMessages(): Map<string, string> {
  const messages = new Map<string, string>();
  for (const pkg of ADMIN_PACKAGES) {
    const dist = path.join(packageDir(pkg.name), 'dist');
    for (const file of walk(dist)) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(DESCRIPTOR)) {
        const [, wrapped, plain, text] = match;
        const id = wrapped ? pkg.prefix + unquote(wrapped) : unquote(plain!);
        if (!messages.has(id)) messages.set(id, unquote(text!));
      }
    }
  }
  return messages;
}

/** The English catalogue the test compares visible text with: en.json first, then defaultMessages. */
export async function loadEnglishCatalogue(): Promise<Map<string, string>> {
  const catalogue = loadDefaultMessages();
  for (const [id, text] of await loadEnglishMessages()) catalogue.set(id, text);
  return catalogue;
}

/**
 * A regular expression matching a message as rendered: ICU arguments (`{name}`, plural and select
 * forms, rich-text tags) match any text. Used to name the key behind an English string on screen.
 */
export function messagePattern(message: string): RegExp {
  let out = '';
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const char = message[i]!;
    if (char === '{') {
      if (depth === 0) out += '.*?';
      depth++;
    } else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (char === '<') {
        const end = message.indexOf('>', i);
        if (end > i) {
          i = end;
          continue;
        }
      }
      out += char.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out.trim()}$`, 's');
}

/** A message's text outside ICU arguments (`{…}`, nested). */
const literalText = (message: string) => {
  let depth = 0;
  let out = '';
  for (const char of message) {
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += char;
  }
  return out;
};

/** The ids of the catalogue's messages that render as `text`: exact matches first, then ICU patterns. */
export function keysFor(catalogue: Map<string, string>, text: string): string[] {
  const exact = [...catalogue].filter(([, english]) => english.trim() === text).map(([id]) => id);
  if (exact.length) return exact;
  return [...catalogue]
    .filter(([, english]) => /[A-Za-z]{2,}/.test(literalText(english)))
    .filter(([, english]) => messagePattern(english).test(text))
    .map(([id]) => id);
}
