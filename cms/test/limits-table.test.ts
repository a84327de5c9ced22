import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/api-protection/limits';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';

/**
 * docs/partner-api.md's "Limits" table against the running CMS: for every row, a request just over
 * the limit gets exactly the status and message the table gives, and one at the limit is accepted.
 * Every limit of src/api-protection/limits.ts has a row, with the value the code uses.
 */
const skip = await databaseSkipReason();
const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'partner-api.md'), 'utf8');

interface Row {
  limit: string;
  appliesTo: string;
  value: string;
  status: number;
  message: string;
}

function limitsTable(): Row[] {
  const section = docs.slice(docs.indexOf('## Limits\n'), docs.indexOf('\n## ', docs.indexOf('## Limits\n') + 5));
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  return lines.slice(2).map((line) => {
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
    const [limit = '', appliesTo = '', value = '', status = '', message = ''] = cells;
    return { limit, appliesTo, value, status: Number(status), message: message.replace(/^`|`$/g, '') };
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The documented message as a pattern: `<parameter>` is the one the probe names, `<sent>` and `…` anything. */
function documented(message: string, parameter: string): RegExp {
  const pattern = message
    .split(/(<parameter>|<sent>|<operation>|…)/)
    .map((part) =>
      part === '<parameter>'
        ? escape(parameter)
        : part === '<sent>' || part === '<operation>'
          ? '[^;]+?'
          : part === '…'
            ? '.*'
            : escape(part),
    )
    .join('');
  return new RegExp(`^${pattern}$`, 's');
}

interface Answer {
  status: number;
  message: string | undefined;
}
interface Probe {
  name: string;
  parameter: string;
  over(): Promise<Answer>;
  at(): Promise<Answer>;
  /** What "accepted" means when the answer at the limit is a 200 whose content shows the limit (page size). */
  accepted?(answer: any): void;
}

const RATE_ROWS = new Set(['rate limit without token', 'rate limit with token']);

describe.runIf(!skip)(`the limits table of docs/partner-api.md, on ${databaseKind}`, () => {
  let cms: TestCms;
  const rest = async (query: string): Promise<Answer & { body: any }> => {
    const res = await cms.http.get(`/api/projects?${query}`);
    return { status: res.status, message: res.body?.error?.message, body: res.body };
  };
  const gql = async (query: string, variables?: Record<string, unknown>): Promise<Answer & { body: any }> => {
    const res = await graphql(cms, query, variables);
    return { status: res.status, message: res.body?.errors?.[0]?.message, body: res.body };
  };
  const gqlBody = async (body: string): Promise<Answer> => {
    const res = await cms.http.post('/graphql').set('Content-Type', 'application/json').send(body);
    return { status: res.status, message: res.body?.errors?.[0]?.message };
  };
  const ands = (levels: number) => `${'[$and][0]'.repeat(levels)}`;
  const gqlAnds = (levels: number) => {
    let filter = '{ title: { eq: "x" } }';
    for (let i = 0; i < levels; i++) filter = `{ and: [${filter}] }`;
    return filter;
  };
  const list = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join('&');
  const sortFields = ['title', 'slug', 'documentId', 'startDate', 'endDate', 'createdAt'];

  const probes: Record<string, Probe[]> = {
    'filter depth limit': [
      {
        name: 'REST',
        parameter: `filters${ands(6)}`,
        over: () => rest(`filters${ands(6)}[title][$eq]=x`),
        at: () => rest(`filters${ands(5)}[title][$eq]=x`),
      },
      {
        name: 'GraphQL',
        parameter: `projects.filters${'.and[0]'.repeat(6)}`,
        over: () => gql(`{ projects(filters: ${gqlAnds(6)}) { title } }`),
        at: () => gql(`{ projects(filters: ${gqlAnds(5)}) { title } }`),
      },
    ],
    'filter conditions limit': [
      {
        name: 'REST',
        parameter: 'filters[$or][50][title][$eq]',
        over: () => rest(list(51, (i) => `filters[$or][${i}][title][$eq]=x${i}`)),
        at: () => rest(list(50, (i) => `filters[$or][${i}][title][$eq]=x${i}`)),
      },
      {
        name: 'GraphQL',
        parameter: 'projects.filters.or[50].title.eq',
        over: () => gql(`{ projects(filters: { or: [${'{ title: { eq: "x" } }, '.repeat(51)}] }) { title } }`),
        at: () => gql(`{ projects(filters: { or: [${'{ title: { eq: "x" } }, '.repeat(50)}] }) { title } }`),
      },
    ],
    'filter list limit': [
      {
        name: 'REST',
        parameter: 'filters[documentId][$in]',
        over: () => rest(list(101, (i) => `filters[documentId][$in][${i}]=d${i}`)),
        at: () => rest(list(100, (i) => `filters[documentId][$in][${i}]=d${i}`)),
      },
      {
        name: 'GraphQL (a variable, as the site sends it)',
        parameter: 'projects.filters.documentId.in',
        over: () =>
          gql('query ($ids: [ID]) { projects(filters: { documentId: { in: $ids } }) { title } }', {
            ids: Array.from({ length: 101 }, (_, i) => `d${i}`),
          }),
        at: () =>
          gql('query ($ids: [ID]) { projects(filters: { documentId: { in: $ids } }) { title } }', {
            ids: Array.from({ length: 100 }, (_, i) => `d${i}`),
          }),
      },
    ],
    'sort keys limit': [
      {
        name: 'REST',
        parameter: 'sort[5]',
        over: () => rest(list(6, (i) => `sort[${i}]=${sortFields[i]}:asc`)),
        at: () => rest(list(5, (i) => `sort[${i}]=${sortFields[i]}:asc`)),
      },
      {
        name: 'GraphQL',
        parameter: 'projects.sort[5]',
        over: () => gql(`{ projects(sort: ${JSON.stringify(sortFields.map((f) => `${f}:asc`))}) { title } }`),
        at: () => gql(`{ projects(sort: ${JSON.stringify(sortFields.slice(0, 5).map((f) => `${f}:asc`))}) { title } }`),
      },
    ],
    'list length limit': [
      {
        name: 'REST',
        parameter: 'fields',
        over: () => rest(list(101, (i) => `fields[${i}]=title`)),
        at: () => rest(list(100, (i) => `fields[${i}]=title`)),
      },
      {
        name: 'GraphQL',
        parameter: 'projects.filters.and',
        over: () => gql(`{ projects(filters: { and: [${'{}, '.repeat(101)}] }) { title } }`),
        at: () => gql(`{ projects(filters: { and: [${'{}, '.repeat(100)}] }) { title } }`),
      },
    ],
    'query string limit': [
      {
        name: 'REST',
        parameter: 'query string',
        over: () => rest(`filters[title][$ne]=${'x'.repeat(8193 - 'filters[title][$ne]='.length)}`),
        at: () => rest(`filters[title][$ne]=${'x'.repeat(8192 - 'filters[title][$ne]='.length)}`),
      },
    ],
    'search length limit': [
      {
        name: 'REST',
        parameter: '_q',
        over: () => rest(`_q=${'x'.repeat(201)}`),
        at: () => rest(`_q=${'x'.repeat(200)}`),
      },
    ],
    'populate depth limit': [
      {
        name: 'REST',
        parameter: 'populate',
        over: () => rest('populate[funders][populate][projects][populate][programme][populate]=*'),
        at: () => rest('populate[funders][populate][projects][populate]=*'),
      },
    ],
    'page size': [
      {
        name: 'REST',
        parameter: 'pagination[pageSize]',
        over: () => rest('pagination[pageSize]=101'),
        at: () => rest('pagination[pageSize]=100'),
        accepted: (body) => expect(body.meta.pagination.pageSize).toBe(100),
      },
      {
        name: 'GraphQL',
        parameter: 'projects_connection.pagination',
        over: () => gql('{ projects_connection(pagination: { pageSize: 101 }) { pageInfo { pageSize } } }'),
        at: () => gql('{ projects_connection(pagination: { pageSize: 100 }) { pageInfo { pageSize } } }'),
        accepted: (body) => expect(body.data.projects_connection.pageInfo.pageSize).toBe(100),
      },
    ],
    'GraphQL depth limit': [
      {
        name: 'GraphQL',
        parameter: 'Deep',
        // The top-level field is depth 0: programmes(0) projects(1) programme(2) … title(8) is at the limit;
        // one item per list, so that the cost limit stays far away.
        over: () => gql(`query Deep { ${deep(10)} }`),
        at: () => gql(`query Deep { ${deep(9)} }`),
      },
    ],
    'GraphQL aliases limit': [
      {
        name: 'GraphQL',
        parameter: 'a30',
        over: () => gql(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: i18NLocales { code }`).join(' ')} }`),
        at: () => gql(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: i18NLocales { code }`).join(' ')} }`),
      },
    ],
    'GraphQL query cost limit': [
      {
        name: 'GraphQL',
        parameter: '',
        // 10 × 100 × (1 + 99) = 100,000; one more funder per project: 100,100.
        over: () =>
          gql(
            `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: projects(pagination: { pageSize: 100 }) { funders(pagination: { limit: ${i === 0 ? 100 : 99} }) { name } }`).join(' ')} }`,
          ),
        at: () =>
          gql(
            `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: projects(pagination: { pageSize: 100 }) { funders(pagination: { limit: 99 }) { name } }`).join(' ')} }`,
          ),
      },
    ],
    'GraphQL query size limit': [
      {
        name: 'GraphQL',
        parameter: '',
        // F4 expands to 10,000 fields; two spreads are 20,000.
        over: () => gql(`{ ...F4 ...F4 __typename } ${fragmentLadder()}`),
        at: () => gql(`{ ...F4 ...F4 } ${fragmentLadder()}`),
      },
    ],
    'GraphQL nesting limit': [
      {
        name: 'GraphQL',
        parameter: 'variables',
        // The variables object is one level; the unused variable holds the rest.
        over: () => gql('{ __typename }', { v: nestedList(40) }),
        at: () => gql('{ __typename }', { v: nestedList(39) }),
      },
    ],
    'request body limit': [
      {
        name: 'GraphQL',
        parameter: 'body',
        over: () => gqlBody(paddedBody(1024 * 1024 + 1)),
        at: () => gqlBody(paddedBody(1024 * 1024)),
      },
    ],
  };

  beforeAll(async () => {
    cms = await bootCms({ RATE_LIMIT: 'off', API_CACHE: 'off' });
  });
  afterAll(async () => cms?.stop());

  it('has a row for every limit in src/api-protection/limits.ts, with the value the code uses', () => {
    const rows = limitsTable();
    for (const limit of Object.values(LIMITS)) {
      const row = rows.find((r) => r.limit === limit.name);
      expect(row, limit.name).toBeDefined();
      expect(Number(row!.value.replace(/[^\d]/g, '')), limit.name).toBe(limit.value);
      expect(row!.status, limit.name).toBe(limit.status);
    }
    for (const row of rows) {
      if (!RATE_ROWS.has(row.limit)) expect(Object.keys(probes), row.limit).toContain(row.limit);
    }
  });

  for (const row of limitsTable()) {
    if (RATE_ROWS.has(row.limit)) continue; // test/partner-api.test.ts, "rate limits"
    it(`${row.limit}: over it ${row.status} with the documented message; at it accepted`, async () => {
      for (const probe of probes[row.limit] ?? []) {
        const over = await probe.over();
        expect(over.status, `${row.limit}, ${probe.name}, over`).toBe(row.status);
        if (row.status !== 200)
          expect(over.message, `${row.limit}, ${probe.name}`).toMatch(documented(row.message, probe.parameter));
        const at = (await probe.at()) as Answer & { body?: any };
        expect(at.status, `${row.limit}, ${probe.name}, at the limit: ${at.message}`).toBe(200);
        expect(at.body?.errors, `${row.limit}, ${probe.name}, at the limit`).toBeUndefined();
        if (probe.accepted) {
          probe.accepted(at.body);
          probe.accepted((over as Answer & { body?: any }).body);
        }
      }
    });
  }
});

/** `levels` levels of fields, alternating programmes' projects and projects' programme, one item per list. */
function deep(levels: number): string {
  let text = 'title';
  for (let level = levels - 1; level >= 1; level--) {
    const field =
      level === 1
        ? 'programmes(pagination: { pageSize: 1 })'
        : level % 2 === 0
          ? 'projects(pagination: { limit: 1 })'
          : 'programme';
    text = `${field} { ${text} }`;
  }
  return text;
}

function fragmentLadder(): string {
  let text = 'fragment F0 on Query { __typename }\n';
  for (let i = 1; i <= 4; i++)
    text += `fragment F${i} on Query { ${Array(10)
      .fill(`...F${i - 1}`)
      .join(' ')} }\n`;
  return text;
}

function nestedList(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

/** A GraphQL request body of exactly `bytes` bytes: a small query and spaces. */
function paddedBody(bytes: number): string {
  const json = JSON.stringify({ query: '{ __typename }' });
  return json.slice(0, -1) + ' '.repeat(bytes - json.length) + '}';
}
