import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

/** The built site of the global set-up: files under client/, read as text. */
export const siteDir = () => path.join(inject('siteDir'), 'client');

export function htmlFiles(dir = siteDir()): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

export function page(urlPath: string): string {
  const file = path.join(siteDir(), decodeURIComponent(urlPath), urlPath.endsWith('/') ? 'index.html' : '');
  return fs.readFileSync(file, 'utf8');
}

export async function cmsGet<T = any>(apiPath: string): Promise<T> {
  const res = await fetch(`${inject('cmsUrl')}${apiPath}`);
  if (!res.ok) throw new Error(`${apiPath}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
