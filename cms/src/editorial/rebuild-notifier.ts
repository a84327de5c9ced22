import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CONTENT_IMPORTED_EVENT } from '../content-import/bulk-events';
import { signedHeaders } from '@asb/shared';

/** Events after which the public site may differ. Drafts being saved change nothing public. */
export const REBUILD_EVENTS = new Set([
  'entry.publish',
  'entry.unpublish',
  'entry.delete',
  'media.create',
  'media.update',
  'media.delete',
  CONTENT_IMPORTED_EVENT,
]);

export interface RebuildNotice {
  id: string;
  event: string;
  uid: string | null;
  documentId: string | null;
  locale: string | null;
  at: string;
}

interface EventPayload {
  uid?: string;
  entry?: { documentId?: string; locale?: string | null; publishedAt?: string | null };
}

const RETRY_DELAYS_MS = [500, 2000, 8000];

/**
 * Tells the site to rebuild after a publish, unpublish, delete or media change.
 *
 * Strapi's built-in webhooks cannot sign their bodies (only fixed headers), so a leaked URL would
 * let anyone trigger builds. Instead this subscribes to Strapi's event hub, the same source the
 * webhook runner reads, and POSTs its own HMAC-signed, timestamped calls (X-Asb-Timestamp,
 * X-Asb-Signature over "<timestamp>.<body>"). Each call carries a unique id so the site refuses replays.
 *
 * Delivery never blocks the editor's request: the event hub awaits subscribers, so calls are sent
 * in the background, retried a few times when the site is briefly unreachable (it may be
 * restarting). At most one call is in flight; events arriving meanwhile are folded into one
 * follow-up call carrying the latest of them. A call only says "rebuild": the site fetches what
 * changed itself, so nothing is lost when a burst of publishes is folded into one call.
 */
export function subscribeRebuildNotifier(
  strapi: Core.Strapi,
  { url, secret }: { url: string; secret: string },
): () => void {
  const send = async (notice: RebuildNotice) => {
    const body = JSON.stringify(notice);
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...signedHeaders(secret, body) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        // A refusal (4xx) will not get better by retrying: the secret or clock is wrong.
        if (res.ok || (res.status >= 400 && res.status < 500)) {
          if (!res.ok) strapi.log.error(`[asb] the site refused the rebuild call (${res.status}): ${await res.text()}`);
          return;
        }
        throw new Error(`HTTP ${res.status}`);
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          strapi.log.error(`[asb] could not reach the site's rebuild endpoint ${url}: ${(error as Error).message}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };

  let inFlight = false;
  let queued: RebuildNotice | null = null;
  const flush = async () => {
    if (inFlight || !queued) return;
    inFlight = true;
    const notice = queued;
    queued = null;
    try {
      await send(notice);
    } finally {
      inFlight = false;
      void flush();
    }
  };

  return strapi.eventHub.subscribe(async (event: string, payload: EventPayload = {}) => {
    if (!REBUILD_EVENTS.has(event)) return;
    const uid = payload.uid ?? null;
    if (uid && !uid.startsWith('api::') && !event.startsWith('media.')) return;
    // Deleting a draft that was never published changes nothing public.
    if (event === 'entry.delete' && !payload.entry?.publishedAt) return;
    const notice: RebuildNotice = {
      id: randomUUID(),
      event,
      uid,
      documentId: payload.entry?.documentId ?? null,
      locale: payload.entry?.locale ?? null,
      at: new Date().toISOString(),
    };
    queued = notice;
    void flush();
  });
}
