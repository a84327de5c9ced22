// The site's server with publishing built in: serves the live build (through a child process running
// that build's @astrojs/node server), takes the CMS's signed rebuild calls, and switches to a new
// build only once it is complete and checked. `./platform start` runs it (buildAndServe below), and
// production runs it from main.ts. It calls the build runner (../builder/); the runner never calls it.
//
//   POST /_site/rebuild   signed by the CMS (REBUILD_WEBHOOK_SECRET): 202, or 401/409/400 with why
//   GET  /_site/status    signed: live build, build in progress, last success, last failure and why
//   POST /_site/rollback  signed: serve the previous build again (server/rollback.ts)
//   anything else         the live build, static pages and on-demand routes (previews) alike
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { checkSecrets, MAX_SKEW_MS, verifySignature, type BuildTrigger } from '@asb/shared';
import { serveSite, type RunningSite } from '../builder/serve-build.ts';
import { Rebuilder } from './rebuilder.ts';

/** Secrets the site server holds; production refuses missing or example values (see .env.example). */
export const SITE_SECRETS = ['PREVIEW_SECRET', 'PREVIEW_TOKEN', 'REBUILD_WEBHOOK_SECRET'];
const MAX_BODY = 16 * 1024;
/** Requests to an old build get this long to finish after a switch. */
const DRAIN_MS = 3000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface SiteServerOptions {
  /** Where builds fetch content. */
  cmsUrl: string;
  port?: number;
  host?: string;
  buildsDir?: string;
  /** REBUILD_WEBHOOK_SECRET */
  secret?: string | undefined;
  /** Environment for builds and the serving process. */
  env?: Record<string, string | undefined>;
  keep?: number;
  debounceMs?: number;
  log?: (line: string) => void;
}

export interface SiteServer {
  url: string;
  rebuilder: Rebuilder;
  liveBuild(): string | null;
  stop(): Promise<void>;
}

export async function startSiteServer({
  cmsUrl,
  port = Number(process.env.WEB_PORT ?? 4321),
  host = process.env.HOST ?? '127.0.0.1',
  buildsDir = path.resolve(import.meta.dirname, '..', process.env.SITE_BUILDS_DIR ?? '.cache/builds'),
  secret = process.env.REBUILD_WEBHOOK_SECRET,
  env = {},
  keep = Number(process.env.SITE_KEEP_BUILDS ?? 5),
  debounceMs,
  log = (line) => console.log(`[site] ${line}`),
}: SiteServerOptions): Promise<SiteServer> {
  for (const problem of checkSecrets({ ...process.env, ...env }, SITE_SECRETS)) log(`warning: ${problem}`);

  /** The child serving the live build. Swapped whole: a request goes to one build or the other. */
  let target: { id: string; port: number; site: RunningSite } | null = null;
  /** Servers of replaced builds, still answering requests they had started. */
  interface Drain {
    site: RunningSite;
    timer: NodeJS.Timeout;
  }
  const draining = new Set<Drain>();
  const stopDrained = async (drain: Drain) => {
    if (!draining.delete(drain)) return;
    clearTimeout(drain.timer);
    await drain.site.stop();
  };
  const activate = async (id: string, dir: string) => {
    const child = await serveSite({
      port: await freePort(),
      host: '127.0.0.1',
      outDir: dir,
      env: { ...env, CMS_URL: cmsUrl },
    });
    const old = target;
    target = { id, port: Number(new URL(child.url).port), site: child };
    if (old) {
      // Stopped after the drain, or by stop() if that comes first: an unref'd timer alone left the
      // old build's server running when the process stopped within DRAIN_MS of a switch.
      const drain: Drain = { site: old.site, timer: setTimeout(() => void stopDrained(drain), DRAIN_MS) };
      drain.timer.unref();
      draining.add(drain);
    }
  };
  const rebuilder = new Rebuilder({
    buildsDir,
    cmsUrl,
    env,
    keep,
    activate,
    log,
    ...(debounceMs !== undefined ? { debounceMs } : {}),
  });

  const live = rebuilder.live();
  if (live) await activate(live, path.join(rebuilder.buildsDir, live));
  else {
    await rebuilder.buildNow({ event: 'first start' });
    if (!rebuilder.live())
      throw new Error(`The first build of the site failed: ${rebuilder.state.lastFailure?.reason}`);
  }

  /** Ids of rebuild calls seen within the signature window: a captured call cannot be sent again. */
  const seen = new Map<string, number>();
  const remember = (id: string) => {
    const now = Date.now();
    for (const [key, expires] of seen) if (expires < now) seen.delete(key);
    if (seen.has(id)) return false;
    seen.set(id, now + 2 * MAX_SKEW_MS);
    return true;
  };
  const header = (req: http.IncomingMessage, name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const signed = (req: http.IncomingMessage, message: string) =>
    verifySignature(secret, {
      timestamp: header(req, 'x-asb-timestamp'),
      signature: header(req, 'x-asb-signature'),
      message,
    });

  async function control(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/_site/status' && req.method === 'GET') {
      const problem = signed(req, `GET ${pathname}`);
      if (problem) return json(res, 401, { error: `Refused: ${problem}` });
      return json(res, 200, rebuilder.status());
    }
    if ((pathname === '/_site/rebuild' || pathname === '/_site/rollback') && req.method === 'POST') {
      const body = await readBody(req);
      const problem = signed(req, body);
      if (problem) return json(res, 401, { error: `Refused: ${problem}` });
      let notice: Partial<Record<keyof BuildTrigger | 'id', unknown>> | null;
      try {
        notice = JSON.parse(body) as typeof notice;
      } catch {
        return json(res, 400, { error: 'The body is not JSON' });
      }
      if (typeof notice?.id !== 'string' || notice.id.length < 8)
        return json(res, 400, { error: 'The call has no id (a unique string)' });
      if (!remember(notice.id)) return json(res, 409, { error: `Refused: call ${notice.id} was already received` });
      if (pathname === '/_site/rollback') {
        try {
          return json(res, 200, { live: await rebuilder.rollback() });
        } catch (error) {
          return json(res, 409, { error: (error as Error).message });
        }
      }
      const { event = 'change', uid = null, documentId = null, locale = null, at = null } = notice;
      if (at !== null && (typeof at !== 'string' || Number.isNaN(Date.parse(at))))
        return json(res, 400, { error: 'The call\'s "at" is not a date and time (ISO 8601)' });
      // The other fields are recorded as sent (the status shows them); only `at` is used, and checked above.
      const trigger = { event, uid, documentId, locale, at } as BuildTrigger;
      return json(res, 202, { build: rebuilder.request(trigger) });
    }
    return json(res, 405, { error: `${req.method} ${pathname} is not supported` });
  }

  function proxy(req: http.IncomingMessage, res: http.ServerResponse): void {
    const to = target;
    if (!to) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10' });
      res.end('The site is being built; try again in a moment.\n');
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`The site could not answer: ${error.message}\n`);
    });
    req.pipe(upstream);
  }

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://site').pathname;
    if (pathname.startsWith('/_site/')) {
      control(req, res, pathname).catch((error: Error & { status?: number }) =>
        json(res, error.status ?? 500, { error: error.message }),
      );
    } else proxy(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`;
  log(`serving build ${rebuilder.live()} at ${url}`);
  return {
    url,
    rebuilder,
    liveBuild: () => target?.id ?? null,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await rebuilder.idle();
      await Promise.all([...draining].map(stopDrained));
      await target?.site.stop();
      target = null;
    },
  };
}

/**
 * `./platform start` (scripts/platform.mjs): the site server with publishing built in, on all
 * interfaces unless HOST says otherwise. `child` stays for callers that stop it like a process.
 */
export async function buildAndServe({ cmsUrl }: { cmsUrl: string }): Promise<{
  url: string;
  server: SiteServer;
  child: { kill(): void };
  stop(): Promise<void>;
}> {
  const server = await startSiteServer({ cmsUrl, host: process.env.HOST ?? '0.0.0.0' });
  const stopServer = () => server.stop();
  return { url: server.url, server, child: { kill: () => void stopServer() }, stop: stopServer };
}
