import type { BuildEntry, BuildFailure, SiteStatus } from '@asb/shared';

/**
 * Whether one entry's latest publish is on the public site, from the site's build status.
 *
 * The site server stamps every build with `upTo`: the time (on the CMS's clock, from the `at` of the
 * rebuild calls this CMS sends, src/editorial/rebuild-notifier.ts) of the latest change it had been
 * told of when the build started. A build fetches the CMS's content after it starts, so it contains
 * every publish up to `upTo`. An entry's publish is in a build when its `publishedAt` is at or before
 * the build's `upTo`: the call announcing it is sent after the publish is saved, so its `at` is later.
 */

/**
 * The fields of the site's GET /_site/status used here (@asb/shared `SiteStatus`). The newer fields
 * are optional: a site server from before them answers without them.
 */
export type SiteBuildStatus = Pick<SiteStatus, 'live' | 'building' | 'followUpQueued'> &
  Partial<Pick<SiteStatus, 'scheduled' | 'receivedUpTo' | 'buildingUpTo'>> & {
    builds: Pick<BuildEntry, 'id' | 'at' | 'upTo'>[];
    lastSuccess: Pick<BuildEntry, 'id' | 'at' | 'upTo'> | null;
    lastFailure: Pick<BuildFailure, 'at' | 'reason' | 'upTo'> | null;
  };

export type EntrySiteState =
  /** The live build contains the entry's latest publish; `since` is when the first build with it went live. */
  | { state: 'live'; since: string; build: string }
  /** A build with it is running or about to start, or the rebuild call is on its way. */
  | { state: 'publishing' }
  /** The build that would have shown it failed, or the site was never told: not visible yet. */
  | { state: 'failed'; at: string }
  /** The entry has no published version in this locale. */
  | { state: 'not-published' };

/** How long a publish may go unannounced before the panel says it did not reach the site (the notifier retries for about 10 s). */
export const NOTICE_GRACE_MS = 60_000;

export function entrySiteState(site: SiteBuildStatus, publishedAt: string | null, now = Date.now()): EntrySiteState {
  if (!publishedAt) return { state: 'not-published' };
  const published = Date.parse(publishedAt);
  const includes = (upTo: string | null | undefined) => !!upTo && Date.parse(upTo) >= published;

  const builds = site.builds ?? [];
  const liveBuild = builds.find((b) => b.id === site.live);
  if (site.live && includes(liveBuild?.upTo ?? (site.lastSuccess?.id === site.live ? site.lastSuccess.upTo : null))) {
    // The first build with it that is still listed went live first (builds are listed oldest first).
    const first = builds.find((b) => includes(b.upTo)) ?? liveBuild;
    return { state: 'live', since: first?.at ?? site.lastSuccess!.at, build: site.live };
  }
  const told = includes(site.receivedUpTo);
  // Told, and a build is running, queued or about to start: one that starts after the call contains it.
  if (told && (site.building || site.followUpQueued || site.scheduled)) return { state: 'publishing' };
  if (site.lastFailure && includes(site.lastFailure.upTo)) return { state: 'failed', at: site.lastFailure.at };
  if (!told) {
    if (now - published < NOTICE_GRACE_MS) return { state: 'publishing' };
    return { state: 'failed', at: new Date(published + NOTICE_GRACE_MS).toISOString() };
  }
  // Told and nothing pending, yet the live build is older: an earlier build was put back (rollback).
  return { state: 'failed', at: site.lastSuccess?.at ?? publishedAt };
}
