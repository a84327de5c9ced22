import type { ChildProcess } from 'node:child_process';

export interface RunningSite {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}
export function serveSite(options?: {
  port?: number;
  host?: string;
  env?: Record<string, string>;
  outDir?: string;
}): Promise<RunningSite>;
export function buildAndServe(options: { cmsUrl: string }): Promise<{
  url: string;
  server: import('../server/site-server.mjs').SiteServer;
  child: { kill(): void };
  stop(): Promise<void>;
}>;
