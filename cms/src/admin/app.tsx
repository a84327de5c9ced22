import type { StrapiApp } from '@strapi/strapi/admin';
import { SiteStatusIcon } from './site-status-widget/icon';
import { IntegerInput } from './fields/IntegerInput';
import { arrangeListColumns } from './fields/list-columns';
import { startLocaleSession } from './fields/locale-session';
import { OPTION_LABELS } from './fields/option-labels';

/**
 * Admin panel customisation: a homepage widget with the public site's build state, read from the
 * CMS's admin-only route GET /editorial/site-status (src/editorial/site-status.ts).
 */
export default {
  // Enumeration options show these labels instead of their raw values (see fields/option-labels.ts).
  config: { locales: [], translations: { en: OPTION_LABELS.en, ka: OPTION_LABELS.ka } },
  register(app: StrapiApp) {
    app.widgets.register({
      id: 'site-status',
      icon: SiteStatusIcon as never,
      title: { id: 'asb.widget.site-status.title', defaultMessage: 'Public site' },
      component: async () => (await import('./site-status-widget/SiteStatusWidget')).SiteStatusWidget,
    });
  },
  bootstrap(app: {
    addFields(field: { type: string; Component: unknown }): void;
    registerHook(name: string, fn: (...args: never[]) => unknown): void;
  }) {
    // Years without thousands separators; other integers keep Strapi's input.
    app.addFields({ type: 'integer', Component: IntegerInput });
    // List views: locales present and missing, a short date, all columns inside 1280 px.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', arrangeListColumns);
    // Lists open in Georgian in every new tab, whatever locale was last opened elsewhere.
    startLocaleSession();
  },
};
