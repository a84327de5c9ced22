// Child process of the harness: serves this CMS on the port and database its environment names,
// prints one line `ready <url>` once it answers, and stops cleanly on SIGTERM.
import { pathToFileURL } from 'node:url';
import { destroyStrapi, loadStrapi } from '../scripts/strapi-app.mjs';

// ASB_SERVE_ADMIN=1 serves the built admin panel (dist/build, from `pnpm build`) for browser tests.
const strapi = await loadStrapi({ serveAdminPanel: process.env.ASB_SERVE_ADMIN === '1' });
// A test may change the seeded content before the CMS answers (drafts, broken entries): a module
// whose default export receives the loaded Strapi.
if (process.env.ASB_CMS_SETUP) {
  const setup = await import(pathToFileURL(process.env.ASB_CMS_SETUP).href);
  await setup.default(strapi);
}
await strapi.listen();
const { port } = strapi.server.httpServer.address();
process.stdout.write(`ready http://127.0.0.1:${port}\n`);
const stop = async () => {
  await destroyStrapi(strapi);
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
