import { useEffect, useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { messages } from './messages';

/**
 * The edit view's "Public site" panel: whether this entry's latest publish is live on the site,
 * being built, or did not make it, in plain language (src/editorial/entry-site-state.ts decides,
 * behind GET /editorial/site-status/entry). The build log stays on the home page widget.
 */

/** The props the content-manager gives an edit-view side panel (its `PanelComponentProps`), the fields used here. */
interface PanelProps {
  activeTab: 'draft' | 'published' | null;
  collectionType: string;
  model: string;
  documentId?: string;
  document?: { documentId?: string; locale?: string | null; publishedAt?: string | null };
  meta?: { availableStatus?: { publishedAt?: string | null }[] };
}

/** GET /editorial/site-status/entry's answer (entry-site-state.ts `EntrySiteState`). */
type EntryState = { publishedAt: string | null } & (
  | { state: 'live'; since: string; build: string }
  | { state: 'publishing' }
  | { state: 'failed'; at: string }
  | { state: 'not-published' }
);

type Result = { entry: EntryState } | { unavailable: true };

/** How often to ask again: often while a build runs, now and then otherwise (a colleague may publish). */
const POLL_BUILDING_MS = 2_000;
const POLL_IDLE_MS = 15_000;

const PanelContent = ({
  model,
  documentId,
  locale,
  version,
}: {
  model: string;
  documentId: string;
  locale?: string;
  version: string;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A new publish: what was shown is about the previous one.
    setResult(null);
    const query = new URLSearchParams({ uid: model, documentId, ...(locale ? { locale } : {}) });
    const load = async () => {
      let next: Result;
      try {
        const res = await get<{ data: EntryState }>(`/editorial/site-status/entry?${query}`);
        next = { entry: res.data.data };
      } catch {
        next = { unavailable: true };
      }
      if (!active) return;
      setResult(next);
      const building = 'entry' in next && next.entry.state === 'publishing';
      timer = setTimeout(() => void load(), building ? POLL_BUILDING_MS : POLL_IDLE_MS);
    };
    void load();
    return () => {
      active = false;
      clearTimeout(timer);
    };
    // `version` changes when the entry is published or unpublished: ask at once.
  }, [get, model, documentId, locale, version]);

  const time = (iso: string) => formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  if (!result)
    return (
      <Typography variant="pi" textColor="neutral600" data-testid="asb-entry-site-status" data-state="loading">
        {formatMessage(messages.checking)}
      </Typography>
    );
  if ('unavailable' in result)
    return (
      <Typography variant="pi" textColor="neutral600" data-testid="asb-entry-site-status" data-state="unavailable">
        {formatMessage(messages.unavailable)}
      </Typography>
    );
  const { entry } = result;
  return (
    <Flex
      direction="column"
      alignItems="flex-start"
      gap={1}
      data-testid="asb-entry-site-status"
      data-state={entry.state}
      data-published-at={entry.publishedAt ?? ''}
    >
      {entry.state === 'live' ? (
        <>
          <Typography variant="omega" fontWeight="bold" textColor="success600">
            {formatMessage(messages.live)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(messages.liveSince, { time: time(entry.since) })}
          </Typography>
        </>
      ) : entry.state === 'publishing' ? (
        <>
          <Typography variant="omega" fontWeight="bold" textColor="primary600">
            {formatMessage(messages.publishing)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(messages.publishingHint)}
          </Typography>
        </>
      ) : entry.state === 'failed' ? (
        <>
          <Typography variant="omega" fontWeight="bold" textColor="danger600">
            {formatMessage(messages.failed)}
          </Typography>
          <Typography variant="pi" textColor="neutral700">
            {formatMessage(messages.failedHint)}
          </Typography>
        </>
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(messages.notPublished)}
        </Typography>
      )}
    </Flex>
  );
};

/** A content-manager side panel: a description component (hooks allowed) returning title and content. */
export const SiteStatusPanel = ({ activeTab, model, documentId, document, meta }: PanelProps) => {
  const { formatMessage } = useIntl();
  // Only the site's own types with draft and publish (activeTab is null without it), and saved entries.
  // A single type's edit view has no documentId in its address; its document has one.
  const id = documentId ?? document?.documentId;
  if (!model.startsWith('api::') || activeTab === null || !id) return null;
  const version = JSON.stringify([document?.publishedAt, meta?.availableStatus?.map((s) => s.publishedAt)]);
  return {
    title: formatMessage(messages.title),
    content: <PanelContent model={model} documentId={id} locale={document?.locale ?? undefined} version={version} />,
  };
};
