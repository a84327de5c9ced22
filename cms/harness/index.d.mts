export interface StartCmsOptions {
  /** Which throwaway database the CMS runs on. */
  database?: 'sqlite' | 'postgres';
  /** A folder of content files to import instead of cms/content. */
  contentDir?: string;
  /** A module whose default export receives the loaded Strapi before it listens. */
  setup?: string;
  /** Serve the built admin panel at /admin (needs `pnpm --filter @asb/cms build` first). */
  serveAdminPanel?: boolean;
  /** Extra environment for the CMS process. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface RunningCms {
  url: string;
  /** Everything the CMS process printed so far. */
  log(): string;
  /** What it printed on stderr: console.warn / console.error and Node's own warnings. */
  stderr(): string;
  /** Stops the CMS and drops its database. */
  stop(): Promise<void>;
}

export function startCms(options?: StartCmsOptions): Promise<RunningCms>;
