import type { StrapiApp } from '@strapi/strapi/admin';
import { SiteStatusIcon } from './site-status-widget/icon';

/**
 * Admin panel customisation: a homepage widget with the public site's build state, read from the
 * CMS's admin-only route GET /editorial/site-status (src/editorial/site-status.ts).
 */
export default {
  config: { locales: [] },
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
