import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SLUG_PATTERN, slugify, uniqueSlug } from '@asb/shared';
import { isCollectionType, SLUG_SOURCE } from '../content-types';

interface WriteContext {
  uid: string;
  action: string;
  params?: { documentId?: string; locale?: string; data?: Record<string, unknown> };
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
      if (!SLUG_PATTERN.test(typed)) {
        throw new errors.ValidationError(
          `slug "${typed}" may hold only lowercase Latin letters, digits and single hyphens`,
        );
      }
      if (await isTaken(typed)) {
        throw new errors.ValidationError(
          `slug "${typed}" is already used by another ${uid.split('.').pop()} in locale "${locale}"`,
        );
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
