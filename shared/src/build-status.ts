/*
 * The site server's GET /_site/status: what its rebuilder reports (web/server/rebuilder.ts) and what
 * the CMS reads to tell editors whether a publish is live (cms/src/editorial/entry-site-state.ts).
 */

/** One successful build of the site. */
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

/** What a rebuild call or a start asked for (the call's fields; `event` names it). */
export interface BuildTrigger {
  event: string;
  uid?: string | null;
  documentId?: string | null;
  locale?: string | null;
  at?: string | null;
  from?: string | null;
}

export interface BuildFailure {
  at: string;
  /** Absent when the pages went live and only their search index failed. */
  upTo?: string | null;
  reason: string;
  triggers: BuildTrigger[];
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
  /** The last call or start, with `at` the time it arrived unless the call said when its change was. */
  lastChange: BuildTrigger | null;
  /** The latest change time the CMS has announced (the rebuild calls' `at`). */
  receivedUpTo: string | null;
  /** `upTo` of the build in progress, or null. */
  buildingUpTo: string | null;
  lastSuccess: (BuildEntry & { triggers: BuildTrigger[] }) | null;
  lastFailure: BuildFailure | null;
  builds: BuildEntry[];
}
