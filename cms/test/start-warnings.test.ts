import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { databaseKind, databaseSkipReason } from './support/cms';
import { startCms } from '../harness/index.mjs';

/**
 * A correctly configured CMS starts silently: no `warn` or `error` line from Strapi's logger and
 * nothing on stderr (console.warn / console.error, Node's deprecation and other warnings), on a
 * fresh database with the organisation's content imported on first start, in development (as
 * `./platform start` runs it) and in production. A warning at start is a problem someone has to
 * read past every day until it hides a real one (a reserved field name, a deprecated provider).
 */
const skip = await databaseSkipReason();

/** Settings every part of the CMS needs, none of them the public examples from .env.example. */
const CONFIGURED = {
  PREVIEW_SECRET: 'test-preview-secret',
  PREVIEW_TOKEN: 'test-preview-token-0123456789abcdef',
  REBUILD_WEBHOOK_SECRET: 'test-rebuild-secret',
  // PostgreSQL here trusts local connections; production still insists on a real password.
  DATABASE_PASSWORD: 'test-database-password',
};

/** Stands in for the site server, so that the CMS has a rebuild endpoint as in production. */
async function siteStandIn() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(202, { 'Content-Type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rebuildUrl: `http://127.0.0.1:${port}/_site/rebuild`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const LOG_LINE = /^\[[\d\- :.]+\] (warn|error):/;
const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

describe.runIf(!skip)(`CMS start on ${databaseKind}`, () => {
  it.each(['development', 'production'])(
    'logs no warning or error in %s, with the content imported on first start',
    async (mode) => {
      const site = await siteStandIn();
      const cms = await startCms({
        database: databaseKind,
        env: { ...CONFIGURED, NODE_ENV: mode, REBUILD_URL: site.rebuildUrl, IMPORT_ON_FIRST_START: 'true' },
      });
      try {
        // Work that follows the start (the GraphQL schema, background jobs) may log a moment later.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        expect(strip(cms.log())).toMatch(/\[import\] done: \d+ documents created/);
      } finally {
        await cms.stop();
        await site.close();
      }
      const log = strip(cms.log());
      expect(log.split('\n').filter((line) => LOG_LINE.test(line))).toEqual([]);
      expect(strip(cms.stderr())).toBe('');
    },
    180_000,
  );
});
