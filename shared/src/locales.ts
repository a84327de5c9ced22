/** The languages the platform publishes in. Georgian is the default: it is the organisation's working language. */
export const LOCALES = ['ka', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ka';

/** Names as the CMS registers them (Strapi's locale list) and as a language switcher shows them. */
export const LOCALE_NAMES: Record<Locale, { english: string; native: string }> = {
  ka: { english: 'Georgian (ka)', native: 'ქართული' },
  en: { english: 'English (en)', native: 'English' },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The other locales of a document, e.g. to mirror a change made in one of them. */
export function otherLocales(locale: Locale): Locale[] {
  return LOCALES.filter((l) => l !== locale);
}
