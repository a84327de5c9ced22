import type { Core } from '@strapi/strapi';
import { isCollectionType } from '../content-types';

/**
 * A relation set from its inverse side (a partner's "implemented projects", a funder's "funded
 * projects", a programme's projects) is stored once and read by the site from the owning side (the
 * project's implementingPartners, funders, programme). Publishing the partner changes what the
 * project's published version links to, but not the project's own `updatedAt`, so the site's
 * incremental build (web/src/lib/cms-sync.ts, which refetches documents whose stamps changed) kept
 * the project as it was: the partner's page and the project's page did not link to each other.
 *
 * So after a publish, unpublish or delete, the published rows of the documents on the other side
 * of every inverse relation, before and after the change, get a new `updatedAt`. Only published rows:
 * the draft stays as the editor left it (touching it would mark the document "modified").
 */
type Attribute = { type: string; target?: string; mappedBy?: string };

const ACTIONS = new Set(['publish', 'unpublish', 'discardDraft', 'delete']);

export function touchInverseRelations(strapi: Core.Strapi) {
  const inverse = (uid: string) =>
    Object.entries((strapi.getModel(uid as never) as unknown as { attributes: Record<string, Attribute> }).attributes)
      .filter(([, a]) => a.type === 'relation' && a.mappedBy && a.target && isCollectionType(a.target))
      .map(([name, a]) => ({ name, target: a.target! }));

  const linked = async (uid: string, documentId: string, relations: { name: string; target: string }[]) => {
    const rows = (await strapi.db.query(uid as never).findMany({
      select: ['id'],
      where: { documentId, publishedAt: { $notNull: true } },
      populate: Object.fromEntries(relations.map((r) => [r.name, { select: ['documentId'] }])),
    })) as Record<string, { documentId: string }[] | { documentId: string } | null>[];
    return relations.map((r) => ({
      target: r.target,
      ids: rows.flatMap((row) => ([] as { documentId: string }[]).concat(row[r.name] ?? []).map((d) => d.documentId)),
    }));
  };

  return async (
    context: { uid: string; action: string; params?: { documentId?: string } },
    next: () => Promise<unknown>,
  ) => {
    const documentId = context.params?.documentId;
    if (!ACTIONS.has(context.action) || !documentId || !isCollectionType(context.uid)) return next();
    const relations = inverse(context.uid);
    if (relations.length === 0) return next();

    const before = await linked(context.uid, documentId, relations);
    const result = await next();
    const after = await linked(context.uid, documentId, relations);
    const now = new Date();
    for (const [i, { target }] of relations.entries()) {
      const ids = [...new Set([...before[i]!.ids, ...after[i]!.ids])];
      if (ids.length === 0) continue;
      await strapi.db.query(target as never).updateMany({
        where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
        data: { updatedAt: now },
      });
    }
    return result;
  };
}
