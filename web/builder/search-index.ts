// Where a rebuilder build's search index lives, and how it is swapped in. The index is written to
// <build>/search and served through the symlink <build>/client/pagefind, so that a build can go live
// serving the previous build's index and take its own a few seconds later: Pagefind indexes every
// page of the site on every build (17,756 pages took 8–12 s at 5,000 projects), while a publish
// re-renders only the pages it changed. Search results lagging a publish by one indexing run are
// better than the changed page lagging it.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { indexSite } from './build-site.ts';

const LINK = 'pagefind';

/** The folder of the index a build serves (its own or one it borrowed), or null when it serves none. */
export function searchIndexOf(buildDir: string): string | null {
  try {
    return fs.realpathSync(path.join(buildDir, 'client', LINK));
  } catch {
    return null;
  }
}

/** Points <build>/client/pagefind at an index folder: a new relative symlink renamed over the old one. */
function serve(buildDir: string, indexDir: string): void {
  const client = path.join(buildDir, 'client');
  const temp = path.join(client, `.${LINK}-next`);
  fs.rmSync(temp, { force: true });
  // Relative, so the link survives the rename of the staging folder to builds/<id>.
  fs.symlinkSync(path.relative(client, indexDir), temp);
  fs.renameSync(temp, path.join(client, LINK));
}

/** Serves another build's index from this one until this one has its own. */
export function borrowSearchIndex(buildDir: string, indexDir: string): void {
  serve(buildDir, indexDir);
}

/** Indexes the build's pages into <build>/search and serves that. Returns the number of pages indexed. */
export async function ownSearchIndex(buildDir: string): Promise<number> {
  const target = path.join(buildDir, 'search');
  const temp = path.join(buildDir, '.search-next');
  fs.rmSync(temp, { recursive: true, force: true });
  const pages = await indexSite(path.join(buildDir, 'client'), temp);
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(temp, target);
  serve(buildDir, target);
  return pages;
}

/** The pages a Pagefind index holds (URL and indexed text), read from its fragments: gzip, a signature, JSON. */
export function indexedPages(indexDir: string): { url: string; content: string }[] {
  const dir = path.join(indexDir, 'fragment');
  return fs.readdirSync(dir).map((file) => {
    const text = gunzipSync(fs.readFileSync(path.join(dir, file))).toString('utf8');
    const { url, content } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
    return { url, content };
  });
}
