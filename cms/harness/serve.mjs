// Child process of the harness: serves this CMS on the port and database its environment names,
// prints one line `ready <url>` once it answers, and stops cleanly on SIGTERM.
import { destroyStrapi, loadStrapi } from '../scripts/strapi-app.mjs';

const strapi = await loadStrapi();
await strapi.listen();
const { port } = strapi.server.httpServer.address();
process.stdout.write(`ready http://127.0.0.1:${port}\n`);
const stop = async () => {
  await destroyStrapi(strapi);
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
