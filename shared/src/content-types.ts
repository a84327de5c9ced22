import type { Locale } from './locales.js';

/*
 * The organisation's content types, named once: their Strapi uids (the CMS), their keys (the site's
 * content collections and GraphQL queries) and the URL segment of their pages. The same segment names
 * the type's folder in the CMS's content files (cms/content/<segment>/).
 */

/** The document (collection) types, in the order the site's navigation lists them. */
export const DOCUMENT_TYPES = ['programmes', 'projects', 'socialEnterprises', 'partners', 'funders'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Each document type's Strapi uid, and the URL segment of its pages, the same in every language:
 * /<locale>/<segment>/<slug>/.
 */
const DOCUMENT_TYPE_NAMES = {
  programmes: { uid: 'api::programme.programme', segment: 'programmes' },
  projects: { uid: 'api::project.project', segment: 'projects' },
  socialEnterprises: { uid: 'api::social-enterprise.social-enterprise', segment: 'social-enterprises' },
  partners: { uid: 'api::partner.partner', segment: 'partners' },
  funders: { uid: 'api::funder.funder', segment: 'funders' },
} as const satisfies Record<DocumentType, { uid: string; segment: string }>;
type Names = typeof DOCUMENT_TYPE_NAMES;

const pick = <K extends 'uid' | 'segment'>(key: K) =>
  Object.fromEntries(DOCUMENT_TYPES.map((type) => [type, DOCUMENT_TYPE_NAMES[type][key]])) as {
    [T in DocumentType]: Names[T][K];
  };

/** Strapi's uid of each document type. */
export const DOCUMENT_TYPE_UIDS = pick('uid');
export type DocumentTypeUid = (typeof DOCUMENT_TYPE_UIDS)[DocumentType];

/** URL segment of each type's pages. */
export const SEGMENTS = pick('segment');
export type Segment = (typeof SEGMENTS)[DocumentType];

/** The single types: one document per locale each. */
export const SINGLE_TYPES = ['organisation', 'home'] as const;
export type SingleType = (typeof SINGLE_TYPES)[number];

export const SINGLE_TYPE_UIDS = {
  organisation: 'api::organisation-setting.organisation-setting',
  home: 'api::home-page.home-page',
} as const satisfies Record<SingleType, string>;
export type SingleTypeUid = (typeof SINGLE_TYPE_UIDS)[SingleType];

/**
 * The site's preview page of each single type (/preview/<locale>/<page>/). Organisation settings
 * appear on every page; the contact page is the one that shows all of them.
 */
export const SINGLE_TYPE_PREVIEW_PAGES = { organisation: 'contact', home: 'home' } as const satisfies Record<
  SingleType,
  string
>;

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** The document type of a Strapi uid, or undefined for any other uid. */
export function documentTypeOfUid(uid: string): DocumentType | undefined {
  return DOCUMENT_TYPES.find((type) => DOCUMENT_TYPE_UIDS[type] === uid);
}

/** The single type of a Strapi uid, or undefined for any other uid. */
export function singleTypeOfUid(uid: string): SingleType | undefined {
  return SINGLE_TYPES.find((type) => SINGLE_TYPE_UIDS[type] === uid);
}

/** The document type whose pages live under a URL segment, or undefined. */
export function documentTypeOfSegment(segment: string): DocumentType | undefined {
  return DOCUMENT_TYPES.find((type) => SEGMENTS[type] === segment);
}

/** A document's page: /<locale>/<segment>/<slug>/. */
export function documentPath(locale: Locale, type: DocumentType, slug: string): string {
  return `/${locale}/${SEGMENTS[type]}/${slug}/`;
}

/** The list page of a type: /<locale>/<segment>/. */
export function sectionPath(locale: Locale, type: DocumentType): string {
  return `/${locale}/${SEGMENTS[type]}/`;
}

/** The on-demand preview route of a document (by documentId: a draft may have no slug yet). */
export function documentPreviewPath(locale: string, type: DocumentType, documentId: string): string {
  return `/preview/${locale}/${SEGMENTS[type]}/${documentId}/`;
}

/** The on-demand preview route of a single type (the site finds its one document per locale without an id). */
export function singlePreviewPath(locale: string, type: SingleType): string {
  return `/preview/${locale}/${SINGLE_TYPE_PREVIEW_PAGES[type]}/`;
}
