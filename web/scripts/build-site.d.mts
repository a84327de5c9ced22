export const webDir: string;
export function clientDir(outDir?: string): string;
/** A fresh folder under web/.tmp for a build (builds must live inside web/ to resolve packages). */
export function tempSiteDir(prefix?: string): string;
export function buildHeapMb(env?: Record<string, string | undefined>): number;
export function astroBuildArgs(options?: { env?: Record<string, string | undefined>; preload?: string[] }): string[];
export function astroBuild(options?: { env?: Record<string, string>; quiet?: boolean }): Promise<string>;
/** Pagefind over a built site's pages, written to `outputPath` (default `<siteDir>/pagefind`). */
export function indexSite(siteDir: string, outputPath?: string): Promise<number>;
/** `astro build` into `outDir` (default web/dist), then the search index. Rejects with the cause. */
export function buildSite(options?: {
  env?: Record<string, string>;
  quiet?: boolean;
  outDir?: string;
}): Promise<{ pages: number; ms: number }>;
