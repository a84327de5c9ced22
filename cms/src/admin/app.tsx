import type { StrapiApp } from '@strapi/strapi/admin';
import { SiteStatusPanel } from './site-status-panel/SiteStatusPanel';
import { SiteStatusIcon } from './site-status-widget/icon';
import { IntegerInput } from './fields/IntegerInput';
import { labelFilters } from './fields/filter-labels';
import { arrangeListColumns } from './fields/list-columns';
import { startLocaleSession } from './fields/locale-session';
import { OPTION_LABELS } from './fields/option-labels';
import en from './translations/en.json';
import { fieldMessages } from './translations/field-messages';
import ka from './translations/ka.json';

/**
 * Admin panel customisation:
 * - Georgian (`ka`) as an interface language besides English (each user picks it under Profile →
 *   Interface language). The messages live in ./translations/ka.json, keyed by the ids of the
 *   English messages of @strapi/admin and its plugins (plugin ids prefixed, e.g. `content-manager.…`);
 *   a missing key falls back to English. Strapi only offers languages it has a native name for:
 *   patches/@strapi__admin@5.54.0.patch adds 'ქართული'.
 * - a homepage widget with the public site's build state, read from the CMS's admin-only route
 *   GET /editorial/site-status (src/editorial/site-status.ts), with the technical detail of a failure;
 * - a "Public site" panel on every entry's edit view: live on the site, being published, or could not
 *   be updated, in plain language (GET /editorial/site-status/entry). Its texts are
 *   ./site-status-panel/messages.ts, ids `asb.site-status.*`, translatable through `config.translations`.
 * - enumeration options shown with labels instead of raw values (./fields/option-labels.ts);
 * - field labels and hints in the interface language (../editing/field-labels.ts, ./translations/field-messages.ts);
 * - ./translations/en.json: English messages reworded where Strapi's did not fit (a validation toast
 *   that said "before saving" after Publish).
 */
type PanelApis = { addEditViewSidePanel(reducer: (panels: unknown[]) => unknown[]): void };

export default {
  config: {
    locales: ['ka'],
    translations: {
      en: { ...en, ...OPTION_LABELS.en, ...fieldMessages('en') },
      ka: { ...ka, ...OPTION_LABELS.ka, ...fieldMessages('ka') },
    },
  },
  register(app: StrapiApp) {
    app.widgets.register({
      id: 'site-status',
      icon: SiteStatusIcon as never,
      title: { id: 'asb.widget.site-status.title', defaultMessage: 'Public site' },
      component: async () => (await import('./site-status-widget/SiteStatusWidget')).SiteStatusWidget,
    });
  },
  bootstrap(
    app: Pick<StrapiApp, 'getPlugin'> & {
      addFields(field: { type: string; Component: unknown }): void;
      registerHook(name: string, fn: (...args: never[]) => unknown): void;
    },
  ) {
    // After Strapi's own panels (the entry's actions, then preview), as the content-manager's API adds them.
    (app.getPlugin('content-manager').apis as unknown as PanelApis).addEditViewSidePanel((panels) => [
      ...panels,
      SiteStatusPanel,
    ]);
    // Years without thousands separators; other integers keep Strapi's input.
    app.addFields({ type: 'integer', Component: IntegerInput });
    // List views: locales present and missing, a short date, all columns inside 1280 px.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', arrangeListColumns);
    // List filters named by the fields' labels in the interface language, not by attribute names.
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', labelFilters);
    // Lists open in Georgian in every new tab, whatever locale was last opened elsewhere.
    startLocaleSession();
  },
};
