export interface BuildEntry {
  id: string;
  at: string;
  pages: number;
  /** From the start of the build to its pages being served. */
  ms: number;
  /** From the start of the build to its own search index being served (set once indexed). */
  searchMs?: number;
  /** Milliseconds per step: astro, verify, switch, search (before verify on a first build, after the switch otherwise). */
  phases?: Record<string, number>;
}
export interface SiteStatus {
  live: string | null;
  building: boolean;
  followUpQueued: boolean;
  /** The live build's search index is being written; search serves the previous one meanwhile. */
  indexing: boolean;
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
