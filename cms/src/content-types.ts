import type { UID } from '@strapi/strapi';

/** The organisation's content types: what the public may read and what the document rules below apply to. */
export const COLLECTION_TYPES = [
  'api::programme.programme',
  'api::project.project',
  'api::social-enterprise.social-enterprise',
  'api::partner.partner',
  'api::funder.funder',
] as const satisfies readonly UID.ContentType[];

export const SINGLE_TYPES = [
  'api::organisation-setting.organisation-setting',
  'api::home-page.home-page',
] as const satisfies readonly UID.ContentType[];

export const CONTENT_TYPES = [...COLLECTION_TYPES, ...SINGLE_TYPES] as const;

export type CollectionTypeUid = (typeof COLLECTION_TYPES)[number];
export type ContentTypeUid = (typeof CONTENT_TYPES)[number];

/** The field a slug is made from, per type. */
export const SLUG_SOURCE: Record<CollectionTypeUid, string> = {
  'api::programme.programme': 'title',
  'api::project.project': 'title',
  'api::social-enterprise.social-enterprise': 'name',
  'api::partner.partner': 'name',
  'api::funder.funder': 'name',
};

export function isCollectionType(uid: string): uid is CollectionTypeUid {
  return (COLLECTION_TYPES as readonly string[]).includes(uid);
}

export function isContentType(uid: string): uid is ContentTypeUid {
  return (CONTENT_TYPES as readonly string[]).includes(uid);
}
