import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findLeaks, type Leak } from './support/disclosure';

/**
 * The checker of test/error-disclosure.test.ts (and of any suite that produces errors) must find
 * every kind of leak it names, planted in real-looking answers, and must pass the answers the CMS
 * gives when it reveals nothing. No CMS here: it is a pure function.
 */
const kinds = (leaks: Leak[]) => [...new Set(leaks.map((leak) => leak.kind))].sort();
const strapiError = (status: number, name: string, message: string, details: unknown = {}) => ({
  data: null,
  error: { status, name, message, details },
});

describe('findLeaks', () => {
  it('finds a real stack trace of this process, with its file paths', () => {
    const stack = new Error('boom').stack!;
    const leaks = findLeaks({ status: 500, body: strapiError(500, 'InternalServerError', stack) });
    expect(kinds(leaks)).toEqual(expect.arrayContaining(['stack-trace', 'file-path']));
  });

  it.each([
    ['a Node stack frame', 'at Object.<anonymous> (/app/dist/src/index.js:25:57)', 'stack-trace'],
    ['an async frame with a file URL', 'at async load (file:///srv/cms/scripts/strapi-app.mjs:28:3)', 'stack-trace'],
    ['a frame without a function name', '    at /usr/lib/node/foo.js:1:2', 'stack-trace'],
    [
      'a Node internal frame',
      'at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
      'stack-trace',
    ],
    ['an absolute path', 'ENOENT: cannot open /home/asb/cms/.tmp/data.db', 'file-path'],
    ['a path to a source file', "Cannot find module '/opt/x/dist/config/plugins.js'", 'file-path'],
    ['a Windows path', 'C:\\Users\\asb\\cms\\dist\\index.js', 'file-path'],
    ['node_modules', 'in node_modules/.pnpm/foo', 'node-modules'],
    ['a Strapi package', 'thrown by @strapi/core', 'package'],
    ['knex', 'knex: Timeout acquiring a connection', 'package'],
    [
      'SQLite SQL',
      'select `t0`.`id` from `projects` as `t0` where `t0`.`foo` = ? - SQLITE_ERROR: no such column: t0.foo',
      'sql',
    ],
    ['PostgreSQL SQL', 'select "t0".* from "public"."funders" as "t0" - relation "funders" does not exist', 'sql'],
    ['an insert', 'insert into "projects" ("title") values ($1)', 'sql'],
    ['a constraint error', 'duplicate key value violates unique constraint "projects_pkey"', 'sql'],
    ['a model UID', 'Undefined attribute level operator id for model api::project.project', 'internal-id'],
    ['a join table', 'projects_funders_lnk is locked', 'internal-id'],
    ['a Node error code', 'connect ECONNREFUSED 127.0.0.1:5432', 'internal-id'],
  ])('finds %s in a message', (_what, message, kind) => {
    const leaks = findLeaks({ status: 400, body: strapiError(400, 'ValidationError', message) });
    expect(kinds(leaks)).toContain(kind);
  });

  it("finds GraphQL's extensions.stacktrace and a `stack` field", () => {
    const graphql = {
      errors: [
        {
          message: 'Syntax Error: Expected Name, found <EOF>.',
          extensions: { code: 'GRAPHQL_PARSE_FAILED', stacktrace: ['GraphQLError: Syntax Error'] },
        },
      ],
    };
    expect(kinds(findLeaks({ status: 400, body: graphql }))).toContain('stack-trace');
    expect(kinds(findLeaks({ status: 500, body: { error: { stack: 'x' } } }))).toContain('stack-trace');
  });

  it('finds database fields and a numeric row id in an error body', () => {
    const leaks = findLeaks({
      status: 400,
      body: strapiError(400, 'ValidationError', 'Invalid relation', { errno: 19, sql: 'x', errors: [{ id: 12 }] }),
    });
    expect(leaks.map((l) => l.match)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error\.details\.errno/),
        expect.stringMatching(/sql/),
        expect.stringMatching(/\.id: 12$/),
      ]),
    );
  });

  it('finds a header that names the software, and a leak inside a header', () => {
    const leaks = findLeaks({
      status: 404,
      headers: { 'X-Powered-By': 'Strapi <strapi.io>', 'x-debug': 'at fn (/app/x.js:1:1)' },
      body: '',
    });
    expect(leaks.map((l) => `${l.kind} ${l.where}`)).toEqual(
      expect.arrayContaining(['software header x-powered-by', 'stack-trace header x-debug']),
    );
  });

  it('reads bodies as bytes, gzipped or not, and as text', () => {
    const text = JSON.stringify(strapiError(500, 'Error', 'at f (/app/a.js:1:1)'));
    for (const body of [Buffer.from(text), gzipSync(text), text]) {
      expect(kinds(findLeaks({ status: 500, body }))).toContain('stack-trace');
    }
  });

  it('passes the answers of a CMS that reveals nothing', () => {
    const clean = [
      { status: 404, body: strapiError(404, 'NotFoundError', 'Not Found') },
      { status: 401, body: strapiError(401, 'UnauthorizedError', 'Missing or invalid credentials') },
      { status: 403, body: strapiError(403, 'ForbiddenError', 'Forbidden') },
      { status: 500, body: strapiError(500, 'InternalServerError', 'Internal Server Error') },
      {
        status: 400,
        body: strapiError(400, 'ValidationError', 'Invalid key foo: select one of the fields from the list', {
          errors: [{ path: ['filters', 'foo'], message: 'Invalid key foo', name: 'ValidationError' }],
        }),
      },
      {
        status: 400,
        body: strapiError(400, 'ValidationError', 'See https://cms.example.org/docs/openapi.json and /api/projects'),
      },
      { status: 429, headers: { 'retry-after': '12', 'ratelimit-limit': '600', 'content-type': 'application/json' } },
      {
        status: 200,
        headers: {
          'content-security-policy': "default-src 'self'; img-src 'self' data: blob:",
          'set-cookie': 'a=b; Path=/admin',
        },
        // Success bodies carry row ids by Strapi's design; only error bodies must not.
        body: { data: [{ id: 3, documentId: 'abc123', title: 'Update the set of partners' }], meta: {} },
      },
      {
        status: 400,
        body: {
          errors: [
            { message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
          ],
        },
      },
    ];
    for (const answer of clean) expect(findLeaks(answer), JSON.stringify(answer)).toEqual([]);
  });
});
