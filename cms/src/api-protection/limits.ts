/**
 * Every bound of the partner API's request shapes, in one place: config/api.ts, config/plugins.ts,
 * config/middlewares.ts and the shape checks (query-shape.ts, graphql-shape.ts, graphql-request.ts)
 * read their values from here, and docs/partner-api.md's "Limits" table lists each one with the
 * message a client gets over it (test/limits-table.test.ts checks the table against a running CMS).
 *
 * The messages are built by `limitMessage` so that the docs, the code and the test agree on one
 * text: `<parameter>: <what was sent>; the maximum is <limit> (<name>).`
 */

export interface Limit {
  /** Named in every message, so that a client can look the limit up in the docs. */
  name: string;
  value: number;
  /** The HTTP status of a request over the limit. */
  status: number;
}

export const LIMITS = {
  /** Levels of `$and`/`$or`/`$not` and of relations or components a filter walks through. */
  filterDepth: { name: 'filter depth limit', value: 6, status: 400 },
  /** Conditions (field and operator pairs) in one request's filters, nested populate filters included. */
  filterConditions: { name: 'filter conditions limit', value: 50, status: 400 },
  /** Values in one `$in` / `$notIn` (GraphQL `in` / `notIn`) list; the site asks for 100 documents by id at once. */
  inList: { name: 'filter list limit', value: 100, status: 400 },
  /** Fields a list may be sorted by at once. */
  sortKeys: { name: 'sort keys limit', value: 5, status: 400 },
  /** Items in any other list a query parameter holds (`fields`, `populate`, `$and`, …). */
  listLength: { name: 'list length limit', value: 100, status: 400 },
  /** Characters of a REST query string (the part after `?`). */
  queryString: { name: 'query string limit', value: 8192, status: 414 },
  /** Characters of a REST `_q` search. */
  searchLength: { name: 'search length limit', value: 200, status: 400 },
  /** REST: relation/component levels one `populate` asks for. */
  populateDepth: { name: 'populate depth limit', value: 3, status: 400 },
  /** REST and GraphQL: items per page (and per nested GraphQL list); more is capped, not refused. */
  pageSize: { name: 'page size', value: 100, status: 200 },
  /** GraphQL: levels of fields. The message is graphql-depth-limit's own. */
  graphqlDepth: { name: 'GraphQL depth limit', value: 8, status: 400 },
  /** GraphQL: fields with an alias in one request. */
  graphqlAliases: { name: 'GraphQL aliases limit', value: 30, status: 400 },
  /** GraphQL: the estimated objects a query reads (graphql-cost.ts). */
  graphqlCost: { name: 'GraphQL query cost limit', value: 100_000, status: 400 },
  /** GraphQL: fields once every fragment spread is expanded (graphql-request.ts). */
  graphqlExpandedFields: { name: 'GraphQL query size limit', value: 20_000, status: 400 },
  /** GraphQL: nesting of brackets in the query text and of objects/lists in `variables`. */
  graphqlNesting: { name: 'GraphQL nesting limit', value: 40, status: 400 },
  /** GraphQL: bytes of a request body, after decompression. */
  graphqlBody: { name: 'request body limit', value: 1024 * 1024, status: 413 },
} as const satisfies Record<string, Limit>;

export type LimitKey = keyof typeof LIMITS;

/** Defaults: clients get this many items when they do not ask for a page size. */
export const DEFAULT_PAGE_SIZE = 25;

/** The one text of a refusal for going over a limit. */
export function limitMessage(key: LimitKey, parameter: string, sent: string, value: number = LIMITS[key].value) {
  return `${parameter}: ${sent}; the maximum is ${value} (${LIMITS[key].name}).`;
}

/**
 * Rules of the shape checks that are not a number: a request breaking one gets a 400 naming the
 * parameter and the rule (`details.rule`, and the rule's words in the message).
 */
export const SHAPE_RULES = {
  unknownParameter: 'unknown parameter',
  unknownField: 'unknown field',
  unknownOperator: 'unknown operator',
  operatorOnOperator: 'operator applied to an operator',
  operatorNotApplicable: 'operator does not apply to this field',
  expectedList: 'expected a list',
  expectedObject: 'expected an object',
  expectedScalar: 'expected a single value',
  wrongType: 'wrong value type',
  badSort: 'invalid sort',
  badPagination: 'invalid pagination',
} as const;

export type ShapeRule = keyof typeof SHAPE_RULES;
