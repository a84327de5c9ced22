import type { Core } from '@strapi/strapi';

/**
 * "Fill in from another locale" (the i18n plugin's edit-view action) copies every localized field
 * from the source language into the form. Two kinds of field must never be copied:
 *
 * - `slug`: an English page would get the Georgian page's romanised address. Left empty, the slug
 *   rule (src/documents/slugs.ts) makes one from the English title on save.
 * - alternative text: `alt` of an image (`shared.image`) and that of pictures in rich text. It
 *   describes the picture in the page's language; a copied Georgian description would be read out
 *   on the English page. Left empty, the editor is asked to write it (a required field, and the
 *   publish rule of src/documents/image-alt.ts).
 *
 * The plugin's service is wrapped rather than patched: its output is the form data it hands to the
 * admin, so clearing the fields there covers top-level fields and images at any depth.
 */
const NEVER_COPIED_TOP_LEVEL = ['slug'];
const NEVER_COPIED_IN_COMPONENT: Record<string, string[]> = { 'shared.image': ['alt'] };

type Attribute = { type: string; component?: string; repeatable?: boolean; components?: string[] };
type Schema = { attributes: Record<string, Attribute> };

/** Pictures in rich text keep their alternative text on the node: empty it, at any depth. */
function clearBlockPictures(nodes: unknown): void {
  if (!Array.isArray(nodes)) return;
  for (const node of nodes as { type?: string; image?: Record<string, unknown>; children?: unknown }[]) {
    if (node?.type === 'image' && node.image) node.image.alternativeText = '';
    clearBlockPictures(node?.children);
  }
}

function clearComponent(strapi: Core.Strapi, uid: string, value: unknown): void {
  if (!value || typeof value !== 'object') return;
  const data = value as Record<string, unknown>;
  for (const field of NEVER_COPIED_IN_COMPONENT[uid] ?? []) if (field in data) data[field] = '';
  clearNested(strapi, strapi.getModel(uid as never) as unknown as Schema | undefined, data);
}

function clearNested(strapi: Core.Strapi, schema: Schema | undefined, data: Record<string, unknown>): void {
  for (const [name, attribute] of Object.entries(schema?.attributes ?? {})) {
    const value = data[name];
    if (attribute.type === 'component' && attribute.component) {
      for (const item of Array.isArray(value) ? value : [value]) clearComponent(strapi, attribute.component, item);
    } else if (attribute.type === 'blocks') {
      clearBlockPictures(value);
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      for (const item of value as { __component?: string }[])
        if (item?.__component) clearComponent(strapi, item.__component, item);
    }
  }
}

/** Applies the rule to a form-data object for `model`. Exported for the test of the rule itself. */
export function clearNeverCopied(strapi: Core.Strapi, model: string, data: Record<string, unknown>) {
  for (const field of NEVER_COPIED_TOP_LEVEL) if (field in data) data[field] = '';
  clearNested(strapi, strapi.getModel(model as never) as unknown as Schema | undefined, data);
  return data;
}

export function guardFillFromLocale(strapi: Core.Strapi) {
  const service = strapi.plugin('i18n').service('fill-from-locale') as {
    transformDocument: (document: unknown, model: string, ...rest: unknown[]) => Promise<Record<string, unknown>>;
  };
  const transform = service.transformDocument.bind(service);
  service.transformDocument = async (document, model, ...rest) =>
    clearNeverCopied(strapi, model, await transform(document, model, ...rest));
}
