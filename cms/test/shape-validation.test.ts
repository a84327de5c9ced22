import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';
import { createApiToken, listen } from './support/partner-api';

/** A POST with a body sent byte for byte (supertest would serialise a Buffer as JSON). */
function postBytes(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Shape validation (src/api-protection/query-shape.ts, graphql-shape.ts, graphql-request.ts,
 * request-body.ts): one malformed request per rule, REST and GraphQL, anonymous and with a
 * read-only token. Each is a 400 (413/415 for bodies) in the documented error format that names
 * the parameter and the rule. Before these checks several of them were 500s or ran.
 */
const skip = await databaseSkipReason();

/** [rule as reported, query string, parameter named] */
const REST_CASES: [string, string, string][] = [
  ['unknown parameter', 'foo=bar', 'foo'],
  ['unknown parameter', 'populate[funders][foo]=1', 'populate[funders][foo]'],
  ['unknown field', 'filters[nope][$eq]=1', 'filters[nope]'],
  ['unknown field', 'filters[funders][nope][$eq]=1', 'filters[funders][nope]'],
  ['unknown field', 'fields[0]=funders', 'fields[0]'],
  ['unknown operator', 'filters[title][$foo]=1', 'filters[title][$foo]'],
  ['operator applied to an operator', 'filters[title][$eq][$eq]=1', 'filters[title][$eq]'],
  ['operator does not apply to this field', 'filters[$eq]=1', 'filters[$eq]'],
  ['operator does not apply to this field', 'filters[body][$eq]=x', 'filters[body][$eq]'],
  ['operator does not apply to this field', 'filters[body]=x', 'filters[body]'],
  ['expected a list', 'filters[title][$between]=1', 'filters[title][$between]'],
  ['expected a list', 'filters[title][$between][0]=a', 'filters[title][$between]'],
  ['expected a list', 'filters[$and]=1', 'filters[$and]'],
  ['expected a list', 'filters[$or]=x', 'filters[$or]'],
  ['expected a list', 'filters[title][$in]=a', 'filters[title][$in]'],
  ['expected an object', 'filters=5', 'filters'],
  ['expected an object', 'filters[$and][0]=x', 'filters[$and][0]'],
  ['expected a single value', 'locale[0]=en', 'locale'],
  ['wrong value type', 'filters[id][$eq]=abc', 'filters[id][$eq]'],
  ['wrong value type', 'filters[createdAt][$gt]=yesterday', 'filters[createdAt][$gt]'],
  ['wrong value type', 'filters[title][$null]=maybe', 'filters[title][$null]'],
  ['wrong value type', 'pagination[pageSize]=abc', 'pagination[pageSize]'],
  ['invalid sort', 'sort=title:sideways', 'sort'],
  ['invalid sort', 'sort=funders:asc', 'sort'],
  ['invalid sort', 'sort[0]=title&sort[1]=programme.title&sort[2]=title:desc', 'sort[2]'],
  ['invalid pagination', 'pagination[page]=0', 'pagination[page]'],
  ['invalid pagination', 'pagination[page]=1&pagination[start]=0', 'pagination[page]'],
  ['filter depth limit', `filters${'[$and][0]'.repeat(7)}[title][$eq]=x`, `filters${'[$and][0]'.repeat(6)}`],
  [
    'filter list limit',
    Array.from({ length: 101 }, (_, i) => `filters[slug][$in][${i}]=s${i}`).join('&'),
    'filters[slug][$in]',
  ],
];

/** [rule, query, variables, argument named] */
const GRAPHQL_CASES: [string, string, Record<string, unknown> | undefined, string][] = [
  [
    'expected a list',
    '{ projects(filters: { title: { between: "x" } }) { title } }',
    undefined,
    'projects.filters.title.between',
  ],
  [
    'expected a list',
    'query ($f: ProjectFiltersInput) { projects(filters: $f) { title } }',
    { f: { title: { between: ['a', 'b', 'c'] } } },
    'projects.filters.title.between',
  ],
  [
    'operator does not apply to this field',
    '{ projects(filters: { body: { eq: "x" } }) { title } }',
    undefined,
    'projects.filters.body.eq',
  ],
  [
    'operator does not apply to this field',
    '{ projects(filters: { updatedAt: { endsWith: "2020-01-01T00:00:00.000Z" } }) { title } }',
    undefined,
    'projects.filters.updatedAt.endsWith',
  ],
  ['unknown field', '{ projects(sort: ["nope:asc"]) { title } }', undefined, 'projects.sort[0]'],
  ['invalid sort', '{ list: projects(sort: "title:sideways") { title } }', undefined, 'list.sort[0]'],
  ['invalid sort', '{ projects { funders(sort: "name:up") { name } } }', undefined, 'projects.funders.sort[0]'],
  ['invalid pagination', '{ projects(pagination: { page: 1, start: 3 }) { title } }', undefined, 'projects.pagination'],
  ['invalid pagination', '{ projects(pagination: { page: 0 }) { title } }', undefined, 'projects.pagination.page'],
  [
    'filter depth limit',
    'query ($f: ProjectFiltersInput) { projects(filters: $f) { title } }',
    { f: nestAnd(7) },
    `projects.filters${'.and[0]'.repeat(6)}`,
  ],
  [
    'filter conditions limit',
    `{ projects(filters: { or: [${'{ title: { eq: "x" } } '.repeat(51)}] }) { title } }`,
    undefined,
    'projects.filters.or[50].title.eq',
  ],
  [
    'GraphQL nesting limit',
    'query ($f: ProjectFiltersInput) { projects(filters: $f) { title } }',
    { f: nestAnd(1000) },
    'variables',
  ],
  ['GraphQL nesting limit', `{ projects(filters: ${nestAndText(1000)}) { title } }`, undefined, 'query'],
];

function nestAnd(levels: number): unknown {
  let filter: unknown = { title: { eq: 'x' } };
  for (let i = 0; i < levels; i++) filter = { and: [filter] };
  return filter;
}
function nestAndText(levels: number): string {
  let filter = '{ title: { eq: "x" } }';
  for (let i = 0; i < levels; i++) filter = `{ and: [${filter}] }`;
  return filter;
}

describe.runIf(!skip)(`shape validation on ${databaseKind}`, () => {
  let cms: TestCms;
  let token: string;
  let fullAccess: string;
  let base: string;

  beforeAll(async () => {
    cms = await bootCms({ RATE_LIMIT: 'off', API_CACHE: 'off' });
    base = await listen(cms);
    token = (await createApiToken(cms, 'partner', 'read-only')).accessKey;
    fullAccess = (await createApiToken(cms, 'preview', 'full-access')).accessKey;
  });
  afterAll(async () => cms?.stop());

  const whom = () =>
    [
      ['anonymous', {}],
      ['read-only token', { Authorization: `Bearer ${token}` }],
    ] as [string, Record<string, string>][];

  for (const [rule, query, parameter] of REST_CASES) {
    it(`REST ${query.slice(0, 70)}: 400, ${rule}, names ${parameter.slice(0, 50)}`, async () => {
      for (const [who, headers] of whom()) {
        const res = await cms.http.get(`/api/projects?${query}`).set(headers);
        expect(res.status, who).toBe(400);
        expect(res.body.data, who).toBeNull();
        expect(res.body.error, who).toMatchObject({ status: 400, name: 'ValidationError' });
        expect(res.body.error.details, who).toMatchObject({ source: 'query', param: parameter, rule });
        expect(res.body.error.message.startsWith(`${parameter}: `), res.body.error.message).toBe(true);
        expect(res.body.error.message, who).toContain(`(${rule})`);
      }
    });
  }

  for (const [rule, query, variables, argument] of GRAPHQL_CASES) {
    it(`GraphQL ${query.slice(0, 70)}: 400, ${rule}, names ${argument.slice(0, 50)}`, async () => {
      for (const [who, headers] of whom()) {
        const res = await graphql(cms, query, variables, headers);
        expect(res.status, who).toBe(400);
        expect(res.body.data, who).toBeUndefined();
        expect(res.body.errors, who).toHaveLength(1);
        expect(res.body.errors[0].extensions, who).toMatchObject({ argument, rule });
        expect(['BAD_USER_INPUT', 'BAD_REQUEST']).toContain(res.body.errors[0].extensions.code);
        expect(res.body.errors[0].message.startsWith(`${argument}: `), res.body.errors[0].message).toBe(true);
      }
    });
  }

  it('GraphQL refuses a body that is not JSON, an unknown encoding (415) and one that is not what its encoding says (400)', async () => {
    for (const [who, headers] of whom()) {
      const text = await cms.http
        .post('/graphql')
        .set(headers)
        .set('Content-Type', 'text/plain')
        .send('{"query":"{ projects { title } }"}');
      expect(text.status, who).toBe(415);
      expect(text.body.errors[0].extensions).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', argument: 'body' });

      const compress = await cms.http
        .post('/graphql')
        .set(headers)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'compress')
        .send('{"query":"{ projects { title } }"}');
      expect(compress.status, who).toBe(415);

      const notGzip = await cms.http
        .post('/graphql')
        .set(headers)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send('{"query":"{ projects { title } }"}');
      expect(notGzip.status, who).toBe(400);
      expect(notGzip.body.errors[0].message).toMatch(/^body: the request body is not valid gzip/);
      expect(notGzip.body.errors[0].extensions.argument).toBe('body');

      // Real gzip is read, and so is its decoded size: a small bomb is a 413.
      const gzipHeaders = { ...headers, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };
      const gzipped = await postBytes(
        `${base}/graphql`,
        gzipHeaders,
        zlib.gzipSync('{"query":"{ funders { name } }"}'),
      );
      expect(gzipped.status, who).toBe(200);
      expect(gzipped.body.data.funders.length).toBeGreaterThan(0);
      const bomb = await postBytes(
        `${base}/graphql`,
        gzipHeaders,
        zlib.gzipSync(`{"query":"{ funders { name } }","x":"${' '.repeat(3 * 1024 * 1024)}"}`),
      );
      expect(bomb.status, who).toBe(413);
      expect(bomb.body.errors[0].extensions.argument).toBe('body');
    }
  });

  it('REST refuses a body that is not what its Content-Encoding says with a 400 naming the body, not a 500', async () => {
    for (const [who, headers] of whom()) {
      const res = await cms.http
        .post('/api/projects')
        .set(headers)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send('{"data":{}}');
      expect(res.status, who).toBe(400);
      expect(res.body.error).toMatchObject({ status: 400, details: { param: 'body' } });
    }
  });

  it('REST refuses a query string over the limit with 414, naming it', async () => {
    const res = await cms.http.get(`/api/projects?filters[title][$eq]=${'x'.repeat(9000)}`);
    expect(res.status).toBe(414);
    expect(res.body.error.details).toMatchObject({ param: 'query string', rule: 'query string limit' });
  });

  it('$not under a relation means "has a related entry that does not match", REST and GraphQL (Strapi 5.54 answered 500)', async () => {
    const all = await cms.http.get(
      '/api/projects?locale=en&populate[funders][fields][0]=name&pagination[pageSize]=100',
    );
    expect(all.status).toBe(200);
    const projects = all.body.data as { documentId: string; funders: { name: string }[] }[];
    const name = projects.flatMap((project) => project.funders)[0]!.name;
    const expected = projects
      .filter((project) => project.funders.some((funder) => funder.name !== name))
      .map((project) => project.documentId)
      .sort();
    for (const [who, headers] of whom()) {
      const res = await cms.http
        .get(
          `/api/projects?locale=en&pagination[pageSize]=100&filters[funders][$not][name][$eq]=${encodeURIComponent(name)}`,
        )
        .set(headers);
      expect(res.status, `${who}: ${JSON.stringify(res.body.error)}`).toBe(200);
      expect((res.body.data as { documentId: string }[]).map((project) => project.documentId).sort(), who).toEqual(
        expected,
      );
      const gql = await graphql(
        cms,
        'query ($name: String) { projects(locale: "en", pagination: { pageSize: 100 }, filters: { funders: { not: { name: { eq: $name } } } }) { documentId } }',
        { name },
        headers,
      );
      expect(gql.body.errors, who).toBeUndefined();
      expect(
        (gql.body.data.projects as { documentId: string }[]).map((project) => project.documentId).sort(),
        who,
      ).toEqual(expected);
    }
  });

  it('inside populate, a sort through a further relation is a 400 naming it (Strapi 5.54 wrote broken SQL: a 500)', async () => {
    for (const [who, headers] of whom()) {
      const res = await cms.http.get('/api/projects?populate[funders][sort][0]=projects.title').set(headers);
      expect(res.status, who).toBe(400);
      expect(res.body.error.details, who).toMatchObject({ param: 'populate[funders][sort][0]' });
    }
  });

  it('keeps well-formed queries working: filters through relations and localizations, sort, fields, populate, $in, $between', async () => {
    for (const query of [
      'locale=en&fields[0]=title&fields[1]=slug&populate[funders][fields][0]=name&sort[0]=title:asc',
      'filters[funders][name][$containsi]=e&filters[localizations][title][$notNull]=true',
      'filters[$or][0][phase][$eq]=ongoing&filters[$or][1][phase][$eq]=completed&sort=programme.title:desc',
      'filters[documentId][$in][0]=a&filters[documentId][$in][1]=b&pagination[page]=1&pagination[pageSize]=10',
      'filters[createdAt][$between][0]=2000-01-01&filters[createdAt][$between][1]=2100-01-01T00:00:00Z',
      'filters[title][$not][$contains]=zzz&populate=*',
      'populate[programme][populate]=*&populate[funders][filters][name][$ne]=x&populate[funders][sort]=name:asc',
    ]) {
      for (const [who, headers] of whom()) {
        const res = await cms.http.get(`/api/projects?${query}`).set(headers);
        expect(res.status, `${who}: ${query} ${JSON.stringify(res.body.error)}`).toBe(200);
      }
    }
    // The preview (a full-access token) still reads drafts.
    const drafts = await cms.http
      .get('/api/projects?status=draft&locale=en')
      .set({ Authorization: `Bearer ${fullAccess}` });
    expect(drafts.status).toBe(200);
    const gql = await graphql(
      cms,
      'query ($ids: [ID]) { projects(filters: { documentId: { in: $ids }, createdAt: { between: ["2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z"] } }, sort: ["title:asc", "documentId:desc"]) { title funders(sort: "name:asc") { name } } }',
      { ids: ['a', 'b'] },
    );
    expect(gql.status).toBe(200);
    expect(gql.body.errors).toBeUndefined();
  });
});
