import type { Core } from '@strapi/strapi';
import { LOCALES } from '@asb/shared';
import { isContentType } from '../content-types';
import { TYPE_FIELDS, type FieldText } from '../editing/field-labels';
import { editorLanguage, MESSAGES } from '../editing/messages';
import { fieldError } from './field-rules';

/**
 * A picture in rich text (a `blocks` image node) must have alternative text in the language being
 * published. Pictures in `shared.image` components have a required `alt` of their own; rich text
 * keeps its alternative text on the node, which the admin (patched: a field under each picture)
 * lets editors write per language. Before that patch the admin filled in the file name, so a
 * node whose text equals its file name counts as missing too.
 */

interface BlockNode {
  type?: string;
  image?: { name?: string; alternativeText?: string | null };
  children?: BlockNode[];
}

/** File names of the pictures in `nodes` (any depth) that lack alternative text. */
export function picturesWithoutAlt(nodes: unknown): string[] {
  if (!Array.isArray(nodes)) return [];
  return (nodes as BlockNode[]).flatMap((node) => {
    const own =
      node?.type === 'image' && (!node.image?.alternativeText?.trim() || node.image.alternativeText === node.image.name)
        ? [node.image?.name ?? 'a picture']
        : [];
    return [...own, ...picturesWithoutAlt(node?.children)];
  });
}

export function imageAltOnPublish(strapi: Core.Strapi) {
  return async (
    context: { uid: string; action: string; params?: { documentId?: string; locale?: string | string[] } },
    next: () => Promise<unknown>,
  ) => {
    if (context.action !== 'publish' || !isContentType(context.uid)) return next();
    const model = strapi.getModel(context.uid as never) as unknown as { attributes: Record<string, { type: string }> };
    const blocksFields = Object.entries(model.attributes)
      .filter(([, attribute]) => attribute.type === 'blocks')
      .map(([name]) => name);
    if (blocksFields.length === 0) return next();

    const requested = context.params?.locale;
    const locales = requested === undefined || requested === '*' ? [...LOCALES] : ([] as string[]).concat(requested);
    for (const locale of locales) {
      const draft = (await strapi.documents(context.uid as never).findFirst({
        ...(context.params?.documentId ? { filters: { documentId: context.params.documentId } } : {}),
        locale,
        status: 'draft',
        fields: blocksFields,
      } as never)) as Record<string, unknown> | null;
      if (!draft) continue;
      for (const field of blocksFields) {
        const [name] = picturesWithoutAlt(draft[field]);
        if (name === undefined) continue;
        const language = editorLanguage(strapi);
        // The field as the editor's interface labels it.
        const label =
          (TYPE_FIELDS as Record<string, Record<string, FieldText>>)[context.uid]?.[field]?.[language][0] ?? field;
        throw fieldError([field], MESSAGES.pictureWithoutAlt(language, name, label, locale));
      }
    }
    return next();
  };
}
