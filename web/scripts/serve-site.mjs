// Serves the built site with the Node adapter's server (static pages plus on-demand routes).
// Used by `./platform start` (buildAndServe) and by the browser tests (serveSite).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { webDir } from './build-site.mjs';

export function serveSite({
  port = Number(process.env.WEB_PORT ?? 4321),
  host = '127.0.0.1',
  env = {},
  outDir = path.join(webDir, 'dist'),
} = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(outDir, 'server/entry.mjs')], {
      cwd: webDir,
      env: { ...process.env, HOST: host, PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const onData = (chunk) => {
      log += chunk;
      // With host 0.0.0.0 the adapter prints the addresses on the following lines.
      const match = /Server listening on/.exec(log);
      if (match)
        resolve({ url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`, child, stop: () => stop(child) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The site server exited (${code}):\n${log}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/**
 * `./platform start`: the site server with publishing built in (server/site-server.mjs): it serves the
 * live build from web/builds (building one first when there is none) and rebuilds when the CMS
 * publishes. `child` stays for callers that stop it like a process.
 */
export async function buildAndServe({ cmsUrl }) {
  const { startSiteServer } = await import('../server/site-server.mjs');
  const server = await startSiteServer({ cmsUrl, host: process.env.HOST ?? '0.0.0.0' });
  const stopServer = () => server.stop();
  return { url: server.url, server, child: { kill: () => void stopServer() }, stop: stopServer };
}
