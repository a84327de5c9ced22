import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { up } from '../database/migrations/2026.12.02T00.00.00.project-status-to-phase';
import { databaseKind, databaseSkipReason } from './support/cms';
// @ts-expect-error plain ESM helpers shared with scripts/ and harness/
import { destroyStrapi, loadStrapi } from '../scripts/strapi-app.mjs';
// @ts-expect-error plain ESM helpers shared with scripts/ and harness/
import { createTestDatabase, TEST_SECRETS } from '../harness/databases.mjs';

/**
 * The migration that renames project `status` to `phase`, on a database really made by the app
 * before the rename: a copy of this app whose project schema still has `status` imports the
 * content and sets values in draft and published rows (in a child process: Strapi is one per
 * process); then this app starts on the same database and must find every value in `phase`.
 */
const skip = await databaseSkipReason();
const cmsDir = path.join(__dirname, '..');
const PROJECT = 'api::project.project';
const MIGRATION = '2026.12.02T00.00.00.project-status-to-phase.js';

interface Row {
  documentId: string;
  locale: string;
  published: boolean;
  value: string | null;
}
interface OldState {
  attributes: string[];
  rows: Row[];
  layout: { name: string; size: number }[][];
}
const byRow = (a: Row, b: Row) =>
  `${a.documentId}/${a.locale}/${a.published}`.localeCompare(`${b.documentId}/${b.locale}/${b.published}`);

/** This app as it was before the rename: project `status`, and no migration yet. */
function preRenameApp(): string {
  const dir = path.join(cmsDir, '.tmp', `pre-rename-app-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const entry of ['config', 'src', 'scripts', 'harness', 'content', 'public', 'package.json', 'tsconfig.json']) {
    fs.cpSync(path.join(cmsDir, entry), path.join(dir, entry), { recursive: true });
  }
  fs.mkdirSync(path.join(dir, 'database', 'migrations'), { recursive: true });
  fs.symlinkSync(path.join(cmsDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const edit = (file: string, from: string | RegExp, to: string) => {
    const full = path.join(dir, file);
    const text = fs.readFileSync(full, 'utf8');
    const edited = text.replace(from, to);
    if (edited === text) throw new Error(`${file}: "${from}" not found; update preRenameApp() to the current code`);
    fs.writeFileSync(full, edited);
  };
  edit('src/api/project/content-types/project/schema.json', '"phase": {', '"status": {');
  edit('src/content-import/import-content.ts', 'phase: d.phase,', 'status: d.phase,');
  edit('tsconfig.json', '"../tsconfig.base.json"', JSON.stringify(path.join(cmsDir, '..', 'tsconfig.base.json')));
  return dir;
}

function runPreRenameApp(appDir: string, env: Record<string, string>): Promise<OldState> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'support', 'pre-rename-app.mjs'), appDir], {
      cwd: appDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = /^state (.*)$/m.exec(log);
      if (code === 0 && line) resolve(JSON.parse(line[1]!) as OldState);
      else reject(new Error(`the pre-rename app failed (exit code ${code}):\n${log.slice(-4000)}`));
    });
  });
}

describe.runIf(!skip)(`project status → phase migration on ${databaseKind}`, () => {
  let db: { env: Record<string, string>; drop(): Promise<void> };
  let appDir: string;
  let before: OldState;
  let strapi: Core.Strapi;
  const table = () => strapi.db.metadata.get(PROJECT).tableName;
  const rows = () => strapi.db.getConnection(table());
  const current = async (): Promise<Row[]> =>
    (await rows().select('document_id', 'locale', 'published_at', 'phase'))
      .map((r: Record<string, unknown>) => ({
        documentId: r.document_id as string,
        locale: r.locale as string,
        published: r.published_at !== null,
        value: r.phase as string | null,
      }))
      .sort(byRow);

  beforeAll(async () => {
    db = await createTestDatabase(databaseKind);
    appDir = preRenameApp();
    const env: Record<string, string> = { ...TEST_SECRETS, ...db.env, IMPORT_ON_FIRST_START: 'true' };
    // DATABASE_FILENAME is relative to the app's root: point the copy at the same SQLite file.
    if (env.DATABASE_FILENAME) {
      env.DATABASE_FILENAME = path.relative(appDir, path.join(cmsDir, env.DATABASE_FILENAME));
    }
    before = await runPreRenameApp(appDir, env);
    strapi = await loadStrapi({ env: { ...TEST_SECRETS, ...db.env, IMPORT_ON_FIRST_START: 'true' } });
  });
  afterAll(async () => {
    if (strapi) await destroyStrapi(strapi);
    await db?.drop();
    if (appDir) fs.rmSync(appDir, { recursive: true, force: true });
  });

  it('starts from a real pre-rename database: status, every value, drafts and published rows', () => {
    expect(before.attributes).toContain('status');
    expect(before.attributes).not.toContain('phase');
    const values = (published: boolean) =>
      new Set(before.rows.filter((r) => r.published === published).map((r) => r.value));
    expect(values(true)).toEqual(new Set(['planned', 'ongoing', 'completed']));
    expect(values(false)).toEqual(new Set(['planned', 'ongoing', 'completed']));
    // 3 imported projects in 2 locales, draft and published, and one draft that was never published.
    expect(before.rows).toHaveLength(13);
  });

  it('keeps every value in phase, in draft and published rows of every locale', async () => {
    expect(await current()).toEqual([...before.rows].sort(byRow));
    const schema = strapi.db.getSchemaConnection();
    expect(await schema.hasColumn(table(), 'status')).toBe(false);
    const ran = await strapi.db.getConnection('strapi_migrations').select('name');
    expect(ran.map((r: { name: string }) => r.name)).toContain(MIGRATION);
  });

  it('reads the kept values through the Document Service, drafts apart from published versions', async () => {
    for (const row of before.rows) {
      const doc = (await strapi.documents(PROJECT).findOne({
        documentId: row.documentId,
        locale: row.locale,
        status: row.published ? 'published' : 'draft',
      } as never)) as { phase: string } | null;
      expect(doc?.phase, `${row.documentId} ${row.locale} ${row.published}`).toBe(row.value);
    }
  });

  it('keeps the field where editors had it in the edit view, under its new label', async () => {
    const configuration = await strapi
      .store({ type: 'plugin', name: 'content_manager' })
      .get({ key: `configuration_content_types::${PROJECT}` });
    const renamed = before.layout.map((line) =>
      line.map((f) => ({ ...f, name: f.name === 'status' ? 'phase' : f.name })),
    );
    expect(before.layout.flat().some((f) => f.name === 'status')).toBe(true);
    expect((configuration as { layouts: { edit: unknown } }).layouts.edit).toEqual(renamed);
    expect(
      (configuration as { metadatas: Record<string, { edit: { label: string } }> }).metadatas.phase!.edit.label,
    ).toBe('Phase');
  });

  it('copies status into an empty phase when the schema sync ran first, and does nothing the second time', async () => {
    const [draft, published] = [
      before.rows.find((r) => !r.published && r.value !== 'completed')!,
      before.rows.find((r) => r.published && r.value !== 'completed')!,
    ];
    // A sync that ran before the migration (with forceMigration off) adds an empty phase and keeps status.
    await strapi.db.getSchemaConnection().alterTable(table(), (t) => t.string('status'));
    await rows().update({ status: 'completed' });
    await rows().where({ document_id: draft.documentId }).whereNull('published_at').update({ phase: null });
    const expected = (await current()).map((r) =>
      r.documentId === draft.documentId && !r.published ? { ...r, value: 'completed' } : r,
    );
    await strapi.db.transaction(({ trx }) => up(trx, strapi.db));
    expect(await current()).toEqual(expected);
    // Values editors set in phase are not overwritten by the old column.
    expect((await current()).find((r) => r.documentId === published.documentId && r.published)!.value).toBe(
      published.value,
    );
    expect(await strapi.db.getSchemaConnection().hasColumn(table(), 'status')).toBe(false);
    await strapi.db.transaction(({ trx }) => up(trx, strapi.db));
    expect(await current()).toEqual(expected);
  });
});
