import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface CostLimits {
  maxCost: number;
  /** What Strapi returns when a list is asked for without `pagination`. */
  defaultPageSize: number;
  /** What Strapi returns at most, whatever is asked for. */
  maxPageSize: number;
  /** What a `filters` argument given as one variable counts as (its conditions are not known yet). */
  maxFilterConditions: number;
}

/**
 * What a list field without `pagination` declares in its schema extensions (`costExtension(n)`):
 * how many objects it counts as. Without it such a field would cost as one object, however long
 * the list it returns (src/graphql/document-stamps.ts lists a whole type in one field).
 */
export interface CostExtension {
  items: number;
}

export function costExtension(items: number): { cost: CostExtension } {
  return { cost: { items } };
}

function declaredItems(extensions: unknown): number | undefined {
  const items = (extensions as { cost?: Partial<CostExtension> } | null | undefined)?.cost?.items;
  return typeof items === 'number' ? items : undefined;
}

/**
 * The depth limit alone lets a query ask for 100 programmes × 100 projects × 100 funders × …
 * within eight levels, or repeat one big list under fifty aliases. The cost estimates the
 * objects a query can make the CMS read, before it runs:
 *
 *   cost(field with `pagination`) = page size × (1 + conditions of its filter + cost of its selection)
 *   cost(field declaring items)   = declared items × (1 + cost of its selection)
 *   cost(any other object field)  = 1 + cost of its selection
 *   cost(scalar, introspection)   = 0
 *
 * The page size is the literal `pageSize`/`limit` asked for (capped at the maximum, as Strapi
 * caps it), the default when none is given, and the maximum when it comes from a variable
 * (validation runs before variables are known) unless the variable has a default value.
 */
export function queryCost(context: ValidationContext, operation: OperationDefinitionNode, limits: CostLimits): number {
  const schema = context.getSchema();
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;
  const variableDefaults = new Map<string, ValueNode | undefined>(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue]),
  );
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();

  const selectionSetCost = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += selectionSetCost(selection.selectionSet, type);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  // Memoised per fragment: a fragment spread many times over costs many times, but is computed once
  // (so a "fragment bomb" cannot make the estimate itself expensive). Cycles are another rule's error.
  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = context.getFragment(name);
    if (!fragment || visiting.has(name)) return 0;
    const type = schema.getType(fragment.typeCondition.name.value);
    if (!type || !isCompositeType(type)) return 0;
    visiting.add(name);
    const cost = selectionSetCost(fragment.selectionSet, type);
    visiting.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType): number => {
    if (!node.selectionSet || node.name.value.startsWith('__')) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const definition = parent.getFields()[node.name.value];
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    const perItem = 1 + (isCompositeType(type) ? selectionSetCost(node.selectionSet, type) : 0);
    const paginated = definition.args.some((arg) => arg.name === 'pagination');
    // Every row read is tested against every condition of the list's filter.
    if (paginated) return pageSize(node) * (perItem + filterSize(node));
    const items = declaredItems(definition.extensions);
    return items === undefined ? perItem : items * perItem;
  };

  const pageSize = (node: FieldNode): number => {
    const argument = node.arguments?.find((a) => a.name.value === 'pagination');
    if (!argument) return limits.defaultPageSize;
    const pagination = resolve(argument.value);
    if (pagination === undefined) return limits.defaultPageSize;
    if (pagination === null || pagination.kind !== Kind.OBJECT) return limits.maxPageSize;
    const size = pagination.fields.find((f) => f.name.value === 'pageSize' || f.name.value === 'limit');
    if (!size) return limits.defaultPageSize;
    const value = resolve(size.value);
    if (value?.kind !== Kind.INT) return limits.maxPageSize;
    const n = Number(value.value);
    // Strapi reads `limit: -1` as "everything", and caps everything at the maximum.
    return n <= 0 || n > limits.maxPageSize ? limits.maxPageSize : n;
  };

  /** Conditions (operator and value) in a field's `filters`; a whole filter from a variable counts as the most allowed. */
  const filterSize = (node: FieldNode): number => {
    const argument = node.arguments?.find((a) => a.name.value === 'filters');
    if (!argument) return 0;
    let conditions = 0;
    const walk = (value: ValueNode, depth: number) => {
      if (depth > 64) return; // the nesting limit (graphql-request.ts) refuses deeper text before this runs
      if (value.kind === Kind.VARIABLE) conditions += depth === 0 ? limits.maxFilterConditions : 1;
      else if (value.kind === Kind.OBJECT) {
        for (const field of value.fields) {
          if (field.value.kind === Kind.OBJECT || field.value.kind === Kind.LIST) walk(field.value, depth + 1);
          else conditions += 1; // a value, or a variable holding one
        }
      } else if (value.kind === Kind.LIST) {
        // A list of conditions (`and`, `or`), or the values of one (`in`, `between`).
        if (value.values.some((item) => item.kind === Kind.OBJECT))
          for (const item of value.values) walk(item, depth + 1);
        else conditions += 1;
      }
    };
    walk(argument.value, 0);
    return conditions;
  };

  /** A literal stays itself; a variable becomes its default, or null ("unknown") when it has none. */
  const resolve = (value: ValueNode): ValueNode | null | undefined => {
    if (value.kind !== Kind.VARIABLE) return value;
    const fallback = variableDefaults.get(value.name.value);
    return fallback === undefined ? null : fallback;
  };

  return selectionSetCost(operation.selectionSet, root);
}

/** An Apollo validation rule: a query above the limit is refused (HTTP 400) before anything runs. */
export function costLimitRule(limits: CostLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const cost = queryCost(context, node, limits);
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `Query cost ${cost} is above the maximum of ${limits.maxCost} (GraphQL query cost limit). Every list ` +
              `multiplies the cost of what it selects by its page size (${limits.defaultPageSize} when not given, ` +
              `${limits.maxPageSize} when it is a variable without a default, and a whole-type list such as projectStamps by ` +
              `the number of objects its schema declares), and each list's filter conditions by it too; ask for smaller pages, ` +
              `fewer nested lists or fewer aliases.`,
            { nodes: [node], extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: limits.maxCost } },
          ),
        );
      }
      return false;
    },
  });
}
