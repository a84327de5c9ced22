// Setup module for the harness (startCms({ setup })): renames the funders table once the CMS has
// loaded, so that every query that reads funders fails inside the database. A real internal error,
// with SQL in its message, for test/error-disclosure.test.ts to see what a client is told.
export default async function breakFunders(strapi) {
  await strapi.db.connection.schema.renameTable('funders', 'funders_gone');
}
