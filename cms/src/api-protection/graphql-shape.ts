import type { Core } from '@strapi/strapi';
import {
  getNamedType,
  GraphQLError,
  isInputObjectType,
  Kind,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LIMITS, SHAPE_RULES } from './limits';
import { buildShapeModel, type ModelShape, type ShapeModel } from './shape-model';
import { asList, checkSort, limitError, ruleError, ShapeError, TEXT_OPERATORS } from './shape-rules';

/** Text operators (shape-rules' list, as GraphQL names them) apply to the filter inputs of text fields, as in REST. */
const GRAPHQL_TEXT_OPERATORS = new Set([...TEXT_OPERATORS].map((operator) => operator.slice(1)));
const TEXT_FILTER_INPUTS = new Set(['StringFilterInput', 'IDFilterInput']);

/**
 * GraphQL arguments checked before the operation runs, after GraphQL's own validation (which
 * checks names and types of literals) and before variables are coerced: what GraphQL types cannot
 * say. Filters nested deeper than the filter depth limit, more conditions than the conditions
 * limit, `in` lists over the list limit, `between` without two values, JSON fields compared with
 * anything but `null`/`notNull`, `sort` strings naming unknown fields or directions, pagination
 * that mixes pages and offsets, and more aliases than the aliases limit. Each refusal is an HTTP 400
 * with `extensions.code` BAD_USER_INPUT, `extensions.argument` (`projects.filters.title.between`)
 * and `extensions.rule`.
 */
export function checkGraphqlArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  models: ShapeModel,
  modelOfFilters: (typeName: string) => ModelShape | undefined,
): void {
  let aliases = 0;
  const state = { conditions: 0 };
  const typeInfo = new TypeInfo(schema);
  const fragments = new Set<string>();
  const path: string[] = [];
  const visitor = visitWithTypeInfo(typeInfo, {
    FragmentSpread(node) {
      fragments.add(node.name.value);
    },
    Field: {
      enter(node) {
        path.push(node.alias?.value ?? node.name.value);
        if (node.alias) {
          aliases += 1;
          if (aliases > LIMITS.graphqlAliases.value)
            throw limitError('graphqlAliases', path.join('.'), `more than ${LIMITS.graphqlAliases.value} aliases`);
        }
        const definition = typeInfo.getFieldDef();
        if (!definition || !node.arguments?.length) return;
        const filtersType = definition.args.find((a) => a.name === 'filters');
        const model = filtersType ? modelOfFilters(getNamedType(filtersType.type).name) : undefined;
        for (const argument of node.arguments) {
          const at = `${path.join('.')}.${argument.name.value}`;
          const argDef = definition.args.find((a) => a.name === argument.name.value);
          if (!argDef) continue; // GraphQL's validation has refused it already
          const value = valueFromASTUntyped(argument.value, variables);
          const type = getNamedType(argDef.type);
          if (argument.name.value === 'filters' && isInputObjectType(type)) {
            filters(value, type, at, 1, state);
          } else if (argument.name.value === 'sort' && model && value !== null && value !== undefined) {
            checkSort(Array.isArray(value) ? value : [value], model, models, at);
          } else if (argument.name.value === 'pagination' && value && typeof value === 'object') {
            pagination(value as Record<string, unknown>, at);
          }
        }
      },
      leave() {
        path.pop();
      },
    },
  });
  visit(operation, visitor);
  // Fragments the operation uses, once each however often they are spread (the cost rule counts spreads).
  const done = new Set<string>();
  for (let pending = [...fragments]; pending.length > 0; pending = [...fragments].filter((f) => !done.has(f))) {
    for (const name of pending) {
      done.add(name);
      const definition = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
      if (!definition) continue;
      path.push(`...${name}`);
      visit(definition, visitor);
      path.pop();
    }
  }
}

function filters(
  value: unknown,
  type: GraphQLInputObjectType,
  at: string,
  depth: number,
  state: { conditions: number },
) {
  if (value === null || value === undefined || typeof value !== 'object') return; // GraphQL's coercion answers type errors
  const list = asList(value);
  if (list) {
    if (list.length > LIMITS.listLength.value) throw limitError('listLength', at, `a list of ${list.length}`);
    list.forEach((item, i) => filters(item, type, `${at}[${i}]`, depth, state));
    return;
  }
  const entity = type.name.endsWith('FiltersInput'); // a type's or component's filters; scalars' are `StringFilterInput`, …
  if (entity && depth > LIMITS.filterDepth.value) throw limitError('filterDepth', at, `nested ${depth} levels deep`);
  const fields = type.getFields();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const field = fields[key];
    if (!field) continue;
    const here = `${at}.${key}`;
    const named = getNamedType(field.type);
    if (key === 'and' || key === 'or' || key === 'not') {
      if (!isInputObjectType(named)) continue;
      if (!entity && depth + 1 > LIMITS.filterDepth.value)
        throw limitError('filterDepth', here, `nested ${depth + 1} levels deep`);
      const items = key === 'not' ? [inner] : Array.isArray(inner) ? inner : [inner];
      if (items.length > LIMITS.listLength.value) throw limitError('listLength', here, `a list of ${items.length}`);
      items.forEach((item, i) => filters(item, named, key === 'not' ? here : `${here}[${i}]`, depth + 1, state));
    } else if (isInputObjectType(named)) {
      filters(inner, named, here, named.name.endsWith('FiltersInput') ? depth + 1 : depth, state);
    } else {
      state.conditions += 1;
      if (state.conditions > LIMITS.filterConditions.value)
        throw limitError('filterConditions', here, `more than ${LIMITS.filterConditions.value} conditions`);
      if (type.name === 'JSONFilterInput' && key !== 'null' && key !== 'notNull')
        throw ruleError(here, 'operatorNotApplicable', 'structured text can only be tested with null or notNull');
      // Strapi offers every operator on every scalar's filter input; text ones on a number or a date
      // reach the database as LIKE on a non-text column, an error on PostgreSQL (a 500).
      if (GRAPHQL_TEXT_OPERATORS.has(key) && !TEXT_FILTER_INPUTS.has(type.name))
        throw ruleError(here, 'operatorNotApplicable', `${key} compares text and this field is not text`);
      if (key === 'in' || key === 'notIn' || key === 'between') {
        const items = Array.isArray(inner) ? inner : [inner];
        if (key === 'between' && items.length !== 2)
          throw ruleError(here, 'expectedList', `between takes a list of two values, got ${items.length}`);
        if (items.length > LIMITS.inList.value) throw limitError('inList', here, `a list of ${items.length}`);
      }
    }
  }
}

function pagination(value: Record<string, unknown>, at: string) {
  const pages = value.page !== undefined || value.pageSize !== undefined;
  const offsets = value.start !== undefined || value.limit !== undefined;
  if (pages && offsets) throw ruleError(at, 'badPagination', 'use page and pageSize, or start and limit, not both');
  if (typeof value.page === 'number' && value.page < 1)
    throw ruleError(`${at}.page`, 'badPagination', `page must be at least 1, got ${value.page}`);
  if (typeof value.start === 'number' && value.start < 0)
    throw ruleError(`${at}.start`, 'badPagination', `start must be at least 0, got ${value.start}`);
}

/** The Apollo plugin (config/plugins.ts) that runs the checks once the operation is known. */
export function graphqlShapePlugin(
  getStrapi: () => Core.Strapi = () => (globalThis as { strapi?: Core.Strapi }).strapi!,
) {
  let models: ShapeModel | undefined;
  let byFiltersType: Map<string, ModelShape> | undefined;
  const modelOfFilters = (name: string) => {
    if (!byFiltersType) {
      const strapi = getStrapi();
      models ??= buildShapeModel(strapi);
      byFiltersType = new Map();
      const naming = strapi.plugin('graphql').service('utils').naming;
      const schemas = {
        ...(strapi.contentTypes as Record<string, any>),
        ...(strapi.components as Record<string, any>),
      };
      for (const [uid, schema] of Object.entries(schemas)) {
        const model = models.get(uid);
        if (model) byFiltersType.set(naming.getFiltersInputTypeName(schema), model);
      }
    }
    return byFiltersType.get(name);
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }: any) {
          if (!operation) return;
          models ??= buildShapeModel(getStrapi());
          try {
            checkGraphqlArguments(schema, document, operation, request.variables ?? {}, models, modelOfFilters);
          } catch (error) {
            if (!(error instanceof ShapeError)) {
              // A fault in the checks must not turn a query into a 500: GraphQL's and Strapi's own checks still run.
              getStrapi().log.warn(`[asb] GraphQL argument check failed: ${(error as Error).message}`);
              return;
            }
            const rule =
              error.rule in SHAPE_RULES
                ? SHAPE_RULES[error.rule as keyof typeof SHAPE_RULES]
                : LIMITS[error.rule as keyof typeof LIMITS].name;
            throw new GraphQLError(error.message, {
              extensions: {
                code: 'BAD_USER_INPUT',
                argument: error.parameter,
                rule,
                ...(error.limit !== undefined ? { limit: error.limit } : {}),
                http: { status: 400 },
              },
            });
          }
        },
      };
    },
  };
}
