import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';

/** The site's build state as its GET /_site/status reports it (@asb/shared `SiteStatus`; the fields shown here). */
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

/** The widget's interface text: English here, Georgian in ../translations/ka.json (same ids). */
const MESSAGES = {
  unavailable: { id: 'asb.widget.site-status.unavailable', defaultMessage: 'The site’s build state is unavailable' },
  liveSince: { id: 'asb.widget.site-status.live-since', defaultMessage: 'Live since {time} (build {build})' },
  live: { id: 'asb.widget.site-status.live', defaultMessage: 'Live (build {build})' },
  noBuild: { id: 'asb.widget.site-status.no-build', defaultMessage: 'No build is live yet' },
  indexing: {
    id: 'asb.widget.site-status.indexing',
    defaultMessage: 'Updating the search index (the new pages are live)…',
  },
  building: { id: 'asb.widget.site-status.building', defaultMessage: 'Building…' },
  queued: { id: 'asb.widget.site-status.queued', defaultMessage: ' (another build is queued)' },
  lastFailure: { id: 'asb.widget.site-status.last-failure', defaultMessage: 'Last failure: {time} — {reason}' },
} as const;

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
  const { formatMessage, formatDate } = useIntl();
  // Dates in the interface language (Georgian month names in the Georgian admin).
  const formatTime = (iso: string) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return <time dateTime={iso}>{formatDate(date, { dateStyle: 'medium', timeStyle: 'short' })}</time>;
  };
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
          {formatMessage(MESSAGES.unavailable)}
        </Typography>
        <Typography variant="pi" textColor="neutral600" data-testid="asb-site-status-error" translate="no">
          {result.error}
        </Typography>
      </Flex>
    );
  }

  const { state } = result;
  const liveId = state.live ?? state.lastSuccess?.id ?? null;
  const build = <span translate="no">{liveId}</span>;
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} data-testid="asb-site-status">
      {liveId ? (
        <Typography variant="omega" data-testid="asb-site-status-live">
          {state.lastSuccess?.at
            ? formatMessage(MESSAGES.liveSince, { time: formatTime(state.lastSuccess.at), build })
            : formatMessage(MESSAGES.live, { build })}
        </Typography>
      ) : (
        <Typography variant="omega">{formatMessage(MESSAGES.noBuild)}</Typography>
      )}
      {state.building ? (
        <Typography variant="omega" fontWeight="bold" textColor="primary600" data-testid="asb-site-status-building">
          {formatMessage(state.indexing ? MESSAGES.indexing : MESSAGES.building)}
          {state.followUpQueued ? formatMessage(MESSAGES.queued) : ''}
        </Typography>
      ) : null}
      {state.lastFailure ? (
        <Typography variant="pi" textColor="danger600" data-testid="asb-site-status-failure">
          {formatMessage(MESSAGES.lastFailure, {
            time: formatTime(state.lastFailure.at),
            reason: <span translate="no">{state.lastFailure.reason}</span>,
          })}
        </Typography>
      ) : null}
    </Flex>
  );
};
