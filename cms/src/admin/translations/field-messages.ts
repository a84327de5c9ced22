import {
  COMPONENT_FIELDS,
  SYSTEM_FIELDS,
  TYPE_FIELDS,
  type FieldText,
  type InterfaceLanguage,
} from '../../editing/field-labels';

/**
 * The field labels and hints of src/editing/field-labels.ts as admin messages in one interface
 * language. The Content Manager looks labels up by `content-manager.content-types.<uid>.<field>`
 * (edit view and list columns; list filters through ../fields/filter-labels.ts) and
 * `content-manager.components.<uid>.<field>`; hints by the same id plus `.hint`
 * (patches/@strapi__content-manager@5.54.0.patch). Without a message, Strapi shows the view
 * configuration's English label.
 */
export function fieldMessages(language: InterfaceLanguage): Record<string, string> {
  const messages: Record<string, string> = {};
  const add = (prefix: string, fields: Record<string, FieldText>) => {
    for (const [field, text] of Object.entries(fields)) {
      const [label, hint] = text[language];
      messages[`${prefix}.${field}`] = label;
      messages[`${prefix}.${field}.hint`] = hint;
    }
  };
  for (const [uid, fields] of Object.entries(TYPE_FIELDS)) {
    add(`content-manager.content-types.${uid}`, fields);
    for (const [field, label] of Object.entries(SYSTEM_FIELDS))
      messages[`content-manager.content-types.${uid}.${field}`] = label[language];
  }
  for (const [uid, fields] of Object.entries(COMPONENT_FIELDS)) add(`content-manager.components.${uid}`, fields);
  return messages;
}
