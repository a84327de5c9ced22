import { getCollection, type CollectionEntry } from 'astro:content';
import {
  DEFAULT_LOCALE,
  DOCUMENT_TYPES,
  LOCALES,
  documentPath,
  SEGMENTS,
  type DocumentType,
  type Locale,
  type SiteSettingsQuery,
} from '@asb/shared';

// The document types, their URL segments and the URL builders are @asb/shared's (the CMS links to the same pages).
export { DOCUMENT_TYPES, type DocumentType };
export type Doc<T extends DocumentType> = CollectionEntry<T>['data'];

/**
 * One document as a page in one locale. A document without a translation in that locale is shown
 * in the language it has (`contentLocale`), with a notice: the site has one behaviour for missing
 * translations, and the language switcher never leads to a dead link.
 */
export interface Page<T extends DocumentType> {
  type: T;
  locale: Locale;
  doc: Doc<T>;
  contentLocale: Locale;
  translations: Locale[];
  path: string;
}

type Index = { [T in DocumentType]: Map<string, Partial<Record<Locale, Doc<T>>>> };

let indexPromise: Promise<Index> | undefined;

/** Every published document by type and documentId, in each locale it exists in. Built once per build. */
function loadIndex(): Promise<Index> {
  indexPromise ??= (async () => {
    const index = {} as Index;
    for (const type of DOCUMENT_TYPES) {
      const byId = new Map<string, Partial<Record<Locale, Doc<typeof type>>>>();
      for (const entry of await getCollection(type)) {
        const data = entry.data as Doc<typeof type>;
        const versions = byId.get(data.documentId) ?? {};
        versions[data.locale] = data;
        byId.set(data.documentId, versions);
      }
      (index as Record<DocumentType, unknown>)[type] = byId;
    }
    return index;
  })();
  return indexPromise;
}

function pageOf<T extends DocumentType>(type: T, versions: Partial<Record<Locale, Doc<T>>>, locale: Locale): Page<T> {
  const translations = LOCALES.filter((l) => versions[l]);
  const contentLocale = versions[locale] ? locale : versions[DEFAULT_LOCALE] ? DEFAULT_LOCALE : translations[0]!;
  const doc = versions[contentLocale]!;
  // The content schema requires a slug (content.config.ts).
  return { type, locale, doc, contentLocale, translations, path: documentPath(locale, type, doc.slug as string) };
}

const pageLists = new Map<string, Promise<Page<DocumentType>[]>>();

/** All pages of a type in a locale, in the CMS's order. Made once per build; callers must not change the list. */
export function pagesOf<T extends DocumentType>(type: T, locale: Locale): Promise<Page<T>[]> {
  const key = `${type}/${locale}`;
  let pages = pageLists.get(key);
  if (!pages) {
    pages = loadIndex().then((index) =>
      [...(index[type] as Index[T]).values()].map((versions) =>
        pageOf(type, versions as Partial<Record<Locale, Doc<T>>>, locale),
      ),
    );
    pageLists.set(key, pages);
  }
  return pages as Promise<Page<T>[]>;
}

/** The page of one document in a locale (for links between documents), or undefined if it is not published. */
export async function pageFor<T extends DocumentType>(type: T, documentId: string | undefined | null, locale: Locale) {
  if (!documentId) return undefined;
  const versions = (await loadIndex())[type].get(documentId);
  return versions ? pageOf(type, versions as Partial<Record<Locale, Doc<T>>>, locale) : undefined;
}

export async function pagesFor<T extends DocumentType>(
  type: T,
  refs: ({ documentId: string } | null)[] | null | undefined,
  locale: Locale,
) {
  const pages = await Promise.all((refs ?? []).map((ref) => pageFor(type, ref?.documentId, locale)));
  return pages.filter((p): p is Page<T> => p !== undefined);
}

const linkIndexes = new Map<string, Promise<Map<string, Page<DocumentType>[]>>>();

/**
 * Documents of `type` whose relation `field` points at `documentId`: the other side of a relation.
 * Every page of a partner, funder, programme or project asks this, so the answer for all targets is
 * indexed at the first question: scanning the list on each page made a 5,000-project build quadratic.
 */
export async function pagesLinkingTo<T extends DocumentType>(
  type: T,
  field: string,
  documentId: string,
  locale: Locale,
): Promise<Page<T>[]> {
  const key = `${type}/${field}/${locale}`;
  let index = linkIndexes.get(key);
  if (!index) {
    index = pagesOf(type, locale).then((pages) => {
      const byTarget = new Map<string, Page<DocumentType>[]>();
      for (const page of pages) {
        const value = (page.doc as Record<string, unknown>)[field] as
          { documentId: string } | ({ documentId: string } | null)[] | null;
        const targets = new Set((Array.isArray(value) ? value : [value]).map((ref) => ref?.documentId));
        for (const target of targets) {
          if (!target) continue;
          const linking = byTarget.get(target);
          if (linking) linking.push(page);
          else byTarget.set(target, [page]);
        }
      }
      return byTarget;
    });
    linkIndexes.set(key, index);
  }
  return [...((await index).get(documentId) ?? [])] as Page<T>[];
}

/** The same document in every locale, paired by documentId: for the language switcher and hreflang. */
export async function documentAlternates(page: Page<DocumentType>) {
  return Promise.all(
    LOCALES.map(async (locale) => ({
      locale,
      path: (await pageFor(page.type, page.doc.documentId, locale))!.path,
      exists: page.translations.includes(locale),
    })),
  );
}

/** A page that exists in every locale (home, lists, contact, search) at `/<locale>/<rest>`. */
export function sectionAlternates(rest: string) {
  return LOCALES.map((locale) => ({ locale, path: `/${locale}/${rest}`, exists: true }));
}

export function localeStaticPaths() {
  return LOCALES.map((locale) => ({ params: { locale } }));
}

export type Organisation = NonNullable<SiteSettingsQuery['organisation']>;
export type HomeContent = NonNullable<SiteSettingsQuery['home']>;

/** The organisation's details and the home page's text in one locale, each saying which language it is in. */
export interface Settings {
  organisation: Organisation;
  organisationLocale: Locale;
  home: HomeContent | null;
  homeLocale: Locale;
}

/**
 * The settings a page in `locale` shows: its own translation, else the default locale's. Undefined
 * without organisation details in either. The build (published) and the preview (drafts) share it.
 */
export function resolveSettings(
  byLocale: Partial<Record<Locale, SiteSettingsQuery>>,
  locale: Locale,
): Settings | undefined {
  const own = byLocale[locale];
  const fallback = byLocale[DEFAULT_LOCALE];
  const organisation = own?.organisation ?? fallback?.organisation;
  if (!organisation) return undefined;
  return {
    organisation,
    organisationLocale: own?.organisation ? locale : DEFAULT_LOCALE,
    home: own?.home ?? fallback?.home ?? null,
    homeLocale: own?.home ? locale : DEFAULT_LOCALE,
  };
}

/** The published settings, from the content store. */
export async function settingsFor(locale: Locale): Promise<Settings> {
  const entries = await getCollection('settings');
  const settings = resolveSettings(Object.fromEntries(entries.map((e) => [e.id, e.data])), locale);
  if (!settings)
    throw new Error(`The CMS has no organisation settings in ${DEFAULT_LOCALE}: publish them before building`);
  return settings;
}

/** A getStaticPaths result: every document of `type` in every locale. */
export async function staticPathsOf<T extends DocumentType>(type: T) {
  const paths = [];
  const seen = new Map<string, string>();
  for (const locale of LOCALES) {
    for (const page of await pagesOf(type, locale)) {
      // An untranslated document borrows its slug from another language; it must not take a translated one's URL.
      const other = seen.get(page.path);
      if (other)
        throw new Error(
          `${type} ${page.doc.documentId} and ${other} both want ${page.path}: change one slug in the CMS`,
        );
      seen.set(page.path, page.doc.documentId);
      paths.push({ params: { locale, section: SEGMENTS[type], slug: page.doc.slug as string }, props: { page } });
    }
  }
  return paths;
}

/** What every document page component takes: the static route and the preview route both render it. */
export interface DocumentPageProps<T extends DocumentType> {
  page: Page<T>;
  /** The language versions, when they cannot come from the published content (a draft in preview). */
  alternates?: { locale: Locale; path: string; exists: boolean }[];
  /** A preview of a draft: not indexed by search engines or by the site's search. */
  preview?: boolean;
}
