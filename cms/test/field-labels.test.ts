import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPTION_LABELS } from '../src/admin/fields/option-labels';
import { COMPONENT_FIELDS, TYPE_FIELDS, type FieldText } from '../src/editing/field-labels';

/**
 * Every field an editor meets has a label and a hint in each interface language
 * (src/editing/field-labels.ts), read against the schema files themselves, so a new attribute
 * without words fails here rather than showing its raw name ("implementedProjects") in the admin.
 * Pure: no Strapi, no browser.
 */
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(cmsDir, '..');
/** Attributes editors never see: the import's key is hidden in every form (src/setup/editor-hints.ts). */
const HIDDEN = new Set(['importKey']);

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const types = fs.readdirSync(path.join(cmsDir, 'src/api')).map((name) => {
  const schema = readJson(path.join(cmsDir, `src/api/${name}/content-types/${name}/schema.json`));
  return { uid: `api::${name}.${name}`, attributes: Object.keys(schema.attributes) };
});
const components = fs.readdirSync(path.join(cmsDir, 'src/components')).flatMap((category) =>
  fs.readdirSync(path.join(cmsDir, 'src/components', category)).map((file) => ({
    uid: `${category}.${file.replace(/\.json$/, '')}`,
    attributes: Object.keys(readJson(path.join(cmsDir, 'src/components', category, file)).attributes),
  })),
);
const GEORGIAN = /[\u10D0-\u10FF]/;
const LATIN_WORD = /[A-Za-z]{2,}/g;
/** Latin a Georgian hint may keep: file formats, a URL scheme, an example amount's figures. */
const TECHNICAL = new Set(['JPEG', 'PNG', 'WebP', 'https']);

function problems(
  kind: string,
  models: { uid: string; attributes: string[] }[],
  texts: Record<string, Record<string, FieldText>>,
) {
  const found: string[] = [];
  for (const { uid, attributes } of models) {
    const fields = texts[uid];
    if (!fields) {
      found.push(`${kind} ${uid} has no labels`);
      continue;
    }
    for (const attribute of attributes.filter((name) => !HIDDEN.has(name))) {
      const text = fields[attribute];
      if (!text) {
        found.push(`${uid}.${attribute} has no label`);
        continue;
      }
      for (const language of ['en', 'ka'] as const) {
        const [label, hint] = text[language];
        if (!label.trim() || !hint.trim()) found.push(`${uid}.${attribute}: empty ${language} label or hint`);
      }
      const [label, hint] = text.ka;
      if (!GEORGIAN.test(label)) found.push(`${uid}.${attribute}: the Georgian label "${label}" is not Georgian`);
      const latin = [...`${label} ${hint}`.matchAll(LATIN_WORD)].map((m) => m[0]).filter((w) => !TECHNICAL.has(w));
      if (latin.length)
        found.push(`${uid}.${attribute}: Latin words in the Georgian label or hint: ${latin.join(', ')}`);
    }
    for (const field of Object.keys(fields))
      if (!attributes.includes(field)) found.push(`${uid}.${field} is labelled but is not an attribute`);
    // One form, one label per field: an editor (and the journeys) tell fields apart by their labels.
    for (const language of ['en', 'ka'] as const) {
      const labels = Object.values(fields).map((text) => text[language][0]);
      const twice = labels.filter((label, i) => labels.indexOf(label) !== i);
      if (twice.length) found.push(`${uid}: ${language} label(s) used twice: ${twice.join(', ')}`);
    }
  }
  return found;
}

describe('field labels and hints', () => {
  it('every attribute of every content type has a label and hint in English and Georgian', () => {
    expect(types.length).toBeGreaterThanOrEqual(7);
    expect(problems('type', types, TYPE_FIELDS)).toEqual([]);
  });

  it('every attribute of every component has a label and hint in English and Georgian', () => {
    expect(components.length).toBeGreaterThanOrEqual(9);
    expect(problems('component', components, COMPONENT_FIELDS)).toEqual([]);
  });

  it('an English label that is a glossary term has the glossary’s Georgian term (docs/editors/glossary.md)', () => {
    const glossary = new Map(
      fs
        .readFileSync(path.join(root, 'docs/editors/glossary.md'), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('|') && !/^\|\s*(English|-)/.test(line))
        .map(
          (line) =>
            line
              .split('|')
              .slice(1, 3)
              .map((cell) => cell.trim()) as [string, string],
        ),
    );
    const all = [...Object.values(TYPE_FIELDS), ...Object.values(COMPONENT_FIELDS)].flatMap((fields) =>
      Object.values(fields as Record<string, FieldText>),
    );
    const checked = all.filter((text) => glossary.has(text.en[0]));
    expect(checked.length, 'labels that are glossary terms (Email, Alternative text…)').toBeGreaterThan(0);
    const wrong = checked
      .filter((text) => text.ka[0] !== glossary.get(text.en[0]))
      .map((text) => `"${text.en[0]}" is "${text.ka[0]}", the glossary says "${glossary.get(text.en[0])}"`);
    expect(wrong).toEqual([]);
  });

  it('one English word has one Georgian word, across every form and option list', () => {
    // Editors (and the journeys in the Georgian interface) rely on "Website" being one thing.
    const words = new Map<string, Set<string>>();
    const add = (english: string, georgian: string) =>
      words.set(english, (words.get(english) ?? new Set()).add(georgian));
    for (const fields of [...Object.values(TYPE_FIELDS), ...Object.values(COMPONENT_FIELDS)])
      for (const text of Object.values(fields as Record<string, FieldText>)) add(text.en[0], text.ka[0]);
    for (const [value, english] of Object.entries(OPTION_LABELS.en)) add(english, OPTION_LABELS.ka[value]!);
    const ambiguous = [...words]
      .filter(([, georgian]) => georgian.size > 1)
      .map(([english, georgian]) => `${english}: ${[...georgian].join(' / ')}`);
    expect(ambiguous).toEqual([]);
  });
});
