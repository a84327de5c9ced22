import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { LOCALES } from '@asb/shared';
import { COLLECTION_TYPES, SINGLE_TYPES } from '../../src/content-types';

interface Attribute {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  enum?: string[];
  private?: boolean;
  maxLength?: number;
  pluginOptions?: { i18n?: { localized?: boolean } };
}
type Attributes = Record<string, Attribute>;

/** Text fields with a format of their own (field-rules.ts, slugs.ts) or that no client sees: left as they are. */
const FORMATTED = /slug|website|url|phone|email|date|importKey/i;

export interface DraftMarkers {
  /** Every marker is this and two more letters or digits; `findMarker` looks for them in answers. */
  prefix: string;
  /** Published documents whose drafts (both locales) now carry markers, per type. */
  edited: Record<string, string>;
  /** Documents that were never published, both locales, per collection type. */
  neverPublished: Record<string, string>;
  /** Every marker written and where, for messages (`<marker> <type>-<locale>-<field>`). */
  markers: string[];
}

/**
 * Plants unique marker strings where only drafts hold them, in every collection and single type, in
 * both locales: a draft change after publish (text fields and components of a published document),
 * and a never-published document per collection type; the edited drafts' relations point at the
 * never-published documents (so markers sit in relations' targets), and the never-published
 * documents link to published ones (so they sit on the inverse side of published documents' drafts).
 * Nothing is published: no published version contains a marker, so any marker in an answer of the
 * public API is a draft that leaked. Runs through the document service outside any request.
 */
export async function plantDraftMarkers(strapi: Core.Strapi): Promise<DraftMarkers> {
  // Short (fields have a maxLength down to 10), lower-case letters and digits only (a slug made from a
  // marked title keeps it), and unique to this run.
  const prefix = `zq${crypto.randomBytes(3).toString('hex')}`;
  const markers: string[] = [];
  const mark = (where: string) => {
    const marker = `${prefix}${markers.length.toString(36).padStart(2, '0')}`;
    markers.push(`${marker} ${where}`);
    return marker;
  };
  const markable = (name: string, attribute: Attribute) =>
    (attribute.type === 'string' || attribute.type === 'text') &&
    !FORMATTED.test(name) &&
    (attribute.maxLength === undefined || attribute.maxLength >= 10);
  const attributesOf = (uid: string) =>
    (strapi.contentTypes as unknown as Record<string, { attributes: Attributes }>)[uid].attributes;
  const componentAttributes = (uid: string) =>
    (strapi.components as unknown as Record<string, { attributes: Attributes }>)[uid].attributes;

  const componentValue = (uid: string, where: string, depth = 0): Record<string, unknown> => {
    const value: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(componentAttributes(uid))) {
      if (markable(name, attribute)) {
        value[name] = mark(`${where}.${name}`);
      } else if (attribute.type === 'component' && depth < 3) {
        const nested = componentValue(attribute.component!, `${where}.${name}`, depth + 1);
        value[name] = attribute.repeatable ? [nested] : nested;
      }
    }
    return value;
  };

  /** Marked text for every field a locale holds of its own (`localizedOnly`) or for all fields (first locale). */
  const markedData = (uid: string, label: string, locale: string, localizedOnly: boolean) => {
    const data: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(attributesOf(uid))) {
      if (attribute.private) continue;
      const localized = attribute.pluginOptions?.i18n?.localized === true;
      if (localizedOnly && !localized) continue;
      const where = `${label}-${locale}-${name}`;
      if (markable(name, attribute)) {
        data[name] = mark(where);
      } else if (attribute.type === 'component') {
        const value = componentValue(attribute.component!, where);
        if (Object.keys(value).length > 0) data[name] = attribute.repeatable ? [value] : value;
      }
    }
    return data;
  };

  const short = (uid: string) => uid.split('.').pop()!;
  const neverPublished: Record<string, string> = {};
  for (const uid of COLLECTION_TYPES) {
    const documents = strapi.documents(uid as never);
    const [first, ...others] = LOCALES;
    const created = await documents.create({
      locale: first,
      data: markedData(uid, `new-${short(uid)}`, first, false),
    } as never);
    for (const locale of others) {
      await documents.update({
        documentId: created.documentId,
        locale,
        data: markedData(uid, `new-${short(uid)}`, locale, false),
      } as never);
    }
    neverPublished[uid] = created.documentId;
  }

  // Never-published documents link to published ones: they then appear on the inverse side of the
  // published documents' drafts (a programme's draft lists the never-published project).
  for (const uid of COLLECTION_TYPES) {
    const links: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(attributesOf(uid))) {
      if (attribute.type !== 'relation' || !attribute.target || attribute.private || name === 'localizations') continue;
      const published = await strapi
        .documents(attribute.target as never)
        .findFirst({ locale: LOCALES[0], status: 'published' } as never);
      if (published) links[name] = { connect: [published.documentId] };
    }
    await strapi
      .documents(uid as never)
      .update({ documentId: neverPublished[uid], locale: LOCALES[0], data: links } as never);
  }

  const edited: Record<string, string> = {};
  for (const uid of [...COLLECTION_TYPES, ...SINGLE_TYPES]) {
    const documents = strapi.documents(uid as never);
    const published = await documents.findFirst({ locale: LOCALES[0], status: 'published' } as never);
    if (!published) throw new Error(`no published ${uid} to plant draft markers in`);
    edited[uid] = published.documentId;
    for (const [index, locale] of LOCALES.entries()) {
      const data = markedData(uid, `edit-${short(uid)}`, locale, index > 0);
      if (index === 0) {
        // The draft's relations point at the never-published documents (relation-sync.ts copies them
        // to the other locale's draft).
        for (const [name, attribute] of Object.entries(attributesOf(uid))) {
          if (attribute.type !== 'relation' || !attribute.target || name === 'localizations') continue;
          const target = neverPublished[attribute.target];
          if (target) data[name] = { connect: [target] };
        }
      }
      await documents.update({ documentId: published.documentId, locale, data } as never);
    }
  }
  return { prefix, edited, neverPublished, markers };
}

/**
 * Where an answer (body and headers, as text) shows a planted marker, or null. A marker is the prefix
 * and its two-character number: a request that sends the bare prefix (a filter probing for draft text)
 * and gets it echoed back in an error message is not a leak.
 */
export function findMarker(text: string, prefix: string): string | null {
  const match = new RegExp(`${prefix}[0-9a-z]{2}`, 'i').exec(text);
  if (!match) return null;
  return text.slice(Math.max(0, match.index - 60), match.index + 80);
}
