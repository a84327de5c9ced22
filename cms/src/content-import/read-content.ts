import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { DOCUMENT_TYPES, SEGMENTS } from '@asb/shared';
import { COLLECTION_FILES, homePageFile, organisationSettingsFile, type ContentBundle } from './content-files';

export interface ContentProblem {
  file: string;
  field: string;
  reason: string;
}

/** A content folder that cannot be imported; lists every problem found, each with file, field and reason. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content is invalid; nothing was imported.\n` +
        problems.map((p) => `  ${p.file}${p.field ? ` › ${p.field}` : ''}: ${p.reason}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

/** Reads and validates cms/content (or another folder of the same layout). Throws ContentError; writes nothing. */
export function readContent(dir: string): ContentBundle {
  if (!fs.existsSync(dir)) throw new ContentError([{ file: dir, field: '', reason: 'folder does not exist' }]);
  const problems: ContentProblem[] = [];
  const bundle: ContentBundle = { partners: [], funders: [], programmes: [], projects: [], socialEnterprises: [] };

  for (const type of DOCUMENT_TYPES) {
    const folder = SEGMENTS[type];
    const schema = COLLECTION_FILES[type];
    const folderPath = path.join(dir, folder);
    if (!fs.existsSync(folderPath)) continue;
    for (const name of fs.readdirSync(folderPath).sort()) {
      if (!name.endsWith('.yaml') && !name.endsWith('.yml')) continue;
      const file = path.join(folder, name);
      const parsed = parseFile(path.join(dir, file), file, schema, problems) as { key: string } | undefined;
      if (!parsed) continue;
      const expected = name.replace(/\.ya?ml$/, '');
      if (parsed.key !== expected)
        problems.push({ file, field: 'key', reason: `must equal the file name "${expected}"` });
      (bundle[type] as unknown[]).push(parsed);
    }
  }
  const settings = path.join(dir, 'settings');
  if (fs.existsSync(path.join(settings, 'organisation.yaml'))) {
    bundle.organisation = parseFile(
      path.join(settings, 'organisation.yaml'),
      'settings/organisation.yaml',
      organisationSettingsFile,
      problems,
    );
  }
  if (fs.existsSync(path.join(settings, 'home.yaml'))) {
    bundle.home = parseFile(path.join(settings, 'home.yaml'), 'settings/home.yaml', homePageFile, problems);
  }

  problems.push(...crossCheck(bundle));
  if (problems.length > 0) throw new ContentError(problems);
  return bundle;
}

function parseFile<S extends z.ZodType>(
  absolute: string,
  file: string,
  schema: S,
  problems: ContentProblem[],
): z.infer<S> | undefined {
  const doc = parseDocument(fs.readFileSync(absolute, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) problems.push({ file, field: '', reason: `YAML: ${error.message.split('\n')[0]}` });
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.push({ file, field: issue.path.join('.'), reason: issue.message });
    return undefined;
  }
  return result.data;
}

/** Relations name other files' keys: each must exist, and keys are unique per folder. */
export function crossCheck(bundle: ContentBundle): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const keys = {
    partners: new Set(bundle.partners.map((d) => d.key)),
    funders: new Set(bundle.funders.map((d) => d.key)),
    programmes: new Set(bundle.programmes.map((d) => d.key)),
    projects: new Set(bundle.projects.map((d) => d.key)),
  };
  for (const type of DOCUMENT_TYPES) {
    const folder = SEGMENTS[type];
    const docs: { key: string }[] = bundle[type];
    const seen = new Set<string>();
    for (const d of docs) {
      if (seen.has(d.key))
        problems.push({ file: `${folder}/${d.key}.yaml`, field: 'key', reason: 'is used by two files' });
      seen.add(d.key);
    }
  }
  const check = (file: string, field: string, ref: string | undefined, type: keyof typeof keys) => {
    if (ref !== undefined && !keys[type].has(ref))
      problems.push({ file, field, reason: `"${ref}" is not a file in ${SEGMENTS[type]}/` });
  };
  for (const p of bundle.projects) {
    const file = `${SEGMENTS.projects}/${p.key}.yaml`;
    check(file, 'programme', p.programme, 'programmes');
    p.funders.forEach((f, i) => check(file, `funders.${i}`, f, 'funders'));
    p.implementingPartners.forEach((f, i) => check(file, `implementingPartners.${i}`, f, 'partners'));
    p.associatedPartners.forEach((f, i) => check(file, `associatedPartners.${i}`, f, 'partners'));
    problems.push(...sameFigures(file, 'results', p.ka.results, p.en.results));
  }
  for (const e of bundle.socialEnterprises) {
    const file = `${SEGMENTS.socialEnterprises}/${e.key}.yaml`;
    check(file, 'project', e.project, 'projects');
    check(file, 'operator', e.operator, 'partners');
    problems.push(...sameFigures(file, 'beneficiaries', e.ka.beneficiaries, e.en.beneficiaries));
  }
  return problems;
}

/** A translation carries the same figures as the original, in the same order. */
function sameFigures(
  file: string,
  field: string,
  ka: { value: number; baseline?: number | undefined }[],
  en: { value: number; baseline?: number | undefined }[],
): ContentProblem[] {
  if (ka.length !== en.length)
    return [{ file, field: `en.${field}`, reason: `has ${en.length} items, ka has ${ka.length}` }];
  return ka.flatMap((k, i) =>
    k.value !== en[i]!.value || k.baseline !== en[i]!.baseline
      ? [{ file, field: `en.${field}.${i}`, reason: `figures differ from ka (${en[i]!.value} vs ${k.value})` }]
      : [],
  );
}
