import type { StrapiApp } from '@strapi/strapi/admin';
import { SiteStatusIcon } from './site-status-widget/icon';
import ka from './translations/ka.json';

/**
 * Admin panel customisation:
 * - Georgian (`ka`) as an interface language besides English (each user picks it under Profile →
 *   Interface language). The messages live in ./translations/ka.json, keyed by the ids of the
 *   English messages of @strapi/admin and its plugins (plugin ids prefixed, e.g. `content-manager.…`);
 *   a missing key falls back to English. Strapi only offers languages it has a native name for:
 *   patches/@strapi__admin@5.54.0.patch adds 'ქართული'.
 * - a homepage widget with the public site's build state, read from the CMS's admin-only route
 *   GET /editorial/site-status (src/editorial/site-status.ts).
 */
export default {
  config: {
    locales: ['ka'],
    translations: { ka },
  },
  register(app: StrapiApp) {
    app.widgets.register({
      id: 'site-status',
      icon: SiteStatusIcon as never,
      title: { id: 'asb.widget.site-status.title', defaultMessage: 'Public site' },
      component: async () => (await import('./site-status-widget/SiteStatusWidget')).SiteStatusWidget,
    });
  },
  bootstrap() {},
};
