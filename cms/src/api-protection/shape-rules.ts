import { LIMITS, limitMessage, SHAPE_RULES, type LimitKey, type ShapeRule } from './limits';
import type { FieldShape, ModelShape, ShapeModel, ValueKind } from './shape-model';

/**
 * Checks of REST query parameters against the content model (query-shape.ts applies them to a
 * request; graphql-shape.ts reuses the sort check). Each refusal is a ShapeError that names the
 * parameter as the client wrote it (`filters[title][$foo]`) and the rule it broke. The checks only
 * read the parsed query, in time linear in its size, and never recurse deeper than the limits.
 */
export class ShapeError extends Error {
  constructor(
    readonly parameter: string,
    readonly rule: ShapeRule | LimitKey,
    message: string,
    readonly status = 400,
    readonly limit?: number,
  ) {
    super(message);
    this.name = 'ShapeError';
  }
}

export function ruleError(parameter: string, rule: ShapeRule, detail: string): ShapeError {
  return new ShapeError(parameter, rule, `${parameter}: ${detail} (${SHAPE_RULES[rule]}).`);
}

export function limitError(key: LimitKey, parameter: string, sent: string): ShapeError {
  return new ShapeError(parameter, key, limitMessage(key, parameter, sent), LIMITS[key].status, LIMITS[key].value);
}

/** Per request: conditions are counted over every filter of the request, populate filters included. */
export interface CheckState {
  conditions: number;
}

const LOGICAL = new Set(['$and', '$or']);
const COMPARISON = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte']);
/** The operators that compare text (REST names; GraphQL's are the same without `$`). */
export const TEXT_OPERATORS = new Set([
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
]);
const LISTS = new Set(['$in', '$notIn']);
const NULLS = new Set(['$null', '$notNull']);
export const FILTER_OPERATORS = [...LOGICAL, '$not', ...COMPARISON, ...TEXT_OPERATORS, ...LISTS, '$between', ...NULLS];

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** qs turns a list longer than its arrayLimit (or with gaps) into an object with numeric keys. */
export function asList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isPlain(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) return keys.map((key) => value[key]);
  }
  return undefined;
}

function listWithin(value: unknown[], parameter: string, key: LimitKey = 'listLength') {
  if (value.length > LIMITS[key].value) throw limitError(key, parameter, `a list of ${value.length}`);
}

const describe = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value) || asList(value)
      ? 'a list'
      : isPlain(value)
        ? 'an object'
        : `"${String(value).slice(0, 40)}"`;

export function fieldOf(model: ModelShape, key: string, parameter: string): Exclude<FieldShape, { kind: 'closed' }> {
  const field = model.fields.get(key);
  if (!field || field.kind === 'closed') {
    if (key.startsWith('$')) throw ruleError(parameter, 'unknownOperator', `"${key}" is not an operator here`);
    throw ruleError(parameter, 'unknownField', `"${key}" is not a field of ${model.label}`);
  }
  return field;
}

export function checkFilters(
  value: unknown,
  model: ModelShape,
  models: ShapeModel,
  parameter: string,
  state: CheckState,
  depth = 1,
): void {
  const list = asList(value);
  if (list) {
    // Strapi reads a list of filters as all of them at once.
    listWithin(list, parameter);
    list.forEach((item, i) => checkFilters(item, model, models, `${parameter}[${i}]`, state, depth));
    return;
  }
  if (!isPlain(value))
    throw ruleError(parameter, 'expectedObject', `expected fields and operators, got ${describe(value)}`);
  if (depth > LIMITS.filterDepth.value) throw limitError('filterDepth', parameter, `nested ${depth} levels deep`);
  for (const [key, inner] of Object.entries(value)) {
    const at = `${parameter}[${key}]`;
    if (LOGICAL.has(key)) {
      const items = asList(inner);
      if (!items) throw ruleError(at, 'expectedList', `${key} takes a list of conditions, got ${describe(inner)}`);
      listWithin(items, at);
      items.forEach((item, i) => {
        if (!isPlain(item))
          throw ruleError(`${at}[${i}]`, 'expectedObject', `expected conditions, got ${describe(item)}`);
        checkFilters(item, model, models, `${at}[${i}]`, state, depth + 1);
      });
    } else if (key === '$not') {
      checkFilters(inner, model, models, at, state, depth + 1);
    } else if (key.startsWith('$')) {
      if (FILTER_OPERATORS.includes(key))
        throw ruleError(at, 'operatorNotApplicable', `${key} must follow a field name`);
      throw ruleError(at, 'unknownOperator', `"${key}" is not an operator; use one of ${FILTER_OPERATORS.join(', ')}`);
    } else {
      const field = fieldOf(model, key, at);
      if (field.kind === 'nested') {
        const target = models.get(field.target);
        if (!target) throw ruleError(at, 'unknownField', `"${key}" cannot be filtered`);
        checkFilters(inner, target, models, at, state, depth + 1);
      } else {
        checkCondition(inner, field, at, state, depth);
      }
    }
  }
}

/** The operators and values for one scalar field: `[title][$eq]=x`, `[title]=x`, `[title][$in][0]=x`, `[title][$not][$eq]=x`. */
function checkCondition(
  value: unknown,
  field: Extract<FieldShape, { kind: 'scalar' }>,
  parameter: string,
  state: CheckState,
  depth: number,
): void {
  if (!isPlain(value) || asList(value)) {
    // `filters[title]=x` is `$eq`, `filters[title][0]=x&filters[title][1]=y` is `$in`.
    const list = asList(value);
    countCondition(parameter, state);
    if (field.value === 'json')
      throw ruleError(parameter, 'operatorNotApplicable', `structured text can only be tested with $null or $notNull`);
    if (list) {
      listWithin(list, parameter, 'inList');
      list.forEach((item, i) => checkValue(item, field, `${parameter}[${i}]`));
    } else checkValue(value, field, parameter);
    return;
  }
  if (depth > LIMITS.filterDepth.value) throw limitError('filterDepth', parameter, `nested ${depth} levels deep`);
  for (const [operator, operand] of Object.entries(value)) {
    const at = `${parameter}[${operator}]`;
    if (LOGICAL.has(operator)) {
      const items = asList(operand);
      if (!items)
        throw ruleError(at, 'expectedList', `${operator} takes a list of conditions, got ${describe(operand)}`);
      listWithin(items, at);
      items.forEach((item, i) => checkCondition(item, field, `${at}[${i}]`, state, depth + 1));
      continue;
    }
    if (operator === '$not') {
      checkCondition(operand, field, at, state, depth + 1);
      continue;
    }
    if (!FILTER_OPERATORS.includes(operator))
      throw ruleError(
        at,
        'unknownOperator',
        `"${operator}" is not an operator; use one of ${FILTER_OPERATORS.join(', ')}`,
      );
    countCondition(at, state);
    if (field.value === 'json' && !NULLS.has(operator))
      throw ruleError(at, 'operatorNotApplicable', `structured text can only be tested with $null or $notNull`);
    if (TEXT_OPERATORS.has(operator) && field.value !== 'string')
      throw ruleError(at, 'operatorNotApplicable', `${operator} compares text and this field is not text`);
    if (LISTS.has(operator) || operator === '$between') {
      const items = asList(operand);
      if (!items) throw ruleError(at, 'expectedList', `${operator} takes a list of values, got ${describe(operand)}`);
      if (operator === '$between' && items.length !== 2)
        throw ruleError(at, 'expectedList', `$between takes a list of two values, got ${items.length}`);
      listWithin(items, at, 'inList');
      items.forEach((item, i) => checkValue(item, field, `${at}[${i}]`));
    } else if (NULLS.has(operator)) {
      if (!(operand === null || ['true', 'false', '1', '0', true, false].includes(operand as never)))
        throw ruleError(at, 'wrongType', `${operator} takes true or false, got ${describe(operand)}`);
    } else {
      checkValue(operand, field, at);
    }
  }
}

function countCondition(parameter: string, state: CheckState) {
  state.conditions += 1;
  if (state.conditions > LIMITS.filterConditions.value)
    throw limitError('filterConditions', parameter, `more than ${LIMITS.filterConditions.value} conditions`);
}

const INT32 = 2_147_483_647;
const PATTERNS: Record<Exclude<ValueKind, 'string' | 'json'>, { test: (text: string) => boolean; what: string }> = {
  integer: {
    test: (text) => /^-?\d{1,10}$/.test(text) && Math.abs(Number(text)) <= INT32,
    what: 'a whole number',
  },
  number: {
    test: (text) => /^-?\d{1,20}(\.\d{1,20})?([eE][-+]?\d{1,3})?$/.test(text) && Number.isFinite(Number(text)),
    what: 'a number',
  },
  boolean: { test: (text) => ['true', 'false', '1', '0'].includes(text), what: 'true or false' },
  date: {
    test: (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)),
    what: 'a date (YYYY-MM-DD)',
  },
  datetime: {
    test: (text) =>
      /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) &&
      !Number.isNaN(Date.parse(text)),
    what: 'a date and time (ISO 8601)',
  },
  time: { test: (text) => /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text), what: 'a time (HH:MM:SS)' },
};

function checkValue(value: unknown, field: Extract<FieldShape, { kind: 'scalar' }>, parameter: string) {
  if (isPlain(value)) {
    const first = Object.keys(value)[0] ?? '';
    if (first.startsWith('$'))
      throw ruleError(
        parameter,
        'operatorOnOperator',
        `an operator cannot take another operator (${first}); give a value`,
      );
    throw ruleError(parameter, 'expectedScalar', `expected a value, got ${describe(value)}`);
  }
  if (Array.isArray(value)) throw ruleError(parameter, 'expectedScalar', 'expected a value, got a list');
  if (value === null || value === undefined) throw ruleError(parameter, 'wrongType', 'expected a value, got nothing');
  if (field.value === 'string' || field.value === 'json') return;
  const pattern = PATTERNS[field.value];
  if (!pattern.test(String(value)))
    throw ruleError(parameter, 'wrongType', `expected ${pattern.what}, got ${describe(value)}`);
}

/** `sort=a:asc,b`, `sort[0]=a:desc`, `sort[a]=asc`, `sort[relation][field]=desc`, and lists of those. */
/**
 * `throughRelations: false` inside `populate`: Strapi 5.54 writes broken SQL (a 500) for a populated
 * relation sorted through a further relation (`populate[localizations][sort]=projects.title`), so
 * there a sort names the related entries' own fields only.
 */
export function checkSort(
  value: unknown,
  model: ModelShape,
  models: ShapeModel,
  parameter: string,
  { throughRelations = true } = {},
): void {
  const noRelation = (segment: string, at: string) => {
    if (!throughRelations)
      throw ruleError(
        at,
        'badSort',
        `inside populate, sort by the related entries' own fields, not through "${segment}"`,
      );
  };
  let keys = 0;
  // Once per field: Strapi 5.54 selects a field sorted twice twice under one alias when the sort
  // also goes through a relation, which PostgreSQL refuses (a 500).
  const seen = new Set<string>();
  const once = (field: string, at: string) => {
    if (seen.has(field)) throw ruleError(at, 'badSort', `"${field}" is already sorted by; name each field once`);
    seen.add(field);
  };
  const count = (at: string) => {
    keys += 1;
    if (keys > LIMITS.sortKeys.value) throw limitError('sortKeys', at, `more than ${LIMITS.sortKeys.value} sort keys`);
  };
  const direction = (text: string, at: string) => {
    if (!/^(asc|desc)$/i.test(text))
      throw ruleError(at, 'badSort', `sort direction must be asc or desc, got "${text.slice(0, 40)}"`);
  };
  const path = (text: string, at: string) => {
    const [fieldPath = '', dir, ...rest] = text.split(':');
    if (rest.length > 0) throw ruleError(at, 'badSort', `expected field:asc or field:desc, got "${text.slice(0, 40)}"`);
    if (dir !== undefined) direction(dir, at);
    let current = model;
    const segments = fieldPath.split('.');
    segments.forEach((segment, i) => {
      if (segment === 'status' && current.draftAndPublish && segments.length === 1) return;
      const field = fieldOf(current, segment, at);
      if (i < segments.length - 1) {
        if (field.kind !== 'nested' || !models.get(field.target))
          throw ruleError(at, 'badSort', `"${segment}" has no fields to sort by`);
        noRelation(segment, at);
        current = models.get(field.target)!;
      } else if (field.kind !== 'scalar') {
        throw ruleError(at, 'badSort', `"${segment}" is not a value to sort by; name one of its fields`);
      }
    });
    once(fieldPath, at);
    count(at);
  };
  const object = (value: Plain, current: ModelShape, at: string, depth: number, prefix = '') => {
    if (depth > LIMITS.filterDepth.value) throw limitError('filterDepth', at, `nested ${depth} levels deep`);
    for (const [key, inner] of Object.entries(value)) {
      const here = `${at}[${key}]`;
      const field = fieldOf(current, key, here);
      if (field.kind === 'nested') {
        const target = models.get(field.target);
        if (!target || !isPlain(inner))
          throw ruleError(here, 'badSort', `"${key}" is sorted by one of its fields: ${key}[field]=asc`);
        noRelation(key, here);
        object(inner, target, here, depth + 1, `${prefix}${key}.`);
      } else {
        if (typeof inner !== 'string') throw ruleError(here, 'badSort', `expected asc or desc, got ${describe(inner)}`);
        direction(inner, here);
        once(`${prefix}${key}`, here);
        count(here);
      }
    }
  };
  const one = (item: unknown, at: string) => {
    if (typeof item === 'string') {
      for (const part of item.split(',')) if (part.trim()) path(part.trim(), at);
    } else if (isPlain(item) && !asList(item)) object(item, model, at, 1);
    else throw ruleError(at, 'badSort', `expected field:asc or field:desc, got ${describe(item)}`);
  };
  const list = asList(value);
  if (list) {
    listWithin(list, parameter);
    list.forEach((item, i) => one(item, `${parameter}[${i}]`));
  } else one(value, parameter);
}

/** `fields=a,b` or `fields[0]=a`: scalar fields of the type. */
export function checkFields(value: unknown, model: ModelShape, parameter: string): void {
  const one = (item: unknown, at: string) => {
    if (typeof item !== 'string') throw ruleError(at, 'expectedScalar', `expected a field name, got ${describe(item)}`);
    for (const part of item.split(',')) {
      const name = part.trim();
      if (!name || name === '*') continue;
      const field = fieldOf(model, name, at);
      if (field.kind !== 'scalar')
        throw ruleError(at, 'unknownField', `"${name}" is a relation or component; ask for it with populate`);
    }
  };
  const list = asList(value);
  if (list) {
    listWithin(list, parameter);
    list.forEach((item, i) => one(item, `${parameter}[${i}]`));
  } else one(value, parameter);
}

const POPULATE_OPTIONS = new Set([
  'fields',
  'populate',
  'filters',
  'sort',
  'count',
  'on',
  'limit',
  'start',
  'locale',
  'status',
]);

/** `populate=*`, `populate=a,b.c`, `populate[0]=a`, `populate[a][fields][0]=x`, `populate[a][populate][b]=true`, … */
export function checkPopulate(
  value: unknown,
  model: ModelShape,
  models: ShapeModel,
  parameter: string,
  state: CheckState,
  level = 1,
): void {
  if (value === true || value === false || value === null || value === '*' || value === 'true' || value === 'false')
    return;
  if (level > LIMITS.populateDepth.value + 1) return; // the depth limit (populate-depth.ts) answers this
  const dotted = (text: string, at: string) => {
    for (const part of text.split(',')) {
      let current: ModelShape | undefined = model;
      for (const segment of part.trim().split('.').filter(Boolean)) {
        if (segment === '*' || !current) break;
        const field = fieldOf(current, segment, at);
        if (field.kind !== 'nested')
          throw ruleError(at, 'unknownField', `"${segment}" is a value, not a relation or component`);
        current = models.get(field.target);
      }
    }
  };
  if (typeof value === 'string') return dotted(value, parameter);
  const list = asList(value);
  if (list) {
    listWithin(list, parameter);
    list.forEach((item, i) => {
      if (typeof item !== 'string')
        throw ruleError(`${parameter}[${i}]`, 'expectedScalar', `expected a field name, got ${describe(item)}`);
      dotted(item, `${parameter}[${i}]`);
    });
    return;
  }
  if (!isPlain(value)) throw ruleError(parameter, 'expectedObject', `expected field names, got ${describe(value)}`);
  for (const [key, options] of Object.entries(value)) {
    const at = `${parameter}[${key}]`;
    const field = fieldOf(model, key, at);
    if (field.kind !== 'nested')
      throw ruleError(at, 'unknownField', `"${key}" is a value, not a relation or component`);
    const target = models.get(field.target);
    if (!target || options === true || options === '*' || options === 'true' || options === null) continue;
    if (!isPlain(options))
      throw ruleError(at, 'expectedObject', `expected true, * or options, got ${describe(options)}`);
    for (const [option, inner] of Object.entries(options)) {
      const here = `${at}[${option}]`;
      if (!POPULATE_OPTIONS.has(option))
        throw ruleError(
          here,
          'unknownParameter',
          `"${option}" is not a populate option; use ${[...POPULATE_OPTIONS].join(', ')}`,
        );
      if (option === 'fields') checkFields(inner, target, here);
      else if (option === 'filters') checkFilters(inner, target, models, here, state);
      else if (option === 'sort') checkSort(inner, target, models, here, { throughRelations: false });
      else if (option === 'populate') checkPopulate(inner, target, models, here, state, level + 1);
      else if (option === 'on') throw ruleError(here, 'unknownField', `"${key}" is not a dynamic zone`);
      else if (isPlain(inner) || Array.isArray(inner))
        throw ruleError(here, 'expectedScalar', `expected a value, got ${describe(inner)}`);
      else if ((option === 'limit' || option === 'start') && !/^-?\d{1,9}$/.test(String(inner)))
        throw ruleError(here, 'wrongType', `expected a whole number, got ${describe(inner)}`);
    }
  }
}

/** `pagination[page]`, `[pageSize]`, `[start]`, `[limit]`, `[withCount]` (and the same at the top level). */
export function checkPagination(value: Plain, parameterOf: (key: string) => string): void {
  const pageStyle = value.page !== undefined || value.pageSize !== undefined;
  const offsetStyle = value.start !== undefined || value.limit !== undefined;
  for (const [key, inner] of Object.entries(value)) {
    const at = parameterOf(key);
    if (!['page', 'pageSize', 'start', 'limit', 'withCount'].includes(key))
      throw ruleError(at, 'unknownParameter', `use page and pageSize, or start and limit`);
    if (isPlain(inner) || Array.isArray(inner))
      throw ruleError(at, 'expectedScalar', `expected a number, got ${describe(inner)}`);
    const text = String(inner);
    if (key === 'withCount') {
      if (!['true', 'false'].includes(text))
        throw ruleError(at, 'wrongType', `expected true or false, got ${describe(inner)}`);
      continue;
    }
    if (!/^-?\d{1,9}$/.test(text)) throw ruleError(at, 'wrongType', `expected a whole number, got ${describe(inner)}`);
    const n = Number(text);
    const min = key === 'page' || key === 'pageSize' ? 1 : key === 'start' ? 0 : -1;
    if (n < min) throw ruleError(at, 'badPagination', `${key} must be at least ${min}, got ${n}`);
  }
  if (pageStyle && offsetStyle)
    throw ruleError(
      parameterOf(value.page !== undefined ? 'page' : 'pageSize'),
      'badPagination',
      'use page and pageSize, or start and limit, not both',
    );
}
