// Rebuilds the site after the CMS publishes, and switches what the server serves only when the new
// build is complete and checked. Layout of the builds folder (SITE_BUILDS_DIR):
//   .staging/                  the build in progress (renamed to <id> once checked)
//   <id>/client, <id>/server   one Astro build each; its pages are never modified after it went live
//   <id>/search                the build's Pagefind index, served as <id>/client/pagefind (a symlink)
//   current -> <id>            the live build (a symlink, replaced by an atomic rename)
//   .cache/                    Astro's cache: content store with the sync token, incremental pages
//   state.json                 history and status, for editors and for rollback
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BuildEntry, BuildFailure, BuildTrigger, SiteStatus } from '@asb/shared';
import { astroBuild } from '../builder/build-site.ts';
import { borrowSearchIndex, ownSearchIndex, searchIndexOf } from '../builder/search-index.ts';
import { verifyBuild } from '../builder/verify.ts';

function errorMessage(error: unknown): string {
  return String((error as Error | undefined)?.message ?? error);
}

const ID_PATTERN = /^\d{8}-\d{6}-\d{3}-[0-9a-f]{4}$/;

function newId(): string {
  const iso = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19);
  return `${iso}-${randomBytes(2).toString('hex')}`;
}

/** What the builds folder's state.json keeps: the history for rollback and the status for editors. */
interface State {
  history: BuildEntry[];
  lastSuccess: SiteStatus['lastSuccess'];
  lastFailure: BuildFailure | null;
  lastChange: SiteStatus['lastChange'];
  receivedUpTo: string | null;
  buildsStarted: number;
}

export interface RebuilderOptions {
  buildsDir: string;
  cmsUrl: string;
  /** Extra build environment (SITE_URL, ...). */
  env?: Record<string, string | undefined>;
  /** Successful builds kept for rollback. */
  keep?: number;
  /**
   * Wait after the first change before building, to catch the events of one action (publishing both
   * languages sends one per language, milliseconds apart); longer bursts fold into the follow-up build.
   */
  debounceMs?: number;
  /** Makes a build live (starts serving it). */
  activate: (id: string, dir: string) => Promise<void>;
  log?: (line: string) => void;
}

export class Rebuilder {
  readonly buildsDir: string;
  readonly cmsUrl: string;
  readonly env: Record<string, string | undefined>;
  readonly keep: number;
  readonly debounceMs: number;
  readonly activate: (id: string, dir: string) => Promise<void>;
  readonly log: (line: string) => void;
  state: State;
  #building = false;
  #pending = false;
  #pendingTriggers: BuildTrigger[] = [];
  #idle: (() => void)[] = [];
  #timer: NodeJS.Timeout | null = null;
  #scheduled: BuildTrigger[] = [];
  #indexing = false;
  /** `upTo` of the build in progress (see #buildOnce). */
  #buildingUpTo: string | null = null;
  /** The build check's memory of page files' links (see builder/verify.ts): most pages are the same files build after build. */
  #linkCache = new Map<string, string[]>();

  constructor({ buildsDir, cmsUrl, env = {}, keep = 5, debounceMs = 150, activate, log = () => {} }: RebuilderOptions) {
    this.buildsDir = path.resolve(buildsDir);
    this.cmsUrl = cmsUrl;
    this.env = env;
    this.keep = Math.max(2, keep);
    this.debounceMs = debounceMs;
    this.activate = activate;
    this.log = log;
    fs.mkdirSync(this.buildsDir, { recursive: true });
    this.state = this.#readState();
    this.state.buildsStarted = 0;
  }

  get cacheDir(): string {
    return path.join(this.buildsDir, '.cache');
  }

  #readState(): State {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.buildsDir, 'state.json'), 'utf8')) as State;
    } catch {
      return {
        history: [],
        lastSuccess: null,
        lastFailure: null,
        lastChange: null,
        receivedUpTo: null,
        buildsStarted: 0,
      };
    }
  }

  #saveState(): void {
    const file = path.join(this.buildsDir, 'state.json');
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(this.state, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  }

  /** The live build's id (what `current` points at), or null before the first build. */
  live(): string | null {
    try {
      const target = fs.readlinkSync(path.join(this.buildsDir, 'current'));
      return ID_PATTERN.test(target) && fs.existsSync(path.join(this.buildsDir, target)) ? target : null;
    } catch {
      return null;
    }
  }

  status(): SiteStatus {
    return {
      live: this.live(),
      building: this.#building,
      // A change arrived and its build starts after the debounce.
      scheduled: this.#timer !== null,
      followUpQueued: this.#pending,
      indexing: this.#indexing,
      buildsStarted: this.state.buildsStarted,
      lastChange: this.state.lastChange,
      receivedUpTo: this.state.receivedUpTo ?? null,
      buildingUpTo: this.#buildingUpTo,
      lastSuccess: this.state.lastSuccess,
      lastFailure: this.state.lastFailure,
      builds: this.state.history.map(({ id, at, upTo, pages, ms, searchMs, phases }) => ({
        id,
        at,
        upTo,
        pages,
        ms,
        searchMs,
        phases,
      })),
    };
  }

  /**
   * A change in the CMS. One build runs at a time; changes that arrive while it runs are folded into
   * exactly one follow-up build, which fetches whatever the CMS has by then.
   */
  request(trigger: BuildTrigger = { event: 'manual' }): 'queued' | 'scheduled' {
    this.state.lastChange = { at: new Date().toISOString(), ...trigger };
    // The latest change time the CMS told us of (its clock, see upTo in #buildOnce).
    const at = typeof trigger.at === 'string' && !Number.isNaN(Date.parse(trigger.at)) ? trigger.at : null;
    if (at && (!this.state.receivedUpTo || Date.parse(at) > Date.parse(this.state.receivedUpTo)))
      this.state.receivedUpTo = new Date(Date.parse(at)).toISOString();
    if (this.#building) {
      this.#pending = true;
      this.#pendingTriggers.push(trigger);
      return 'queued';
    }
    this.#scheduled.push(trigger);
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      void this.#loop(this.#scheduled.splice(0));
    }, this.debounceMs);
    return 'scheduled';
  }

  /** Resolves when no build is running or queued. */
  idle(): Promise<void> {
    if (!this.#building && !this.#timer) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Builds now and waits (the first build of an empty builds folder). */
  async buildNow(trigger: BuildTrigger = { event: 'start' }): Promise<string | null> {
    await this.#loop([trigger]);
    return this.live();
  }

  async #loop(triggers: BuildTrigger[]): Promise<void> {
    if (this.#building) {
      this.#pending = true;
      return this.idle();
    }
    this.#building = true;
    try {
      let current = triggers;
      do {
        this.#pending = false;
        this.#pendingTriggers = [];
        await this.#buildOnce(current);
        current = this.#pendingTriggers;
      } while (this.#pending);
    } finally {
      this.#building = false;
      for (const resolve of this.#idle.splice(0)) resolve();
    }
  }

  async #buildOnce(triggers: BuildTrigger[]): Promise<void> {
    const id = newId();
    // Astro builds into the same staging folder every time: its incremental cache keys every page by the
    // hash of the page's compiled modules, which embed the output folder, so a new folder per build would
    // re-render everything. A checked build is then renamed to builds/<id> (cheap, on the same disk).
    const outDir = path.join(this.buildsDir, '.staging');
    const finalDir = path.join(this.buildsDir, id);
    fs.rmSync(outDir, { recursive: true, force: true });
    const report = path.join(this.buildsDir, '.reports', id);
    const started = Date.now();
    // Every change the CMS announced before this build started is in it: the build fetches the CMS's
    // content after this point. `upTo` is the latest such change's time, on the CMS's clock (the
    // notice's `at`), so the CMS can tell whether an entry published at a given time is in a build
    // by comparing its own timestamps (src/editorial/entry-site-state.ts in the CMS). Before the CMS has
    // sent any call (a new site's first build) there is no CMS time: the site's own clock stands in.
    const upTo = this.state.receivedUpTo ?? new Date(started).toISOString();
    this.#buildingUpTo = upTo;
    this.state.buildsStarted++;
    this.log(`building ${id} (${triggers.map((t) => t.event).join(', ') || 'changes'})`);
    try {
      const phases: Record<string, number> = {};
      const phase = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
        const at = Date.now();
        const result = await work();
        phases[name] = Date.now() - at;
        return result;
      };
      await phase('astro', () =>
        astroBuild({
          quiet: true,
          env: {
            ...this.env,
            CMS_URL: this.cmsUrl,
            SITE_OUT_DIR: outDir,
            SITE_CACHE_DIR: this.cacheDir,
            SITE_INCREMENTAL: '1',
            SITE_BUILD_REPORT: report,
          },
        }),
      );
      // The live build's index is served until this build has its own (see builder/search-index.ts). The first
      // build has none to borrow, and a build that cannot borrow indexes before it goes live.
      const liveId = this.live();
      const borrowed = liveId ? searchIndexOf(path.join(this.buildsDir, liveId)) : null;
      if (borrowed) borrowSearchIndex(outDir, borrowed);
      else await phase('search', () => ownSearchIndex(outDir));
      const livePages = liveId ? this.state.history.find((b) => b.id === liveId)?.pages : undefined;
      const pages = await phase('verify', async () =>
        verifyBuild({ outDir, report, livePages, linkCache: this.#linkCache }),
      );
      fs.renameSync(outDir, finalDir);
      await phase('switch', () => this.activate(id, finalDir));
      this.#point(id);
      const entry: BuildEntry = { id, at: new Date().toISOString(), upTo, pages, ms: Date.now() - started, phases };
      this.state.history.push(entry);
      this.state.lastSuccess = { ...entry, triggers };
      this.log(`live: ${id}, ${pages} pages in ${(entry.ms / 1000).toFixed(1)} s ${JSON.stringify(phases)}`);
      this.#saveState();
      if (borrowed) await this.#indexLive(entry, finalDir, triggers);
      this.#prune();
    } catch (error) {
      const reason = errorMessage(error).slice(0, 2000);
      this.state.lastFailure = { at: new Date().toISOString(), upTo, reason, triggers };
      this.log(`build ${id} failed; the live site is unchanged:\n${reason}`);
      fs.rmSync(outDir, { recursive: true, force: true });
      if (this.live() !== id) fs.rmSync(finalDir, { recursive: true, force: true });
      // A failed build may have left cache files that no manifest describes: the next build starts clean.
      fs.rmSync(this.cacheDir, { recursive: true, force: true });
    } finally {
      this.#buildingUpTo = null;
      fs.rmSync(report, { recursive: true, force: true });
      this.#saveState();
    }
  }

  /**
   * Gives a build that went live with a borrowed index its own. A failure leaves the pages live and
   * search on the earlier index, and is reported; the next build indexes again.
   */
  async #indexLive(entry: BuildEntry, buildDir: string, triggers: BuildTrigger[]): Promise<void> {
    this.#indexing = true;
    const at = Date.now();
    try {
      await ownSearchIndex(buildDir);
      (entry.phases ??= {}).search = Date.now() - at;
      // From the start of the build to the new index being served.
      entry.searchMs = Date.now() - at + entry.ms;
      if (this.state.lastSuccess?.id === entry.id) this.state.lastSuccess = { ...entry, triggers };
      this.log(`search index of ${entry.id} live in ${((Date.now() - at) / 1000).toFixed(1)} s`);
    } catch (error) {
      const reason = `Build ${entry.id} is live, but its search index failed, so search still shows an earlier build; the next publish (or a rebuild call) indexes again: ${errorMessage(error).slice(0, 2000)}`;
      this.state.lastFailure = { at: new Date().toISOString(), reason, triggers };
      this.log(reason);
    } finally {
      this.#indexing = false;
    }
  }

  /** Points `current` at a build: a new symlink renamed over the old one, so readers never see neither. */
  #point(id: string): void {
    const link = path.join(this.buildsDir, 'current');
    const temp = path.join(this.buildsDir, `.current-${id}`);
    fs.rmSync(temp, { force: true });
    fs.symlinkSync(id, temp);
    fs.renameSync(temp, link);
  }

  #prune(): void {
    const live = this.live();
    const kept = this.state.history.slice(-this.keep);
    const keepIds = new Set<string | null>([...kept.map((b) => b.id), live]);
    // A kept build may still serve an older build's search index.
    for (const id of [...keepIds]) {
      const index = id && searchIndexOf(path.join(this.buildsDir, id));
      const owner = index ? path.relative(this.buildsDir, index).split(path.sep)[0] : undefined;
      if (owner && ID_PATTERN.test(owner)) keepIds.add(owner);
    }
    for (const name of fs.readdirSync(this.buildsDir)) {
      if (ID_PATTERN.test(name) && !keepIds.has(name))
        fs.rmSync(path.join(this.buildsDir, name), { recursive: true, force: true });
    }
    this.state.history = this.state.history.filter((b) => keepIds.has(b.id));
  }

  /** Serves the successful build before the live one again. Returns its id. */
  async rollback(): Promise<string> {
    if (this.#building) throw new Error('A build is running; roll back when it has finished');
    const live = this.live();
    const index = this.state.history.findIndex((b) => b.id === live);
    const previous = index > 0 ? this.state.history[index - 1] : undefined;
    if (!previous || !fs.existsSync(path.join(this.buildsDir, previous.id)))
      throw new Error(`There is no earlier build to roll back to (live: ${live ?? 'none'})`);
    await this.activate(previous.id, path.join(this.buildsDir, previous.id));
    this.#point(previous.id);
    // The abandoned build leaves the history, so a second rollback goes further back rather than forward again.
    this.state.history = this.state.history.filter((b) => b.id !== live);
    this.state.lastSuccess = {
      ...previous,
      at: new Date().toISOString(),
      triggers: [{ event: 'rollback', from: live }],
    };
    this.#saveState();
    this.log(`rolled back from ${live} to ${previous.id}`);
    return previous.id;
  }
}
