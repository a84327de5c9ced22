import type { UID } from '@strapi/strapi';
import {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_UIDS,
  SINGLE_TYPES as SINGLE_TYPE_KEYS,
  SINGLE_TYPE_UIDS,
  type DocumentTypeUid,
  type SingleTypeUid,
} from '@asb/shared';

/**
 * The organisation's content types (their uids are named in @asb/shared): what the public may read
 * and what the document rules below apply to.
 */
export const COLLECTION_TYPES: readonly DocumentTypeUid[] = DOCUMENT_TYPES.map((type) => DOCUMENT_TYPE_UIDS[type]);

export const SINGLE_TYPES: readonly SingleTypeUid[] = SINGLE_TYPE_KEYS.map((type) => SINGLE_TYPE_UIDS[type]);

// `satisfies`: every uid named in @asb/shared is one of this CMS's content types (a renamed type fails to compile).
export const CONTENT_TYPES = [...COLLECTION_TYPES, ...SINGLE_TYPES] satisfies readonly UID.ContentType[];

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
