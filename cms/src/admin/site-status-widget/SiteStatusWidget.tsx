import { useEffect, useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';

/** The site's build state as web/server/rebuilder.mjs `status()` reports it (the fields shown here). */
interface SiteState {
  live: string | null;
  building: boolean;
  followUpQueued?: boolean;
  /** The new pages are live; their search index follows a few seconds later. */
  indexing?: boolean;
  lastSuccess: { id: string; at: string } | null;
  lastFailure: { at: string; reason: string } | null;
}

type Result = { state: SiteState } | { error: string };

const formatTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
};

/** The error text the route answers with (502 `{ error }`), or the request's own failure. */
const errorText = (error: unknown) => {
  const e = error as { response?: { data?: { error?: unknown } }; message?: string };
  const body = e?.response?.data?.error;
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object' && 'message' in body) return String((body as { message: unknown }).message);
  return e?.message ?? String(error);
};

export const SiteStatusWidget = () => {
  const { get } = useFetchClient();
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    let active = true;
    const load = () =>
      get<{ data: SiteState }>('/editorial/site-status').then(
        (res) => active && setResult({ state: res.data.data }),
        (error) => active && setResult({ error: errorText(error) }),
      );
    load();
    // A build takes a minute or so: keep the widget current while the home page is open.
    const timer = setInterval(load, 15_000);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [get]);

  if (!result) return <Widget.Loading />;
  if ('error' in result) {
    return (
      <Flex direction="column" alignItems="flex-start" gap={2} data-testid="asb-site-status">
        <Typography variant="omega" fontWeight="bold" textColor="danger600">
          The site’s build state is unavailable
        </Typography>
        <Typography variant="pi" textColor="neutral600" data-testid="asb-site-status-error">
          {result.error}
        </Typography>
      </Flex>
    );
  }

  const { state } = result;
  const liveId = state.live ?? state.lastSuccess?.id ?? null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} data-testid="asb-site-status">
      {liveId ? (
        <Typography variant="omega" data-testid="asb-site-status-live">
          {state.lastSuccess?.at ? `Live since ${formatTime(state.lastSuccess.at)} ` : 'Live '}
          (build {liveId})
        </Typography>
      ) : (
        <Typography variant="omega">No build is live yet</Typography>
      )}
      {state.building ? (
        <Typography variant="omega" fontWeight="bold" textColor="primary600" data-testid="asb-site-status-building">
          {state.indexing ? 'Updating the search index (the new pages are live)…' : 'Building…'}
          {state.followUpQueued ? ' (another build is queued)' : ''}
        </Typography>
      ) : null}
      {state.lastFailure ? (
        <Typography variant="pi" textColor="danger600" data-testid="asb-site-status-failure">
          Last failure: {formatTime(state.lastFailure.at)} — {state.lastFailure.reason}
        </Typography>
      ) : null}
    </Flex>
  );
};
