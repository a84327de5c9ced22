import { SYSTEM_FIELDS, TYPE_FIELDS, type FieldText } from '../../editing/field-labels';

/**
 * List view filters (hook `Admin/CM/pages/ListView/inject-in-filters`): Strapi labels each filter
 * with the list view's label for the field, which is the raw attribute name ("acronym",
 * "createdAt") for every field that is not a column, in every interface language. Here each filter
 * gets the field's label as a message (../translations/field-messages.ts), which the Filters menu
 * formats in the interface language.
 */
interface Filter {
  name: string;
  label?: unknown;
  [key: string]: unknown;
}

/** The type whose list is open: the hook gets the list's layout, which does not name its model. */
const currentModel = () =>
  /\/content-manager\/(?:collection|single)-types\/([^/?#]+)/.exec(window.location.pathname)?.[1];

export function labelFilters<T extends { displayedFilters: Filter[] }>(args: T): T {
  const uid = currentModel();
  const fields = uid ? (TYPE_FIELDS as Record<string, Record<string, FieldText> | undefined>)[uid] : undefined;
  if (!uid || !fields) return args;
  const english = (name: string) =>
    fields[name]?.en[0] ?? (SYSTEM_FIELDS as Record<string, { en: string } | undefined>)[name]?.en;
  return {
    ...args,
    displayedFilters: args.displayedFilters.map((filter) => {
      const label = english(filter.name);
      return label
        ? { ...filter, label: { id: `content-manager.content-types.${uid}.${filter.name}`, defaultMessage: label } }
        : filter;
    }),
  };
}
