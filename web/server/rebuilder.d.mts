export interface BuildEntry {
  id: string;
  at: string;
  /**
   * The latest change the CMS had announced when this build started (the rebuild call's `at`, on the
   * CMS's clock): the build contains every publish up to then.
   */
  upTo?: string | null;
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
  /** A change arrived; its build starts after the debounce. */
  scheduled: boolean;
  followUpQueued: boolean;
  /** The live build's search index is being written; search serves the previous one meanwhile. */
  indexing: boolean;
  buildsStarted: number;
  lastChange: Record<string, unknown> | null;
  /** The latest change time the CMS has announced (the rebuild calls' `at`). */
  receivedUpTo: string | null;
  /** `upTo` of the build in progress, or null. */
  buildingUpTo: string | null;
  lastSuccess: (BuildEntry & { triggers: unknown[] }) | null;
  /** `upTo` is absent when the pages went live and only their search index failed. */
  lastFailure: { at: string; upTo?: string | null; reason: string; triggers: unknown[] } | null;
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
