import type { Core } from '@strapi/strapi';

import {
  COMPONENT_FIELDS,
  LAST_UPDATED as LAST_UPDATED_TEXT,
  TYPE_FIELDS,
  type FieldText,
} from '../editing/field-labels';

type Hints = Record<string, { label: string; description: string }>;

/** The English label and hint of each field (src/editing/field-labels.ts): what Strapi's view configuration holds. */
const english = (fields: Record<string, Record<string, FieldText>>): Record<string, Hints> =>
  Object.fromEntries(
    Object.entries(fields).map(([uid, hints]) => [
      uid,
      Object.fromEntries(Object.entries(hints).map(([field, { en }]) => [field, { label: en[0], description: en[1] }])),
    ]),
  );

/** Labels and hints editors see in the admin, per type and field. The admin shows them above each field. */
export const EDITOR_HINTS: Record<string, Hints> = english(TYPE_FIELDS);

/** The same for the fields of components (shown inside the types' forms). Otherwise Strapi shows the raw names ("alt*"). */
export const COMPONENT_HINTS: Record<string, Hints> = english(COMPONENT_FIELDS);

/** What a collapsed entry of a repeatable component shows as its title (Strapi's default is the first text field or its id). */
export const COMPONENT_TITLES: Record<string, string> = {
  'shared.social-link': 'url',
  'content.indicator': 'label',
  'content.place': 'settlement',
  'content.sub-grant': 'country',
  'content.text-item': 'text',
};

/**
 * List views: the name, then when it was last changed. Strapi adds the "Available in" (locales) and
 * status columns itself for localized draft-and-publish types; both sit between these two.
 * Newest first, so what an editor just changed is at the top.
 */
const MAIN_FIELDS: Record<string, string> = {
  'api::programme.programme': 'title',
  'api::project.project': 'title',
  'api::social-enterprise.social-enterprise': 'name',
  'api::partner.partner': 'name',
  'api::funder.funder': 'name',
};
export const LIST_VIEWS: Record<string, { mainField: string; columns: Hints }> = Object.fromEntries(
  Object.entries(MAIN_FIELDS).map(([uid, mainField]) => [
    uid,
    { mainField, columns: { [mainField]: { label: EDITOR_HINTS[uid]![mainField]!.label, description: '' } } },
  ]),
);
export const LAST_UPDATED = { field: LAST_UPDATED_TEXT.field, label: LAST_UPDATED_TEXT.en } as const;
export const LIST_PAGE_SIZE = 20;

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
  layouts: { list: string[]; edit: unknown };
}
interface ConfigurationService {
  findConfiguration(model: unknown): Promise<Configuration>;
  updateConfiguration(model: unknown, configuration: Configuration): Promise<unknown>;
}

/** Writes labels and hints into one type's or component's edit metadata; true when something changed. */
function writeHints(configuration: Configuration, hints: Hints) {
  let changed = false;
  for (const [field, hint] of Object.entries(hints)) {
    const edit = configuration.metadatas?.[field]?.edit;
    if (!edit) continue;
    if (edit.label !== hint.label || edit.description !== hint.description) {
      Object.assign(edit, hint);
      changed = true;
    }
  }
  const importKey = configuration.metadatas?.importKey?.edit;
  if (importKey && importKey.visible !== false) {
    importKey.visible = false;
    changed = true;
  }
  return changed;
}

/** Sets `target[key] = value` when it differs; true when it changed. */
function put(target: Record<string, unknown>, key: string, value: unknown) {
  if (JSON.stringify(target[key]) === JSON.stringify(value)) return false;
  target[key] = value;
  return true;
}

/**
 * Idempotent: writes the hints, list columns, sort and component titles into the content manager's
 * view configuration on every start. The code is the source of truth for these (as for the hints):
 * changes made in "Configure the view" last until the next start.
 */
export async function applyEditorHints(strapi: Core.Strapi) {
  const types = strapi.plugin('content-manager').service('content-types') as ConfigurationService;
  for (const [uid, hints] of Object.entries(EDITOR_HINTS)) {
    const contentType = strapi.contentType(uid as never);
    const configuration = await types.findConfiguration(contentType);
    let changed = writeHints(configuration, hints);
    const view = LIST_VIEWS[uid];
    if (view) {
      const columns = { ...view.columns, [LAST_UPDATED.field]: { label: LAST_UPDATED.label, description: '' } };
      for (const [field, { label }] of Object.entries(columns)) {
        const list = configuration.metadatas[field]?.list;
        if (list) changed = put(list, 'label', label) || changed;
      }
      changed = put(configuration.layouts, 'list', Object.keys(columns)) || changed;
      changed = put(configuration.settings, 'mainField', view.mainField) || changed;
      changed = put(configuration.settings, 'defaultSortBy', LAST_UPDATED.field) || changed;
      changed = put(configuration.settings, 'defaultSortOrder', 'DESC') || changed;
      changed = put(configuration.settings, 'pageSize', LIST_PAGE_SIZE) || changed;
    }
    if (changed) await types.updateConfiguration(contentType, configuration);
  }

  const components = strapi.plugin('content-manager').service('components') as ConfigurationService;
  for (const [uid, hints] of Object.entries(COMPONENT_HINTS)) {
    const component = strapi.components[uid as keyof typeof strapi.components];
    if (!component) throw new Error(`COMPONENT_HINTS names ${uid}, which is not a component`);
    const configuration = await components.findConfiguration(component);
    let changed = writeHints(configuration, hints);
    const title = COMPONENT_TITLES[uid];
    if (title) changed = put(configuration.settings, 'mainField', title) || changed;
    if (changed) await components.updateConfiguration(component, configuration);
  }
}
