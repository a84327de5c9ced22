/**
 * Project `status` → `phase` (2 December 2026): Strapi 5 reserves `status` for draft & publish,
 * and an attribute of that name kept the admin from saving projects. This keeps every project's
 * value, on SQLite and PostgreSQL, in draft and published rows alike (both live in one table).
 *
 * When it runs: Strapi runs pending migrations from `database/migrations` inside
 * `db.schema.sync()`, before it syncs the tables with the content types
 * (@strapi/database, schema/index.js), and records each by file name in `strapi_migrations`.
 * With `settings.useTypescriptMigrations` (config/database.ts) it reads them from the compiled
 * app, `dist/database/migrations/*.js`, which tsc writes from this file.
 *
 * What it does, by the state it finds (so it is correct in either order and idempotent):
 * - no projects table (a new database): nothing; the sync creates the table with `phase`;
 * - only `status`: renames the column (the usual case);
 * - both (the sync ran first and added an empty `phase`, and kept `status` because
 *   `forceMigration` was off): copies `status` into the rows whose `phase` is empty, drops `status`;
 * - only `phase`: nothing.
 * A sync with `forceMigration` on (Strapi's default) that ran before this would have dropped
 * `status` already: no migration can bring those values back.
 *
 * It also renames the field in the admin's stored edit and list layouts, so that the field
 * stays where editors had it instead of moving to the end of the form.
 */
import type { Core } from '@strapi/strapi';

type Database = Core.Strapi['db'];
type Knex = Database['connection'];

const PROJECT = 'api::project.project';
const OLD = 'status';
const NEW = 'phase';
const LAYOUT_KEY = `plugin_content_manager_configuration_content_types::${PROJECT}`;

export async function up(trx: Knex, db: Database): Promise<void> {
  await renameColumn(trx, db, OLD, NEW);
  await renameInLayout(trx, db, OLD, NEW);
}

/** Back to the pre-rename app's column (for `strapi.db.migrations.down()`); same rules, reversed. */
export async function down(trx: Knex, db: Database): Promise<void> {
  await renameColumn(trx, db, NEW, OLD);
  await renameInLayout(trx, db, NEW, OLD);
}

async function renameColumn(trx: Knex, db: Database, from: string, to: string) {
  const table = db.metadata.get(PROJECT).tableName;
  const schema = () => db.getSchemaConnection(trx);
  if (!(await schema().hasTable(table))) return;
  if (!(await schema().hasColumn(table, from))) return;
  if (!(await schema().hasColumn(table, to))) {
    await schema().alterTable(table, (t) => t.renameColumn(from, to));
    return;
  }
  await rows(trx, db, table)
    .whereNull(to)
    .update({ [to]: trx.ref(from) });
  // Plain DROP COLUMN (SQLite 3.35+, PostgreSQL): knex's SQLite dropColumn rebuilds the whole table.
  const schemaName = db.getSchemaName();
  await trx.raw('alter table ?? drop column ??', [schemaName ? `${schemaName}.${table}` : table, from]);
}

function rows(trx: Knex, db: Database, table: string) {
  const schemaName = db.getSchemaName();
  return schemaName ? trx(table).withSchema(schemaName) : trx(table);
}

interface LayoutConfiguration {
  settings?: Record<string, unknown>;
  metadatas?: Record<string, unknown>;
  layouts?: { list?: string[]; edit?: { name: string }[][] };
}

/** The content-manager's stored configuration of the project views (core store, JSON text). */
async function renameInLayout(trx: Knex, db: Database, from: string, to: string) {
  const table = db.metadata.get('strapi::core-store').tableName;
  if (!(await db.getSchemaConnection(trx).hasTable(table))) return;
  const stored = (await rows(trx, db, table).where({ key: LAYOUT_KEY }).first('id', 'value')) as
    { id: number; value: string | null } | undefined;
  if (!stored?.value) return;
  const config = JSON.parse(stored.value) as LayoutConfiguration;
  const metadatas = config.metadatas ?? {};
  if (!(from in metadatas) || to in metadatas) return;
  config.metadatas = Object.fromEntries(Object.entries(metadatas).map(([k, v]) => [k === from ? to : k, v]));
  for (const setting of ['mainField', 'defaultSortBy']) {
    if (config.settings?.[setting] === from) config.settings[setting] = to;
  }
  if (config.layouts?.list) config.layouts.list = config.layouts.list.map((name) => (name === from ? to : name));
  for (const row of config.layouts?.edit ?? []) {
    for (const field of row) if (field.name === from) field.name = to;
  }
  await rows(trx, db, table)
    .where({ id: stored.id })
    .update({ value: JSON.stringify(config) });
}
