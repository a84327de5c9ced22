// Child process of test/phase-migration.test.ts. Boots the app copy named by argv[2], whose
// project schema still has `status` (the app before the rename), on the database its environment
// names: the organisation's content is imported on first start. Then it gives the projects
// distinct values in draft and published rows, adds a draft that was never published, and prints
// one line `state <json>` with every project row's value and the admin's stored edit layout.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const appDir = path.resolve(process.argv[2]);
const { destroyStrapi, loadStrapi } = await import(pathToFileURL(path.join(appDir, 'scripts', 'strapi-app.mjs')).href);

const PROJECT = 'api::project.project';
/** Published and draft value per imported project: all three values on each side, drafts edited after publishing. */
const VALUES = {
  'social-entrepreneurship-innovative-approach': { published: 'ongoing', draft: 'planned' },
  'civil-society-capacity-georgia-ukraine': { published: 'completed', draft: 'completed' },
  'idp-social-enterprises': { published: 'planned', draft: 'ongoing' },
};

const strapi = await loadStrapi();
try {
  const table = strapi.db.metadata.get(PROJECT).tableName;
  const rows = () => strapi.db.getConnection(table);
  const draftOnly = await strapi
    .documents(PROJECT)
    .create({ locale: 'ka', data: { title: 'მხოლოდ სამუშაო ვერსია', summary: 'never published' } });
  await rows().where({ document_id: draftOnly.documentId }).update({ status: 'completed' });
  const imported = await strapi.db
    .query(PROJECT)
    .findMany({ select: ['documentId', 'importKey'], where: { publishedAt: null, locale: 'ka' } });
  for (const { documentId, importKey } of imported) {
    const values = VALUES[importKey];
    if (!values) continue;
    await rows().where({ document_id: documentId }).whereNull('published_at').update({ status: values.draft });
    await rows().where({ document_id: documentId }).whereNotNull('published_at').update({ status: values.published });
  }
  const state = {
    attributes: Object.keys(strapi.contentType(PROJECT).attributes),
    rows: (await rows().select('document_id', 'locale', 'published_at', 'status')).map((r) => ({
      documentId: r.document_id,
      locale: r.locale,
      published: r.published_at !== null,
      value: r.status,
    })),
    layout: (
      await strapi
        .store({ type: 'plugin', name: 'content_manager' })
        .get({ key: `configuration_content_types::${PROJECT}` })
    ).layouts.edit,
  };
  process.stdout.write(`state ${JSON.stringify(state)}\n`);
} finally {
  await destroyStrapi(strapi);
}
process.exit(0);
