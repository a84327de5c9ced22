// Runs one finished build's own server (the @astrojs/node adapter's: static pages plus on-demand
// routes). The site server (server/site-server.ts) starts one per live build and switches between
// them; the browser tests serve a test build with it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { webDir } from './build-site.ts';

export interface RunningSite {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function serveSite({
  port = Number(process.env.WEB_PORT ?? 4321),
  host = '127.0.0.1',
  env = {},
  outDir = path.join(webDir, 'dist'),
}: {
  port?: number;
  host?: string;
  env?: Record<string, string | undefined>;
  outDir?: string;
} = {}): Promise<RunningSite> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(outDir, 'server/entry.mjs')], {
      cwd: webDir,
      env: { ...process.env, HOST: host, PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const onData = (chunk: Buffer) => {
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

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
