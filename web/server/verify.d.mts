/** Every .html file under a folder, as paths. */
export function htmlFiles(dir: string): string[];
/**
 * Checks a finished build: every reported document has its page in both locales, the fixed pages,
 * sitemap, robots.txt and search index exist, internal links resolve, and the build has not lost
 * most of the live site's pages. Returns the page count, or throws naming every problem found.
 */
export function verifyBuild(options: {
  outDir: string;
  report: string;
  livePages?: number;
  /** Links of page files already read, by inode, size and mtime; kept by the caller between builds. */
  linkCache?: Map<string, string[]>;
}): number;
