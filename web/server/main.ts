#!/usr/bin/env node
// Production entry of the site (web/Dockerfile, `pnpm --filter @asb/web start`): the site server
// with publishing built in. It serves the live build from SITE_BUILDS_DIR, building one from the CMS
// first when there is none, and rebuilds when the CMS calls. Stops cleanly on SIGTERM.
import { startSiteServer } from './site-server.ts';

try {
  const server = await startSiteServer({
    cmsUrl: process.env.CMS_URL ?? 'http://127.0.0.1:1337',
    host: process.env.HOST ?? '0.0.0.0',
  });
  console.log(`[site] serving ${server.url}`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  console.error(`[site] could not start: ${(error as Error).message}`);
  process.exit(1);
}
