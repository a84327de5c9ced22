import fc from 'fast-check';
import type { Core } from '@strapi/strapi';
import { TEXT_OPERATORS as REST_TEXT_OPERATORS } from '../../src/api-protection/shape-rules';

/**
 * fast-check arbitraries for the partner API, built from the live content model: the content types,
 * their attributes, relations, components and media as `strapi.contentTypes` / `strapi.components`
 * hold them at test time, the locales in the database and the filter operators of the running GraphQL
 * schema. A new type, field, relation or locale is generated without a change here.
 *
 * Requests are valid and malformed: unknown fields and operators, wrong value types, operators on
 * operators, out-of-range pagination, draft parameters. Filters that must match nothing (they require
 * text that only drafts hold, `anchor`) are marked, so a property can check that no draft was matched
 * or counted even when the matched entry's own text is published.
 */

export interface ScalarField {
  name: string;
  type: string;
  enum?: string[];
}
export interface Model {
  uid: string;
  kind: 'collectionType' | 'singleType' | 'component' | 'media';
  scalars: ScalarField[];
  /** Relations (including i18n's `localizations`) and media, by field name → target model uid. */
  relations: { name: string; target: string; many: boolean }[];
  components: { name: string; component: string; repeatable: boolean }[];
  /** GraphQL type name (`Project`, `ComponentSharedSeo`, `UploadFile`). */
  typeName: string;
}
export interface ContentType extends Model {
  kind: 'collectionType' | 'singleType';
  /** REST path (`/api/projects`, `/api/home-page`). */
  restPath: string;
  gql: { list?: string; connection?: string; one: string; filters?: string };
}
export interface LiveModel {
  models: Map<string, Model>;
  contentTypes: ContentType[];
  locales: string[];
  /** GraphQL filter operators (`eq`, `containsi`, …); REST uses them with a `$`. */
  operators: string[];
}

interface Attribute {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
  enum?: string[];
  private?: boolean;
}
interface Schema {
  uid: string;
  kind?: string;
  attributes: Record<string, Attribute>;
}
interface Naming {
  getTypeName(schema: unknown): string;
  getComponentName(schema: unknown): string;
  getFiltersInputTypeName(schema: unknown): string;
  getFindQueryName(schema: unknown): string;
  getFindConnectionQueryName(schema: unknown): string;
  getFindOneQueryName(schema: unknown): string;
}

const MEDIA = 'plugin::upload.file';
const SCALARS = new Set([
  'string',
  'text',
  'richtext',
  'blocks',
  'email',
  'enumeration',
  'integer',
  'biginteger',
  'decimal',
  'float',
  'boolean',
  'date',
  'datetime',
  'time',
  'uid',
]);
/** Fields every content type has, that the model's attribute lists do not always show as public. */
const SYSTEM_FIELDS: ScalarField[] = [
  { name: 'documentId', type: 'string' },
  { name: 'createdAt', type: 'datetime' },
  { name: 'updatedAt', type: 'datetime' },
  { name: 'publishedAt', type: 'datetime' },
  { name: 'locale', type: 'string' },
];

/** Reads the content model, locales and operators of the running CMS. */
export async function readLiveModel(
  strapi: Core.Strapi,
  graphqlOperators: () => Promise<string[]>,
): Promise<LiveModel> {
  const naming = (strapi.plugin('graphql').service('utils') as unknown as { naming: Naming }).naming;
  const models = new Map<string, Model>();
  const describe = (schema: Schema, kind: Model['kind'], typeName: string): Model => {
    const model: Model = { uid: schema.uid, kind, scalars: [], relations: [], components: [], typeName };
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (attribute.private) continue;
      if (SCALARS.has(attribute.type) && !SYSTEM_FIELDS.some((field) => field.name === name)) {
        model.scalars.push({ name, type: attribute.type, ...(attribute.enum ? { enum: attribute.enum } : {}) });
      } else if (attribute.type === 'relation' && attribute.target && isReadable(attribute.target)) {
        model.relations.push({ name, target: attribute.target, many: /Many$/.test(attribute.relation ?? '') });
      } else if (attribute.type === 'media') {
        model.relations.push({ name, target: MEDIA, many: attribute.multiple === true });
      } else if (attribute.type === 'component' && attribute.component) {
        model.components.push({ name, component: attribute.component, repeatable: attribute.repeatable === true });
      }
    }
    if (kind === 'collectionType' || kind === 'singleType') model.scalars.push(...SYSTEM_FIELDS);
    return model;
  };
  const isReadable = (uid: string) => uid.startsWith('api::') || uid === MEDIA;

  const contentTypes: ContentType[] = [];
  for (const schema of Object.values(strapi.contentTypes) as unknown as (Schema & {
    info: { singularName: string; pluralName: string };
  })[]) {
    if (!schema.uid.startsWith('api::')) continue;
    const kind = schema.kind === 'singleType' ? 'singleType' : 'collectionType';
    const model = describe(schema, kind, naming.getTypeName(schema));
    const single = kind === 'singleType';
    const contentType: ContentType = {
      ...model,
      kind,
      restPath: `/api/${single ? schema.info.singularName : schema.info.pluralName}`,
      gql: single
        ? { one: naming.getFindOneQueryName(schema) }
        : {
            list: naming.getFindQueryName(schema),
            connection: naming.getFindConnectionQueryName(schema),
            one: naming.getFindOneQueryName(schema),
            filters: naming.getFiltersInputTypeName(schema),
          },
    };
    models.set(schema.uid, contentType);
    contentTypes.push(contentType);
  }
  for (const schema of Object.values(strapi.components) as unknown as Schema[]) {
    models.set(schema.uid, describe(schema, 'component', naming.getComponentName(schema)));
  }
  const media = strapi.getModel(MEDIA) as unknown as Schema;
  const mediaModel = describe({ ...media, uid: MEDIA }, 'media', naming.getTypeName(media));
  models.set(MEDIA, mediaModel);

  const locales = (
    (await strapi.db.query('plugin::i18n.locale').findMany({ select: ['code'] })) as { code: string }[]
  ).map((locale) => locale.code);
  return { models, contentTypes, locales, operators: await graphqlOperators() };
}

/** One generated request. `anchored`: its filters require draft-only text, so it must match nothing. */
export type ApiRequest =
  | { kind: 'rest'; path: string; query: string; token: boolean; anchored: boolean; list: boolean }
  | {
      kind: 'graphql';
      body: { query: string; variables?: Record<string, unknown> } | string;
      token: boolean;
      anchored: boolean;
      /** Response keys (aliases) whose lists / totals must be empty when anchored. */
      anchoredKeys: string[];
    };

export interface Options {
  /** Text only draft versions hold (test/support/draft-markers.ts). */
  marker: string;
  /** documentIds worth asking for: published ones and never-published ones. */
  documentIds: string[];
  /** Depth of generated filters / populates (relations, components, localizations). */
  maxDepth?: number;
}

type Filter = Record<string, unknown>;
const OPERATOR_ON_OPERATOR = ['$eq', '$in', '$null'];
/** Attribute types whose values are text: the only ones text operators (contains, startsWith, eqi…) take. */
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
/** The rule's own list of text operators (src/api-protection/shape-rules.ts), in GraphQL's names. */
const TEXT_OPERATORS = new Set([...REST_TEXT_OPERATORS].map((operator) => operator.slice(1)));
const NULL_OPERATORS = new Set(['null', 'notNull']);

/**
 * Requests of two families: well-formed ones (three in four: every name, operator and value type is
 * one the model accepts, so most are answered 200 and the draft checks see real results), and
 * malformed ones, where each part may also be wrong.
 */
export function apiRequests(live: LiveModel, options: Options): fc.Arbitrary<ApiRequest> {
  return fc.oneof(
    { weight: 3, arbitrary: family(live, options, true) },
    { weight: 1, arbitrary: family(live, options, false) },
  );
}

function family(live: LiveModel, options: Options, valid: boolean): fc.Arbitrary<ApiRequest> {
  /** In the well-formed family, only `good`; in the malformed one, `bad` too. */
  const either = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>, badWeight = 1): fc.Arbitrary<T> =>
    valid ? good : fc.oneof({ weight: 4, arbitrary: good }, { weight: badWeight, arbitrary: bad });
  const maxDepth = options.maxDepth ?? 3;
  const model = (uid: string) => live.models.get(uid)!;
  const weirdName = fc.constantFrom('nope', '__proto__', 'constructor', 'password', 'id', 'status', 'a.b', '');
  const text = fc.oneof(
    fc.constant(options.marker),
    fc.constantFrom('a', 'Georgia', 'ა', 'project'),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('ka', 'en', '%', '_', "'", '"', '\\', '0', 'null', 'true', '2024-01-01'),
  );
  const value = (field: ScalarField | undefined): fc.Arbitrary<unknown> => {
    if (field?.enum) return either<unknown>(fc.constantFrom(...field.enum), text);
    if (field && ['integer', 'biginteger'].includes(field.type)) {
      return either<unknown>(fc.integer({ min: -5, max: 3000 }), fc.oneof(fc.double({ noNaN: true }), text));
    }
    if (field && ['decimal', 'float'].includes(field.type)) {
      return either<unknown>(fc.integer({ min: -5, max: 3000 }), fc.oneof(fc.double(), text));
    }
    if (field?.type === 'boolean') return either<unknown>(fc.boolean(), text);
    if (field?.type === 'date') return either<unknown>(fc.constantFrom('2020-01-01', '2030-12-31'), text);
    if (field?.type === 'datetime') {
      return either<unknown>(fc.constantFrom('2020-01-01T00:00:00.000Z', '2030-12-31T00:00:00.000Z'), text);
    }
    return text;
  };
  const comparable = live.operators.filter((op) => !['and', 'or', 'not'].includes(op));
  /**
   * Well-formed requests use the operators the field's type takes (docs/partner-api.md: text
   * operators compare text; structured text only $null/$notNull); malformed ones any name at all.
   */
  const operatorFor = (field: ScalarField | undefined) => {
    const ops =
      field?.type === 'json'
        ? comparable.filter((op) => NULL_OPERATORS.has(op))
        : field && !TEXT_TYPES.has(field.type)
          ? comparable.filter((op) => !TEXT_OPERATORS.has(op))
          : comparable;
    // Malformed requests may also use any operator on any field (text operators on dates…).
    return either(fc.constantFrom(...ops), fc.constantFrom(...comparable, 'foo', 'regex', 'where', 'raw', ''));
  };
  /** `{ $op: value }` for one scalar, valid or not. */
  const condition = (field: ScalarField | undefined): fc.Arbitrary<Filter> =>
    either(
      fc.tuple(operatorFor(field), value(field)).map(([op, v]) => {
        if (op === 'in' || op === 'notIn') return { [`$${op}`]: [v] };
        if (op === 'between') return { $between: [v, v] };
        if (op === 'null' || op === 'notNull') return { [`$${op}`]: true };
        return { [`$${op}`]: v };
      }),
      // Malformed: a scalar for $between / $in, an operator applied to an operator, a bare value.
      fc.oneof(
        value(field).map((v) => ({ $between: v })),
        fc.constantFrom(...OPERATOR_ON_OPERATOR).map((op) => ({ $eq: { [op]: 'x' } })),
        value(field) as fc.Arbitrary<Filter>,
      ),
      3,
    );

  const filterCache = new Map<string, fc.Arbitrary<Filter>>();
  const filter = (uid: string, depth: number): fc.Arbitrary<Filter> => {
    const key = `${uid}:${depth}`;
    const cached = filterCache.get(key);
    if (cached) return cached;
    const m = model(uid);
    const choices: { weight: number; arbitrary: fc.Arbitrary<Filter> }[] = [];
    const filterable = m.scalars.filter((field) => !valid || field.type !== 'blocks');
    if (filterable.length > 0) {
      choices.push({
        weight: 6,
        arbitrary: fc.constantFrom(...filterable).chain((field) => condition(field).map((c) => ({ [field.name]: c }))),
      });
    }
    if (!valid) {
      choices.push({ weight: 1, arbitrary: fc.tuple(weirdName, condition(undefined)).map(([n, c]) => ({ [n]: c })) });
    }
    if (depth > 0) {
      const nested = [
        ...m.relations.map((r) => [r.name, r.target] as const),
        ...m.components.map((c) => [c.name, c.component] as const),
      ];
      if (nested.length > 0) {
        choices.push({
          weight: 4,
          arbitrary: fc.constantFrom(...nested).chain(([name, target]) =>
            fc
              .constant(null)
              .chain(() => filter(target, depth - 1))
              .map((f) => ({ [name]: f })),
          ),
        });
      }
      const sub = fc.constant(null).chain(() => filter(uid, depth - 1));
      choices.push(
        { weight: 1, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((list) => ({ $and: list })) },
        { weight: 1, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((list) => ({ $or: list })) },
        { weight: 1, arbitrary: sub.map((f) => ({ $not: f })) },
      );
      // Malformed groups: a scalar or an object where a list belongs.
      if (!valid) {
        choices.push({
          weight: 1,
          arbitrary: fc.constantFrom<Filter>({ $and: 'x' }, { $or: { title: 'x' } }, { $not: [] }),
        });
      }
    }
    const arbitrary = fc.oneof(...choices);
    filterCache.set(key, arbitrary);
    return arbitrary;
  };

  /** A filter that can only match draft text: a path of relations/components to a text field containing the marker. */
  const anchorCache = new Map<string, fc.Arbitrary<Filter> | null>();
  const anchor = (uid: string, depth: number): fc.Arbitrary<Filter> | null => {
    const key = `${uid}:${depth}`;
    if (anchorCache.has(key)) return anchorCache.get(key)!;
    const m = model(uid);
    const texts = m.scalars.filter((s) => ['string', 'text'].includes(s.type) && s.name !== 'locale');
    const choices: fc.Arbitrary<Filter>[] = [];
    if (texts.length > 0) {
      choices.push(
        fc
          .tuple(fc.constantFrom(...texts), fc.constantFrom('$contains', '$containsi', '$startsWith', '$eq', '$eqi'))
          .map(([field, op]) => ({ [field.name]: { [op]: options.marker } })),
      );
    }
    if (depth > 0) {
      for (const [name, target] of [
        ...m.relations.map((r) => [r.name, r.target] as const),
        ...m.components.map((c) => [c.name, c.component] as const),
      ]) {
        const inner = anchor(target, depth - 1);
        if (inner) choices.push(inner.map((f) => ({ [name]: f })));
      }
    }
    const result = choices.length > 0 ? fc.oneof(...choices) : null;
    anchorCache.set(key, result);
    return result;
  };

  const sortPath = (uid: string, depth: number): fc.Arbitrary<string> => {
    const m = model(uid);
    const scalars = m.scalars.filter((s) => !['blocks'].includes(s.type)).map((s) => s.name);
    const choices: fc.Arbitrary<string>[] = [
      either(fc.constantFrom(...(scalars.length > 0 ? scalars : ['id'])), weirdName),
    ];
    if (depth > 0 && m.relations.length > 0) {
      choices.push(
        fc.constantFrom(...m.relations).chain((r) =>
          fc
            .constant(null)
            .chain(() => sortPath(r.target, depth - 1))
            .map((p) => `${r.name}.${p}`),
        ),
      );
    }
    return fc.oneof(...choices);
  };
  const sort = (uid: string) =>
    fc.array(
      fc
        .tuple(sortPath(uid, 2), either(fc.constantFrom('', ':asc', ':desc'), fc.constantFrom(':DESC', ':up', ':')))
        .map(([path, direction]) => `${path}${direction}`),
      { minLength: 1, maxLength: 3 },
    );
  const fields = (uid: string) =>
    fc.array(either(fc.constantFrom(...model(uid).scalars.map((s) => s.name)), weirdName), {
      minLength: 1,
      maxLength: 4,
    });

  const populateCache = new Map<string, fc.Arbitrary<unknown>>();
  const populate = (uid: string, depth: number): fc.Arbitrary<unknown> => {
    const key = `${uid}:${depth}`;
    const cached = populateCache.get(key);
    if (cached) return cached;
    const m = model(uid);
    const nested = [
      ...m.relations.map((r) => [r.name, r.target] as const),
      ...m.components.map((c) => [c.name, c.component] as const),
    ];
    const choices: fc.Arbitrary<unknown>[] = [fc.constant('*'), ...(valid ? [] : [weirdName])];
    if (nested.length > 0) {
      choices.push(
        fc.subarray(
          nested.map(([name]) => name),
          { minLength: 1 },
        ),
      );
      const options = (target: string): fc.Arbitrary<unknown> =>
        fc.oneof(
          fc.constant(true),
          fc.constant('*'),
          fc.record(
            {
              fields: fields(target),
              // Components take no filters or sort in populate; relations and media do.
              ...(valid && model(target).kind === 'component'
                ? {}
                : { filters: filter(target, Math.max(0, depth - 1)), sort: sort(target) }),
              ...(depth > 1 ? { populate: fc.constant(null).chain(() => populate(target, depth - 1)) } : {}),
              ...(valid
                ? {}
                : {
                    status: fc.constantFrom('draft', 'published'),
                    publicationState: fc.constant('preview'),
                    locale: fc.constantFrom(...live.locales, 'xx'),
                  }),
            },
            { requiredKeys: [] },
          ),
        );
      choices.push(
        fc
          .uniqueArray(fc.constantFrom(...nested), { minLength: 1, maxLength: 3, selector: ([name]) => name })
          .chain((picked) =>
            fc.tuple(...picked.map(([name, target]) => options(target).map((o) => [name, o] as const))),
          )
          .map((entries) => Object.fromEntries(entries)),
      );
    }
    const arbitrary = fc.oneof(...choices);
    populateCache.set(key, arbitrary);
    return arbitrary;
  };

  const publication = valid
    ? fc.record({ status: fc.constant('published') }, { requiredKeys: [] })
    : fc.record(
        {
          status: fc.constantFrom('published', 'draft', 'DRAFT', 'preview', ''),
          publicationState: fc.constantFrom('live', 'preview'),
          hasPublishedVersion: fc.constantFrom('true', 'false'),
          publicationFilter: fc.constantFrom('never-published', 'modified', 'has-published-version'),
        },
        { requiredKeys: [] },
      );
  const pagination = either<unknown>(
    fc.oneof(
      fc.record(
        { page: fc.integer({ min: 1, max: 5 }), pageSize: fc.integer({ min: 1, max: 100 }) },
        { requiredKeys: [] },
      ),
      fc.record(
        { start: fc.integer({ min: 0, max: 50 }), limit: fc.integer({ min: 1, max: 100 }) },
        { requiredKeys: [] },
      ),
    ),
    fc.oneof(
      fc.record({ page: fc.integer({ min: -1, max: 5 }), pageSize: fc.integer({ min: -1, max: 500 }) }),
      fc.constantFrom<unknown>({ page: 'x' }, { pageSize: '1e9' }, 'all', { page: 1, start: 0 }),
    ),
  );
  const locale = either(fc.constantFrom(...live.locales, '*'), fc.constantFrom('xx', ''));

  const restRequest = fc.constantFrom(...live.contentTypes).chain((ct) => {
    const paths: fc.Arbitrary<{ path: string; list: boolean }> =
      ct.kind === 'singleType'
        ? fc.constant({ path: ct.restPath, list: false })
        : fc.oneof(
            { weight: 3, arbitrary: fc.constant({ path: ct.restPath, list: true }) },
            {
              weight: 1,
              arbitrary: fc
                .constantFrom(...options.documentIds, ...(valid ? [] : ['nope', '..%2Fusers']))
                .map((id) => ({ path: `${ct.restPath}/${id}`, list: false })),
            },
          );
    const anchorArb = anchor(ct.uid, maxDepth);
    return fc
      .record(
        {
          target: paths,
          filters: filter(ct.uid, maxDepth),
          anchor: anchorArb ? fc.option(anchorArb, { freq: 3 }) : fc.constant(null),
          sort: sort(ct.uid),
          fields: fields(ct.uid),
          populate: populate(ct.uid, valid ? 2 : 3),
          pagination,
          locale,
          publication,
        },
        { requiredKeys: ['target'] },
      )
      .chain((parts) =>
        fc.boolean().map((token) => {
          const params: Record<string, unknown> = {};
          const anchored = parts.anchor !== undefined && parts.anchor !== null && parts.target.list;
          if (anchored) params.filters = parts.filters ? { $and: [parts.anchor, parts.filters] } : parts.anchor;
          else if (parts.filters) params.filters = parts.filters;
          for (const name of ['sort', 'fields', 'populate', 'pagination', 'locale'] as const) {
            if (parts[name] !== undefined) params[name] = parts[name];
          }
          Object.assign(params, parts.publication ?? {});
          return {
            kind: 'rest' as const,
            path: parts.target.path,
            query: toQueryString(params),
            token,
            anchored,
            list: parts.target.list,
          };
        }),
      );
  });

  // GraphQL: the same filters with Strapi's GraphQL operator names, a selection from the model.
  const selection = (uid: string, depth: number): fc.Arbitrary<string> => {
    const m = model(uid);
    const scalars = m.scalars.filter((s) => s.name !== 'id').map((s) => s.name);
    const parts: fc.Arbitrary<string>[] = [
      fc
        .subarray(scalars.length > 0 ? scalars : ['__typename'], {
          minLength: 1,
          maxLength: Math.min(4, Math.max(1, scalars.length)),
        })
        .map((s) => s.join(' ')),
    ];
    if (depth > 0) {
      for (const relation of m.relations) {
        const targetModel = model(relation.target);
        const args =
          relation.many && targetModel.kind !== 'media'
            ? fc.option(
                fc
                  .record(
                    {
                      filters: filter(relation.target, 1).map((f) => `filters: ${toGraphqlValue(toGraphqlFilter(f))}`),
                      pagination: fc.constantFrom('pagination: { limit: 2 }', 'pagination: { start: 1, limit: 100 }'),
                      sort: sortPath(relation.target, 0).map((p) => `sort: ["${p}:desc"]`),
                    },
                    { requiredKeys: [] },
                  )
                  .map((r) => Object.values(r).join(', ')),
                { freq: 2 },
              )
            : fc.constant(null);
        parts.push(
          fc
            .tuple(
              args,
              fc.constant(null).chain(() => selection(relation.target, depth - 1)),
            )
            .map(([a, inner]) => `${relation.name}${a ? `(${a})` : ''} { ${inner} }`),
        );
      }
      for (const component of m.components) {
        parts.push(
          fc
            .constant(null)
            .chain(() => selection(component.component, depth - 1))
            .map((inner) => `${component.name} { ${inner} }`),
        );
      }
    }
    return fc.uniqueArray(fc.oneof(...parts), { minLength: 1, maxLength: 4 }).map((list) => list.join(' '));
  };

  const graphqlRequest = fc.constantFrom(...live.contentTypes).chain((ct) => {
    const anchorArb = anchor(ct.uid, maxDepth);
    const rootArgs = (list: boolean) =>
      fc.record(
        {
          filters: list ? filter(ct.uid, maxDepth) : fc.constant(undefined),
          anchor: list && anchorArb ? fc.option(anchorArb, { freq: 3 }) : fc.constant(null),
          locale: locale,
          status: either(fc.constant('PUBLISHED'), fc.constantFrom('DRAFT', 'published')),
          sort: list ? sort(ct.uid) : fc.constant(undefined),
          pagination: list ? pagination : fc.constant(undefined),
          viaVariables: fc.boolean(),
        },
        { requiredKeys: ['anchor', 'viaVariables'] },
      );
    const roots: fc.Arbitrary<{ field: string; list: boolean; connection: boolean; one?: boolean }> = ct.gql.list
      ? fc.constantFrom(
          { field: ct.gql.list, list: true, connection: false },
          { field: ct.gql.connection!, list: true, connection: true },
          { field: ct.gql.one, list: false, connection: false, one: true },
        )
      : fc.constant({ field: ct.gql.one, list: false, connection: false });
    return fc
      .record({
        roots: fc.array(
          roots.chain((root) =>
            fc.record({ root: fc.constant(root), args: rootArgs(root.list), select: selection(ct.uid, 2) }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        fragment: fc.boolean(),
        token: fc.boolean(),
        malformed: valid
          ? fc.constant(null)
          : fc.option(fc.constantFrom('truncate', 'unknown-field', 'bad-arg', 'bad-variable', 'not-json'), { freq: 2 }),
      })
      .map(({ roots: picked, fragment, token, malformed }) => {
        const variables: Record<string, unknown> = {};
        const declarations: string[] = [];
        const anchoredKeys: string[] = [];
        const fields = picked.map(({ root, args, select }, index) => {
          const alias = `r${index}`;
          const list: string[] = [];
          const anchored = args.anchor !== null && args.anchor !== undefined && root.list;
          let filters = args.filters as Filter | undefined;
          if (anchored) filters = filters ? { $and: [args.anchor as Filter, filters] } : (args.anchor as Filter);
          if (filters && root.list) {
            const converted = toGraphqlFilter(filters);
            if (args.viaVariables && ct.gql.filters) {
              variables[`f${index}`] = converted;
              declarations.push(`$f${index}: ${ct.gql.filters}`);
              list.push(`filters: $f${index}`);
            } else list.push(`filters: ${toGraphqlValue(converted)}`);
          }
          if (anchored) anchoredKeys.push(alias);
          if (args.locale !== undefined) list.push(`locale: ${JSON.stringify(args.locale)}`);
          if (args.status !== undefined) list.push(`status: ${args.status}`);
          if (args.sort) list.push(`sort: ${JSON.stringify(args.sort)}`);
          if (args.pagination && typeof args.pagination === 'object')
            list.push(`pagination: ${toGraphqlValue(args.pagination)}`);
          if (root.one)
            list.push(`documentId: ${JSON.stringify(options.documentIds[index % options.documentIds.length])}`);
          const inner = fragment ? `...F` : select;
          const body = root.connection ? `nodes { ${inner} } pageInfo { total pageCount }` : inner;
          return `${alias}: ${root.field}${list.length ? `(${list.join(', ')})` : ''} { ${body} }`;
        });
        const fragmentText = fragment ? ` fragment F on ${ct.typeName} { ${picked[0].select} }` : '';
        let query = `query Q${declarations.length ? `(${declarations.join(', ')})` : ''} { ${fields.join(' ')} }${fragmentText}`;
        let body: { query: string; variables?: Record<string, unknown> } | string;
        if (malformed === 'truncate') query = query.slice(0, Math.max(1, Math.floor(query.length / 2)));
        if (malformed === 'unknown-field') query = query.replace('{ ', '{ nope ');
        if (malformed === 'bad-arg') query = query.replace(/\(/, '(nope: 1, ');
        body = { query, variables };
        if (malformed === 'bad-variable') body = { query, variables: { ...variables, f0: 'x' } };
        if (malformed === 'not-json') body = query;
        return {
          kind: 'graphql' as const,
          body,
          token,
          anchored: malformed === null && anchoredKeys.length > 0,
          anchoredKeys: malformed === null ? anchoredKeys : [],
        };
      });
  });

  return fc.oneof(restRequest, graphqlRequest);
}

/** `filters[a][$eq]=x&sort[0]=b` as Strapi's qs parser reads it, values URL-encoded. */
export function toQueryString(params: Record<string, unknown>): string {
  const pairs: string[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined) return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(`${prefix}[${index}]`, item));
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(`${prefix}[${encodeKey(key)}]`, inner);
    } else pairs.push(`${prefix}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) walk(encodeKey(key), value);
  return pairs.join('&');
}
const encodeKey = (key: string) => encodeURIComponent(key).replace(/%24/g, '$');

/** REST filter → GraphQL filter: `$contains` → `contains`; groups keep their shape. */
export function toGraphqlFilter(filter: unknown): unknown {
  if (Array.isArray(filter)) return filter.map(toGraphqlFilter);
  if (filter === null || typeof filter !== 'object') return filter;
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) => [key.startsWith('$') ? key.slice(1) : key, toGraphqlFilter(value)]),
  );
}

/** A JSON value as a GraphQL literal (object keys unquoted; an empty key becomes an invalid name on purpose). */
export function toGraphqlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toGraphqlValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(
        ([key, inner]) =>
          `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key)}: ${toGraphqlValue(inner)}`,
      )
      .join(', ')} }`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value ?? null);
}

/** The request as a curl command to paste (against `$CMS`, default the local CMS). */
export function toCurl(request: ApiRequest): string {
  const base = '"${CMS:-http://localhost:1337}"';
  const auth = request.token ? ` -H "Authorization: Bearer $ASB_TOKEN"` : '';
  if (request.kind === 'rest') {
    const url = `${request.path}${request.query ? `?${request.query}` : ''}`;
    return `curl -sS -g -i${auth} ${base}'${url.replace(/'/g, "'\\''")}'`;
  }
  const data = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  return `curl -sS -i${auth} -H 'Content-Type: application/json' ${base}/graphql --data-raw '${data.replace(/'/g, "'\\''")}'`;
}
