export interface BuildEntry {
  id: string;
  at: string;
  pages: number;
  ms: number;
  /** Milliseconds per step: astro, search, verify, switch. */
  phases?: Record<string, number>;
}
export interface SiteStatus {
  live: string | null;
  building: boolean;
  followUpQueued: boolean;
  buildsStarted: number;
  lastChange: Record<string, unknown> | null;
  lastSuccess: (BuildEntry & { triggers: unknown[] }) | null;
  lastFailure: { at: string; reason: string; triggers: unknown[] } | null;
  builds: BuildEntry[];
}
export class Rebuilder {
  buildsDir: string;
  cacheDir: string;
  state: { buildsStarted: number; lastFailure: { reason: string } | null; history: BuildEntry[] };
  live(): string | null;
  status(): SiteStatus;
  request(trigger?: Record<string, unknown>): 'queued' | 'scheduled';
  idle(): Promise<void>;
  buildNow(trigger?: Record<string, unknown>): Promise<string | null>;
  rollback(): Promise<string>;
}
