import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypes } from '@strapi/utils';

/**
 * No content type or component of this app uses a name Strapi reserves. Strapi only warns at
 * start (and the admin then fails in odd ways: an attribute `status` on a draft & publish type made
 * every project Save answer "Invalid status"); the content-type builder refuses them outright.
 * The lists are Strapi's own (`@strapi/utils` contentTypes, which the builder and core use).
 */
const src = path.join(__dirname, '..', 'src');

interface Schema {
  info?: { singularName?: string; pluralName?: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, unknown>;
}

function schemaFiles(): string[] {
  const files: string[] = [];
  for (const root of ['api', 'extensions']) {
    const dir = path.join(src, root);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (/(^|\/)content-types\/[^/]+\/schema\.json$/.test(entry)) files.push(path.join(dir, entry));
    }
  }
  const components = path.join(src, 'components');
  for (const category of fs.readdirSync(components)) {
    for (const file of fs.readdirSync(path.join(components, category))) {
      if (file.endsWith('.json')) files.push(path.join(components, category, file));
    }
  }
  return files.sort();
}

/** Every reserved name an attribute of this schema has: the builder's rule (as if draft & publish were on). */
function reservedNamesIn(schema: Schema): string[] {
  const names = Object.keys(schema.attributes).filter((name) => contentTypes.isReservedAttributeName(name));
  const models = [schema.info?.singularName, schema.info?.pluralName].filter(
    (name): name is string => !!name && contentTypes.isReservedModelName(name),
  );
  return [...names, ...models];
}

describe('reserved names', () => {
  const files = schemaFiles();

  it('finds every content type and component of src/', () => {
    const apis = fs.readdirSync(path.join(src, 'api'));
    expect(files.filter((f) => f.includes(`${path.sep}content-types${path.sep}`))).toHaveLength(apis.length);
    expect(files.filter((f) => f.includes(`${path.sep}components${path.sep}`)).length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(src, f), f]))('%s uses none of the names Strapi reserves', (_, file) => {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
    expect(reservedNamesIn(schema), `rename them in ${path.relative(src, file)} (and add a migration)`).toEqual([]);
  });

  it('Strapi’s list is what this check relies on: status, locale and the document fields are in it', () => {
    const attributes = { status: {}, locale: {}, documentId: {}, publishedAt: {}, strapiStage: {}, phase: {} };
    expect(reservedNamesIn({ attributes })).toEqual(['status', 'locale', 'documentId', 'publishedAt', 'strapiStage']);
    expect(reservedNamesIn({ info: { singularName: 'upload', pluralName: 'uploads' }, attributes: {} })).toEqual([
      'upload',
    ]);
  });
});
