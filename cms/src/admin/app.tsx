import type { StrapiApp } from '@strapi/strapi/admin';
import { SiteStatusPanel } from './site-status-panel/SiteStatusPanel';
import { SiteStatusIcon } from './site-status-widget/icon';

/**
 * Admin panel customisation:
 * - a homepage widget with the public site's build state, read from the CMS's admin-only route
 *   GET /editorial/site-status (src/editorial/site-status.ts), with the technical detail of a failure;
 * - a "Public site" panel on every entry's edit view: live on the site, being published, or could not
 *   be updated, in plain language (GET /editorial/site-status/entry). Its texts are
 *   ./site-status-panel/messages.ts, ids `asb.site-status.*`, translatable through `config.translations`.
 */
type PanelApis = { addEditViewSidePanel(reducer: (panels: unknown[]) => unknown[]): void };

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
  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    // After Strapi's own panels (the entry's actions, then preview), as the content-manager's API adds them.
    (app.getPlugin('content-manager').apis as unknown as PanelApis).addEditViewSidePanel((panels) => [
      ...panels,
      SiteStatusPanel,
    ]);
  },
};
