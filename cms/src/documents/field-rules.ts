import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isContentType } from '../content-types';
import { editorLanguage, MESSAGES, type EditorLanguage } from '../editing/messages';

/**
 * Formats of text fields, and the order of a project's dates, checked on every write with
 * messages an editor can act on, shown under the field (`details.errors[].path`).
 *
 * These rules used to be `regex` attributes in the schemas. The admin checks those in the browser
 * and says only "The value does not match the regex.", hiding the field's hint; so the schemas
 * carry no regex and the rule, with its explanation, lives here (and, for slugs, in slugs.ts).
 */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

interface FieldFormat {
  pattern: RegExp;
  message: (lang: EditorLanguage, value: string) => string;
}

const DATE: FieldFormat = { pattern: PARTIAL_DATE, message: MESSAGES.dateFormat };
const WEBSITE: FieldFormat = { pattern: /^https?:\/\/\S+$/, message: MESSAGES.website };

export const FIELD_FORMATS: Record<string, Record<string, FieldFormat>> = {
  'api::project.project': { startDate: DATE, endDate: DATE },
  'api::partner.partner': { website: WEBSITE },
  'api::funder.funder': { website: WEBSITE },
  'api::organisation-setting.organisation-setting': {
    phone: { pattern: /^\+?[0-9 ()-]{6,25}$/, message: MESSAGES.phone },
  },
};

/** A refusal the admin shows under the field named by `path`. */
export function fieldError(path: string[], message: string) {
  return new errors.ValidationError(message, { errors: [{ path, message, name: 'ValidationError' }] });
}

/** The first and last day a partial date (2024, 2024-05, 2024-05-31) can mean, as sortable strings. */
function dateRange(value: string): [string, string] {
  const [year, month, day] = value.split('-');
  return [`${year}-${month ?? '01'}-${day ?? '01'}`, `${year}-${month ?? '12'}-${day ?? '31'}`];
}

interface WriteContext {
  uid: string;
  action: string;
  params?: { documentId?: string; locale?: string; data?: Record<string, unknown> };
}

export function fieldRules(strapi: Core.Strapi) {
  return async (context: WriteContext, next: () => Promise<unknown>) => {
    const data = context.params?.data;
    if (!isContentType(context.uid) || !data || (context.action !== 'create' && context.action !== 'update'))
      return next();

    for (const [field, format] of Object.entries(FIELD_FORMATS[context.uid] ?? {})) {
      const value = data[field];
      if (typeof value !== 'string') continue;
      const trimmed = value.trim();
      // An emptied optional field is stored as null, not as an empty string that fails the format.
      if (trimmed === '') {
        data[field] = null;
        continue;
      }
      if (!format.pattern.test(trimmed)) throw fieldError([field], format.message(editorLanguage(strapi), trimmed));
      data[field] = trimmed;
    }

    if (context.uid === 'api::project.project' && ('startDate' in data || 'endDate' in data)) {
      let { startDate, endDate } = data as { startDate?: string | null; endDate?: string | null };
      if ((startDate === undefined || endDate === undefined) && context.params?.documentId) {
        // A partial update (the import, a script) may send one date: compare with the stored other one.
        const stored = await strapi.db.query(context.uid).findOne({
          select: ['startDate', 'endDate'],
          where: { documentId: context.params.documentId },
        });
        startDate = startDate === undefined ? stored?.startDate : startDate;
        endDate = endDate === undefined ? stored?.endDate : endDate;
      }
      if (startDate && endDate && dateRange(endDate)[1] < dateRange(startDate)[0]) {
        throw fieldError(['endDate'], MESSAGES.dateOrder(editorLanguage(strapi), startDate, endDate));
      }
    }
    return next();
  };
}
