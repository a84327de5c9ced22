#!/usr/bin/env node
// Serves the previous successful build again:  pnpm --filter @asb/web rollback
// Asks the running site server (WEB_PORT, signed with REBUILD_WEBHOOK_SECRET), which switches at once.
// With no server running, points builds/current at the previous build; the next start serves it.
import { randomUUID } from 'node:crypto';

import path from 'node:path';
import { signedHeaders } from '@asb/shared';

const webDir = path.resolve(import.meta.dirname, '..');
const buildsDir = path.resolve(webDir, process.env.SITE_BUILDS_DIR ?? '.cache/builds');
const url = `http://127.0.0.1:${process.env.WEB_PORT ?? 4321}/_site/rollback`;
const secret = process.env.REBUILD_WEBHOOK_SECRET ?? '';

const body = JSON.stringify({ id: randomUUID(), event: 'rollback' });
let answer: Response | null;
try {
  answer = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...signedHeaders(secret, body) },
    body,
    signal: AbortSignal.timeout(60_000),
  });
} catch {
  answer = null;
}
if (answer) {
  const result = (await answer.json().catch(() => ({}))) as { error?: string; live?: string };
  if (!answer.ok) {
    console.error(`rollback refused: ${result.error ?? `HTTP ${answer.status}`}`);
    process.exit(1);
  }
  console.log(`the site now serves build ${result.live}`);
} else {
  const { Rebuilder } = await import('./rebuilder.ts');
  const rebuilder = new Rebuilder({ buildsDir, cmsUrl: '', activate: async () => {} });
  try {
    console.log(`no site server at ${url}; builds/current now points at ${await rebuilder.rollback()}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
