import type { Rebuilder } from './rebuilder.mjs';

export const SITE_SECRETS: string[];
export interface SiteServer {
  url: string;
  rebuilder: Rebuilder;
  liveBuild(): string | null;
  stop(): Promise<void>;
}
export function startSiteServer(options: {
  cmsUrl: string;
  port?: number;
  host?: string;
  buildsDir?: string;
  secret?: string;
  env?: Record<string, string>;
  keep?: number;
  debounceMs?: number;
  log?: (line: string) => void;
}): Promise<SiteServer>;
