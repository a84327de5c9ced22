import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { isContentType } from '../content-types';

interface WriteContext {
  uid: string;
  action: string;
  params?: { documentId?: string; locale?: string; data?: Record<string, unknown> };
}

const syncing = new AsyncLocalStorage<boolean>();

/**
 * Relations are edited once, in any language.
 *
 * Strapi 5 stores relations between localized types per locale, so a partner linked to the
 * Georgian version of a project would be missing from the English one. After a write that
 * touches relations, this copies them to the document's other locales (each locale links the
 * same documents, in its own language). A locale created later starts with the relations the
 * document already has.
 */
export function relationSync(strapi: Core.Strapi) {
  return async (context: WriteContext, next: () => Promise<unknown>) => {
    if (
      syncing.getStore() ||
      !isContentType(context.uid) ||
      (context.action !== 'create' && context.action !== 'update')
    ) {
      return next();
    }
    const uid = context.uid as UID.ContentType;
    const params = context.params ?? {};
    const relationNames = relationAttributes(strapi, uid);
    if (relationNames.length === 0) return next();
    const locale = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());

    const localeIsNew =
      context.action === 'update' && params.documentId
        ? !(await strapi.db.query(uid).findOne({ select: ['id'], where: { documentId: params.documentId, locale } }))
        : false;

    const result = (await next()) as { documentId?: string } | null;
    const documentId = result?.documentId ?? params.documentId;
    if (!documentId) return result;

    const touched = relationNames.filter((name) => params.data && name in params.data);
    await syncing.run(true, async () => {
      if (touched.length > 0) {
        const targets = (await localesOf(strapi, uid, documentId)).filter((l) => l !== locale);
        await copyRelations(strapi, uid, documentId, locale, targets, touched);
      }
      if (localeIsNew) {
        const untouched = relationNames.filter((name) => !touched.includes(name));
        const source = (await localesOf(strapi, uid, documentId)).find((l) => l !== locale);
        // Both sides are copied (each type lists its inverse relations too), so documents that link
        // to this one in another locale link to it in the new locale as well.
        if (source && untouched.length > 0) await copyRelations(strapi, uid, documentId, source, [locale], untouched);
      }
    });
    return result;
  };
}

function relationAttributes(strapi: Core.Strapi, uid: UID.ContentType): string[] {
  const attributes = strapi.contentType(uid).attributes as Record<string, { type: string; target?: string }>;
  return (
    Object.entries(attributes)
      // `localizations` is i18n's own link between a document's locales, not content.
      .filter(
        ([name, a]) =>
          name !== 'localizations' && a.type === 'relation' && a.target !== undefined && isContentType(a.target),
      )
      .map(([name]) => name)
  );
}

async function localesOf(strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<string[]> {
  const rows = await strapi.db.query(uid).findMany({ select: ['locale'], where: { documentId, publishedAt: null } });
  return [...new Set(rows.map((r: { locale: string }) => r.locale))];
}

async function copyRelations(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  from: string,
  to: string[],
  names: string[],
) {
  if (to.length === 0) return;
  const attributes = strapi.contentType(uid).attributes as Record<string, { target: UID.ContentType }>;
  const populate = Object.fromEntries(names.map((n) => [n, { fields: ['documentId'] }]));
  const source = (await strapi
    .documents(uid)
    .findOne({ documentId, locale: from, status: 'draft', populate } as never)) as Record<string, unknown> | null;
  if (!source) return;
  for (const locale of to) {
    const data: Record<string, unknown> = {};
    for (const name of names) {
      const linked = source[name];
      const ids = (Array.isArray(linked) ? linked : linked ? [linked] : []).map(
        (d: { documentId: string }) => d.documentId,
      );
      const target = attributes[name]!.target;
      const present = ids.length
        ? new Set(
            (
              await strapi.db
                .query(target)
                .findMany({ select: ['documentId'], where: { documentId: { $in: ids }, locale, publishedAt: null } })
            ).map((r: { documentId: string }) => r.documentId),
          )
        : new Set<string>();
      data[name] = { set: ids.filter((id) => present.has(id)).map((id) => ({ documentId: id, locale })) };
    }
    await strapi.documents(uid).update({ documentId, locale, data } as never);
  }
}
