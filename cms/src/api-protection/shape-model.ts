import type { Core } from '@strapi/strapi';

/**
 * What the shape checks know of the content model, read from `strapi.contentTypes` and
 * `strapi.components` at boot: a type or field added later is checked without a line of code here.
 */
export type ValueKind = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'time' | 'json';

export type FieldShape =
  | { kind: 'scalar'; value: ValueKind; enum?: readonly string[] }
  | {
      kind: 'nested';
      target: string;
      /** relations and media may be filtered by `id` / `documentId` */ relation: boolean;
    }
  /** Dynamic zones, morph relations, private and password fields: never filtered, sorted or selected. */
  | { kind: 'closed' };

export interface ModelShape {
  uid: string;
  /** How a refusal names it to a client: the type's or component's own name, not Strapi's internal uid. */
  label: string;
  fields: ReadonlyMap<string, FieldShape>;
  draftAndPublish: boolean;
}

export interface ShapeModel {
  get(uid: string): ModelShape | undefined;
  /** REST: the content type a `/api/<name>` path serves (plural name of a collection, singular of a single type). */
  forRestSegment(segment: string): ModelShape | undefined;
}

const SCALARS: Record<string, ValueKind> = {
  string: 'string',
  text: 'string',
  richtext: 'string',
  email: 'string',
  uid: 'string',
  password: 'string',
  enumeration: 'string',
  integer: 'integer',
  biginteger: 'integer',
  float: 'number',
  decimal: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  time: 'time',
  json: 'json',
  blocks: 'json',
};

/** The shape of one attribute, as far as querying it goes. */
export function fieldShape(attribute: Record<string, any>): FieldShape {
  if (attribute.private === true || attribute.type === 'password') return { kind: 'closed' };
  switch (attribute.type) {
    case 'relation':
      return typeof attribute.target === 'string' && !String(attribute.relation ?? '').startsWith('morph')
        ? { kind: 'nested', target: attribute.target, relation: true }
        : { kind: 'closed' };
    case 'media':
      return { kind: 'nested', target: 'plugin::upload.file', relation: true };
    case 'component':
      return { kind: 'nested', target: attribute.component, relation: false };
    case 'dynamiczone':
      return { kind: 'closed' };
    default: {
      const value = SCALARS[attribute.type] ?? 'string';
      return attribute.type === 'enumeration'
        ? { kind: 'scalar', value, enum: attribute.enum }
        : { kind: 'scalar', value };
    }
  }
}

export function buildShapeModel(strapi: Core.Strapi): ShapeModel {
  const models = new Map<string, ModelShape>();
  const schemas = { ...(strapi.contentTypes as Record<string, any>), ...(strapi.components as Record<string, any>) };
  for (const [uid, schema] of Object.entries(schemas)) {
    const fields = new Map<string, FieldShape>();
    // `id` and `documentId` are not attributes in every schema, but every row has them.
    fields.set('id', { kind: 'scalar', value: 'integer' });
    if (schema.modelType === 'contentType') fields.set('documentId', { kind: 'scalar', value: 'string' });
    for (const [name, attribute] of Object.entries<Record<string, any>>(schema.attributes ?? {})) {
      if (name === 'id') continue;
      fields.set(name, fieldShape(attribute));
    }
    const label =
      schema.modelType === 'component'
        ? `the component "${schema.info?.displayName ?? uid.split('.').pop()}"`
        : `the type "${schema.info?.singularName ?? uid.split('.').pop()}"`;
    models.set(uid, { uid, label, fields, draftAndPublish: schema.options?.draftAndPublish === true });
  }
  const rest = new Map<string, ModelShape>();
  for (const [uid, schema] of Object.entries(strapi.contentTypes as Record<string, any>)) {
    const model = models.get(uid)!;
    const name = schema.kind === 'singleType' ? schema.info?.singularName : schema.info?.pluralName;
    // api:: types win over plugin types of the same name; plugin routes (users, upload) have their own prefixes.
    if (typeof name === 'string' && (uid.startsWith('api::') || !rest.has(name))) rest.set(name, model);
  }
  return { get: (uid) => models.get(uid), forRestSegment: (segment) => rest.get(segment) };
}
