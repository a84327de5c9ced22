import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SLUG_PATTERN, slugify, uniqueSlug } from '@asb/shared';
import { isCollectionType, SLUG_SOURCE } from '../content-types';
import { editorLanguage, MESSAGES } from '../editing/messages';

interface WriteContext {
  uid: string;
  action: string;
  params?: { documentId?: string; locale?: string; data?: Record<string, unknown> };
}

/**
 * A refusal the admin shows under the slug field (its `details.errors[].path`), not only as a toast.
 * The message carries the rule itself, because the field's hint is hidden while an error shows.
 */
function slugError(value: string, message: string) {
  return new errors.ValidationError(message, { errors: [{ path: ['slug'], message, name: 'ValidationError', value }] });
}

/**
 * Every document has a URL-safe Latin slug, unique per type and locale.
 * Left empty, it is made from the title (Georgian romanised, see @asb/shared slugify) and
 * numbered when taken; typed by an editor, it must be free or the save is refused.
 */
export function slugRules(strapi: Core.Strapi) {
  return async (context: WriteContext, next: () => Promise<unknown>) => {
    if (!isCollectionType(context.uid) || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params ?? {};
    const data = params.data;
    if (!data) return next();
    const uid = context.uid;
    const locale = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());

    const isTaken = async (slug: string) => {
      const clash = await strapi.db.query(uid).findOne({
        select: ['documentId'],
        where: { slug, locale, ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}) },
      });
      return clash !== null;
    };

    const typed = typeof data.slug === 'string' ? data.slug.trim() : undefined;
    if (typed) {
      const source = SLUG_SOURCE[uid];
      const lang = editorLanguage(strapi);
      if (!SLUG_PATTERN.test(typed)) throw slugError(typed, MESSAGES.slugFormat(lang, typed, source));
      if (await isTaken(typed)) {
        throw slugError(typed, MESSAGES.slugTaken(lang, typed, uid.split('.').pop()!, locale, source));
      }
      data.slug = typed;
      return next();
    }

    const sourceField = SLUG_SOURCE[uid];
    let source = data[sourceField];
    if (context.action === 'update' && params.documentId) {
      // A slug is a published address: an update that does not mention it keeps it, even when the
      // title changes. Only an explicitly emptied slug (or a document without one) gets a new one.
      const current = await strapi.db
        .query(uid)
        .findOne({ select: ['slug', sourceField], where: { documentId: params.documentId, locale } });
      if (current?.slug && data.slug === undefined) return next();
      if (typeof source !== 'string') source = current?.[sourceField];
    }
    if (typeof source === 'string' && source.trim()) data.slug = await uniqueSlug(slugify(source), isTaken);
    return next();
  };
}
