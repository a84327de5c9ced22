import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '@asb/shared';
import { REST_DEFAULT_LIMIT, REST_MAX_LIMIT } from '../../config/api';
import { CONTENT_TYPES, isCollectionType } from '../content-types';
import { describeField, TYPE_SUMMARIES } from './descriptions';

/**
 * The partner API's REST description (OpenAPI 3.1), generated from the content model and written
 * to docs/openapi.json by `pnpm --filter @asb/cms export-openapi`.
 *
 * Not Strapi's own generator (@strapi/openapi): what it wrote did not match a single live answer
 * (documentId as a UUID, `meta` forbidden though always sent, nullable fields declared non-null)
 * and left out what this API adds (304 with ETag, 429 with RateLimit-* and Retry-After). Here the
 * schemas say what the CMS sends, and test/contract.test.ts validates real answers of every
 * operation and status against them.
 */

type Schema = Record<string, unknown>;
interface Attribute {
  type: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
}
interface Model {
  uid: string;
  modelType?: string;
  kind?: string;
  info: { singularName?: string; pluralName?: string; displayName?: string };
  attributes: Record<string, Attribute>;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema =>
  '$ref' in schema ? { anyOf: [schema, { type: 'null' }] } : { ...schema, type: [schema.type, 'null'] };
const pascal = (value: string) =>
  value
    .split(/[-_.]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

/** The schema name of a content type or component. */
export function schemaName(model: Model): string {
  if (model.uid === 'plugin::upload.file') return 'UploadFile';
  if (model.uid === 'plugin::i18n.locale') return 'Locale';
  if (model.modelType === 'component') return pascal(model.uid);
  return pascal(model.info.singularName!);
}

/** Strapi's system fields, which every document has. */
const SYSTEM_FIELDS: Record<string, Schema> = {
  id: { type: 'integer' },
  documentId: { type: 'string', pattern: '^[a-z0-9]{24}$' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  publishedAt: { type: 'string', format: 'date-time' },
};

function scalar(attribute: Attribute): Schema | null {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      return { type: 'string' };
    case 'email':
      return { type: 'string', format: 'email' };
    case 'enumeration':
      return { type: 'string', enum: attribute.enum };
    case 'integer':
      return { type: 'integer' };
    case 'biginteger':
      return { type: 'string', pattern: '^-?\\d+$' };
    case 'decimal':
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'time':
      return { type: 'string' };
    case 'json':
      return {};
    case 'blocks':
      return ref('Blocks');
    default:
      return null;
  }
}

function attributeSchema(strapi: Core.Strapi, attribute: Attribute, visit: (uid: string) => string): Schema | null {
  if (attribute.type === 'component') {
    const item = ref(visit(attribute.component!));
    return attribute.repeatable ? { type: 'array', items: item } : nullable(item);
  }
  if (attribute.type === 'media') {
    const item = ref(visit('plugin::upload.file'));
    if (attribute.multiple) return { type: 'array', items: item };
    return attribute.required ? item : nullable(item);
  }
  if (attribute.type === 'relation') {
    if (!attribute.target || !strapi.getModel(attribute.target as never)) return null;
    const item = ref(visit(attribute.target));
    return attribute.relation!.endsWith('Many') ? { type: 'array', items: item } : nullable(item);
  }
  const schema = scalar(attribute);
  if (!schema) return null;
  if (attribute.required || Object.keys(schema).length === 0) return schema;
  if ('$ref' in schema) return nullable(schema);
  return { ...nullable(schema), ...(schema.enum ? { enum: [...(schema.enum as string[]), null] } : {}) };
}

/** Object schemas of every model reachable from the content types, keyed by schema name. */
function modelSchemas(strapi: Core.Strapi): Record<string, Schema> {
  const schemas: Record<string, Schema> = {};
  const visit = (uid: string): string => {
    const model = strapi.getModel(uid as never) as unknown as Model;
    const name = schemaName(model);
    if (schemas[name]) return name;
    schemas[name] = {}; // placeholder: models refer to each other
    const localizedType = model.pluginOptions?.i18n?.localized === true;
    const properties: Record<string, Schema> = {};
    const isDocument = model.modelType !== 'component';
    properties.id = {
      ...SYSTEM_FIELDS.id,
      description: describeField(uid, 'id', undefined, { localizedType, rest: true }),
    };
    if (isDocument) properties.documentId = { ...SYSTEM_FIELDS.documentId };
    const ownUid = uid.startsWith('api::') || model.modelType === 'component';
    for (const [field, attribute] of Object.entries(model.attributes)) {
      if (attribute.private || ['id', 'documentId'].includes(field)) continue;
      // Files and locales are described by their own fields; their links back (folders, related) are not sent.
      if (!ownUid && attribute.type === 'relation') continue;
      if (field === 'localizations') continue;
      const schema =
        SYSTEM_FIELDS[field] && ['datetime', 'timestamp'].includes(attribute.type)
          ? { ...SYSTEM_FIELDS[field] }
          : attributeSchema(strapi, attribute, visit);
      if (!schema) continue;
      const description = describeField(uid, field, attribute, { localizedType, rest: true });
      if (!description) throw new Error(`No API description for ${uid}.${field} (src/api-contract/descriptions.ts)`);
      properties[field] = { ...schema, description };
    }
    // Not an attribute: the locale list's controller adds it.
    if (uid === 'plugin::i18n.locale') {
      properties.isDefault = {
        type: 'boolean',
        description: describeField(uid, 'isDefault', undefined, { localizedType, rest: true }),
      };
    }
    if (isDocument) {
      for (const field of ['createdAt', 'updatedAt', 'publishedAt']) {
        properties[field] ??= { ...SYSTEM_FIELDS[field] };
      }
      {
        for (const field of ['documentId', 'createdAt', 'updatedAt', 'publishedAt']) {
          properties[field] = {
            ...properties[field],
            description: describeField(uid, field, undefined, { localizedType, rest: true }),
          };
        }
      }
      if (localizedType) {
        properties.locale = {
          type: 'string',
          enum: [...LOCALES],
          description: describeField(uid, 'locale', undefined, { localizedType, rest: true }),
        };
        properties.localizations = {
          type: 'array',
          items: ref(name),
          description: describeField(uid, 'localizations', undefined, { localizedType, rest: true }),
        };
      }
    }
    schemas[name] = {
      type: 'object',
      ...(TYPE_SUMMARIES[uid] ? { description: TYPE_SUMMARIES[uid] } : {}),
      // Which fields come depends on `fields` and `populate`; only the identifiers always do.
      required: isDocument ? ['id', 'documentId'] : ['id'],
      properties,
      additionalProperties: false,
    };
    return name;
  };
  for (const uid of CONTENT_TYPES) visit(uid);
  visit('plugin::i18n.locale');
  return schemas;
}

const ERROR_SCHEMA: Schema = {
  type: 'object',
  description:
    'What every REST error sends: the status again, an error name, a message that says what was wrong, and details.',
  required: ['data', 'error'],
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message'],
      properties: {
        status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status.' },
        name: {
          type: 'string',
          description: 'The kind of error, e.g. ValidationError, NotFoundError, RateLimitError.',
        },
        message: { type: 'string', minLength: 1, description: 'What was wrong, in English.' },
        details: { type: 'object', description: 'More about the error (which parameter, which limit); may be empty.' },
      },
    },
  },
};

const PAGINATION: Record<string, Schema> = {
  PagePagination: {
    type: 'object',
    description: 'With `pagination[page]`/`pagination[pageSize]` (or no pagination parameter).',
    required: ['page', 'pageSize', 'pageCount', 'total'],
    properties: {
      page: { type: 'integer', minimum: 1, description: 'This page’s number, from 1.' },
      pageSize: { type: 'integer', minimum: 1, maximum: REST_MAX_LIMIT, description: 'Entries per page.' },
      pageCount: { type: 'integer', minimum: 0, description: 'Number of pages.' },
      total: { type: 'integer', minimum: 0, description: 'Number of entries in all pages.' },
    },
    additionalProperties: false,
  },
  OffsetPagination: {
    type: 'object',
    description: 'With `pagination[start]`/`pagination[limit]`.',
    required: ['start', 'limit', 'total'],
    properties: {
      start: { type: 'integer', minimum: 0, description: 'Entries skipped.' },
      limit: { type: 'integer', minimum: 1, maximum: REST_MAX_LIMIT, description: 'Entries asked for (at most 100).' },
      total: { type: 'integer', minimum: 0, description: 'Number of entries in all pages.' },
    },
    additionalProperties: false,
  },
};

const BLOCKS: Schema = {
  type: 'array',
  description:
    'Rich text as Strapi blocks: paragraphs, headings, lists, quotes, code and images, each with `type` and ' +
    '`children` (text nodes with `text` and optional `bold`, `italic`, … or links). See https://docs.strapi.io/cms/features/content-type-builder#rich-text-blocks.',
  items: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
};

const HEADERS: Record<string, Schema> = {
  ETag: {
    description: 'Identifies this answer; send it back as `If-None-Match` to get a 304 while nothing changed.',
    required: true,
    schema: { type: 'string', pattern: '^(W/)?"[^"]+"$' },
  },
  CacheControl: {
    description: '`public, max-age=0, must-revalidate` (with a token `private, …`): ask again every time.',
    required: true,
    schema: { type: 'string' },
  },
  XCache: {
    description: 'HIT when the CMS answered from its cache, MISS otherwise.',
    required: true,
    schema: { type: 'string', enum: ['HIT', 'MISS'] },
  },
  RateLimitLimit: {
    description: 'Requests allowed a minute for this client (address without a token, or the token).',
    required: true,
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  RateLimitRemaining: {
    description: 'Requests left in this minute.',
    required: true,
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  RateLimitReset: {
    description: 'Seconds until this minute’s budget starts again.',
    required: true,
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  RetryAfter: {
    description: 'Seconds to wait before the next request.',
    required: true,
    schema: { type: 'string', pattern: '^\\d+$' },
  },
};
const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
const RATE_HEADERS = {
  'RateLimit-Limit': header('RateLimitLimit'),
  'RateLimit-Remaining': header('RateLimitRemaining'),
  'RateLimit-Reset': header('RateLimitReset'),
};
const errorResponse = (description: string, headers: Record<string, unknown> = RATE_HEADERS) => ({
  description,
  headers,
  content: { 'application/json': { schema: ref('Error') } },
});

const RESPONSES: Record<string, Schema> = {
  NotModified: {
    description: 'Nothing changed since the answer whose `ETag` was sent as `If-None-Match`; no body.',
    headers: { ETag: header('ETag'), ...RATE_HEADERS },
  },
  BadRequest: errorResponse(
    'A parameter is wrong: an unknown locale, field, filter or sort key, a draft asked for, a bound exceeded (populate depth). The message names it.',
  ),
  Unauthorized: errorResponse('The token is unknown, expired or revoked (send none to read as the public).'),
  Forbidden: errorResponse('The token may not read this (a token limited to other types).'),
  NotFound: errorResponse('No published document with that documentId in that language.'),
  TooManyRequests: errorResponse('Over the rate limit: wait `Retry-After` seconds.', {
    'Retry-After': header('RetryAfter'),
    ...RATE_HEADERS,
  }),
};

const PARAMETERS: Record<string, Schema> = {
  locale: {
    name: 'locale',
    in: 'query',
    description: `The language: ${LOCALES.join(' or ')} (default ${DEFAULT_LOCALE}). Any other value is a 400 that lists these.`,
    schema: { type: 'string', enum: [...LOCALES], default: DEFAULT_LOCALE },
  },
  fields: {
    name: 'fields',
    in: 'query',
    description:
      'The fields to return (`fields[0]=title&fields[1]=slug`); relations, components and media come with `populate`.',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', additionalProperties: { type: 'string' } },
  },
  populate: {
    name: 'populate',
    in: 'query',
    description:
      'Relations, components and media to include: `populate=*`, `populate[0]=funders` or `populate[funders][fields][0]=name`; at most 3 levels deep.',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', additionalProperties: true },
  },
  filters: {
    name: 'filters',
    in: 'query',
    description:
      'Conditions on fields, e.g. `filters[phase][$eq]=completed`, `filters[funders][name][$containsi]=union`.',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', additionalProperties: true },
  },
  sort: {
    name: 'sort',
    in: 'query',
    description:
      'Sort keys, e.g. `sort[0]=startDate:desc&sort[1]=documentId`. Sort by documentId to page through a changing list.',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', additionalProperties: { type: 'string' } },
  },
  page: {
    name: 'pagination[page]',
    in: 'query',
    description: 'Page number, from 1 (with `pagination[pageSize]`).',
    schema: { type: 'integer', minimum: 1, default: 1 },
  },
  pageSize: {
    name: 'pagination[pageSize]',
    in: 'query',
    description: `Entries per page: ${REST_DEFAULT_LIMIT} when not given, at most ${REST_MAX_LIMIT} (more is capped).`,
    schema: { type: 'integer', minimum: 1, default: REST_DEFAULT_LIMIT },
  },
  start: {
    name: 'pagination[start]',
    in: 'query',
    description: 'Entries to skip (with `pagination[limit]`; `meta.pagination` then has start, limit and total).',
    schema: { type: 'integer', minimum: 0 },
  },
  limit: {
    name: 'pagination[limit]',
    in: 'query',
    description: `Entries to return after \`pagination[start]\`, at most ${REST_MAX_LIMIT} (more is capped).`,
    schema: { type: 'integer', minimum: 1 },
  },
  documentId: {
    name: 'documentId',
    in: 'path',
    required: true,
    description: 'The document’s documentId (the same in every language).',
    schema: { type: 'string', pattern: '^[a-z0-9]{24}$' },
  },
  ifNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    description: 'The `ETag` of an earlier answer: while nothing changed, the answer is a 304 without a body.',
    schema: { type: 'string' },
  },
};
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });

const okHeaders = {
  ETag: header('ETag'),
  'Cache-Control': header('CacheControl'),
  'X-Cache': header('XCache'),
  ...RATE_HEADERS,
};
const common = { '304': { $ref: '#/components/responses/NotModified' } };
const errors = (...codes: string[]) =>
  Object.fromEntries(
    codes.map((code) => [
      code,
      {
        $ref: `#/components/responses/${
          {
            '400': 'BadRequest',
            '401': 'Unauthorized',
            '403': 'Forbidden',
            '404': 'NotFound',
            '429': 'TooManyRequests',
          }[code]
        }`,
      },
    ]),
  );
const ok = (description: string, schema: Schema) => ({
  description,
  headers: okHeaders,
  content: { 'application/json': { schema } },
});

/** The whole document: GET on the organisation's content types and on the locale list. */
export function partnerOpenApi(strapi: Core.Strapi): Schema {
  const schemas: Record<string, Schema> = {
    ...modelSchemas(strapi),
    Blocks: BLOCKS,
    ...PAGINATION,
    Error: ERROR_SCHEMA,
  };
  const paths: Record<string, Schema> = {};
  const tags: { name: string; description: string }[] = [];
  for (const uid of CONTENT_TYPES) {
    const model = strapi.contentType(uid) as unknown as Model;
    const name = schemaName(model);
    const { singularName, pluralName, displayName } = model.info;
    const label = (displayName ?? name).toLowerCase();
    tags.push({ name, description: TYPE_SUMMARIES[uid]! });
    const single = {
      type: 'object',
      required: ['data', 'meta'],
      properties: { data: ref(name), meta: { type: 'object', additionalProperties: false } },
      additionalProperties: false,
    };
    if (isCollectionType(uid)) {
      schemas[`${name}List`] = {
        type: 'object',
        required: ['data', 'meta'],
        properties: {
          data: { type: 'array', items: ref(name) },
          meta: {
            type: 'object',
            required: ['pagination'],
            properties: { pagination: { oneOf: [ref('PagePagination'), ref('OffsetPagination')] } },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      };
      schemas[`${name}Document`] = single;
      paths[`/${pluralName}`] = {
        get: {
          operationId: `list${pascal(pluralName!)}`,
          summary: `List published ${pluralName!.replaceAll('-', ' ')}`,
          description: `${TYPE_SUMMARIES[uid]} Published versions in one language, ${REST_DEFAULT_LIMIT} a page by default.`,
          tags: [name],
          parameters: [
            'locale',
            'fields',
            'populate',
            'filters',
            'sort',
            'page',
            'pageSize',
            'start',
            'limit',
            'ifNoneMatch',
          ].map(param),
          responses: {
            '200': ok(`A page of ${label} documents and the paging.`, ref(`${name}List`)),
            ...common,
            ...errors('400', '401', '403', '429'),
          },
        },
      };
      paths[`/${pluralName}/{documentId}`] = {
        get: {
          operationId: `get${name}`,
          summary: `Get one published ${label}`,
          description: `The published version of one ${label} in one language.`,
          tags: [name],
          parameters: ['documentId', 'locale', 'fields', 'populate', 'ifNoneMatch'].map(param),
          responses: {
            '200': ok(`The ${label}.`, ref(`${name}Document`)),
            ...common,
            ...errors('400', '401', '403', '404', '429'),
          },
        },
      };
    } else {
      schemas[`${name}Document`] = single;
      paths[`/${singularName}`] = {
        get: {
          operationId: `get${name}`,
          summary: `Get the published ${label}`,
          description: `${TYPE_SUMMARIES[uid]} Its published version in one language.`,
          tags: [name],
          parameters: ['locale', 'fields', 'populate', 'ifNoneMatch'].map(param),
          responses: {
            '200': ok(`The ${label}.`, ref(`${name}Document`)),
            ...common,
            ...errors('400', '401', '403', '404', '429'),
          },
        },
      };
    }
  }
  tags.push({ name: 'Locale', description: 'The languages content is published in.' });
  paths['/i18n/locales'] = {
    get: {
      operationId: 'listLocales',
      summary: 'List the languages',
      description:
        'Every language content may be published in; `isDefault` marks Georgian, used when no `locale` is given.',
      tags: ['Locale'],
      parameters: [param('ifNoneMatch')],
      responses: {
        '200': ok('The languages.', { type: 'array', items: ref('Locale') }),
        ...common,
        ...errors('401', '403', '429'),
      },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'ASB Georgia partner API (REST)',
      version: '1.0.0',
      description:
        'Published content of ASB Georgia in Georgian (ka, default) and English (en). Read-only; anonymous or ' +
        'with a partner API token. Limits, caching and errors are explained in docs/partner-api.md; GraphQL is ' +
        'described by shared/schema/cms.graphql.',
      license: { name: 'Content © ASB Georgia; ask before republishing', identifier: 'LicenseRef-ASB-Georgia-content' },
      contact: { name: 'ASB Georgia' },
    },
    servers: [{ url: '/api', description: 'The content API, relative to the CMS address' }],
    security: [{ bearerAuth: [] }, {}],
    tags,
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A partner API token (optional: without one, the anonymous rate limit applies).',
        },
      },
      schemas,
      parameters: PARAMETERS,
      headers: HEADERS,
      responses: RESPONSES,
    },
  };
}
