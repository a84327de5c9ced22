/**
 * What the entry's "Public site" panel says, in English. Each id can be translated through the admin's
 * translations (`config.translations.<locale>` in ../app.tsx, e.g. translations/ka.json): a missing
 * id falls back to the English here. Plain language for editors; the technical reason of a failed
 * build stays on the home page's "Public site" widget, for the site's maintainer.
 */
export const messages = {
  title: { id: 'asb.site-status.panel.title', defaultMessage: 'Public site' },
  live: { id: 'asb.site-status.live', defaultMessage: 'Live on the site' },
  liveSince: { id: 'asb.site-status.live.since', defaultMessage: 'Since {time}' },
  publishing: { id: 'asb.site-status.publishing', defaultMessage: 'Publishing to the site…' },
  publishingHint: {
    id: 'asb.site-status.publishing.hint',
    defaultMessage: 'This usually takes less than a minute.',
  },
  failed: { id: 'asb.site-status.failed', defaultMessage: 'The site could not be updated' },
  failedHint: {
    id: 'asb.site-status.failed.hint',
    defaultMessage:
      'Your change is saved but not visible on the site yet. Try publishing again in a few minutes. If it fails again, tell the site maintainer.',
  },
  notPublished: {
    id: 'asb.site-status.not-published',
    defaultMessage: 'Not on the site: this version is not published.',
  },
  unavailable: {
    id: 'asb.site-status.unavailable',
    defaultMessage: 'The site’s state cannot be checked right now. Your changes are saved.',
  },
  checking: { id: 'asb.site-status.checking', defaultMessage: 'Checking the site…' },
} as const;
