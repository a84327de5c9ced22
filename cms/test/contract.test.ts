import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerOpenApi, schemaName } from '../src/api-contract/openapi';
import { COMPONENT_DESCRIPTIONS, TYPE_DESCRIPTIONS } from '../src/api-contract/descriptions';
import { bootCms, databaseKind, databaseSkipReason, type TestCms } from './support/cms';
import { createApiToken, listen, requestFrom, type PlainResponse } from './support/partner-api';

/**
 * The published descriptions are the API, checked with tools nobody here wrote: every documented
 * REST operation's real answers (success and each documented error status) validate against
 * docs/openapi.json with Ajv; Redocly's recommended rules accept the document; graphql-http's
 * audits of /graphql pass every MUST; the GraphQL schema partners see offers only what they may do
 * and describes every field.
 */
const skip = await databaseSkipReason();
const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
const OPENAPI_FILE = path.join(root, 'docs', 'openapi.json');
const TOKEN_LIMIT = 30;
const PREVIEW_TOKEN = 'contract-test-preview-token-0123456789abcdef';

type Json = any;
const doc: Json = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8'));

/** `#/components/...` in the document. */
function resolve(value: Json): Json {
  if (!value?.$ref) return value;
  return value.$ref
    .slice(2)
    .split('/')
    .reduce((node: Json, key: string) => node[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// The document is the root of the refs (#/components/schemas/…); OpenAPI's own keywords are not schema keywords.
for (const keyword of ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'])
  ajv.addKeyword(keyword);
ajv.addSchema({ ...doc, $id: 'openapi.json' });
const validators = new Map<string, ValidateFunction>();
function validatorFor(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}
const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

interface Operation {
  path: string;
  operationId: string;
  responses: Record<string, Json>;
  parameters: Json[];
}
const operations: Operation[] = Object.entries(doc.paths as Record<string, Json>).map(([route, item]) => ({
  path: route,
  operationId: item.get.operationId,
  responses: item.get.responses,
  parameters: item.get.parameters.map(resolve),
}));
const exercised = new Set<string>();

/** Checks one real answer against what the document says of that operation and status. */
function expectDocumented(operation: Operation, res: PlainResponse, what: string) {
  const label = `${operation.operationId} ${res.status} (${what})`;
  const documented = operation.responses[String(res.status)];
  expect(documented, `${label}: status not documented; body ${res.text.slice(0, 300)}`).toBeDefined();
  exercised.add(`${operation.operationId} ${res.status}`);
  const response = resolve(documented);
  for (const [name, ref] of Object.entries(response.headers ?? {})) {
    const header = resolve(ref);
    const value = res.headers[name.toLowerCase()];
    if (header.required) expect(value, `${label}: header ${name}`).toBeDefined();
    if (value !== undefined) {
      const check = ajv.compile(header.schema);
      expect(check(value), `${label}: header ${name}: ${value}`).toBe(true);
    }
  }
  const content = response.content?.['application/json'];
  if (!content) {
    expect(res.text, `${label}: no body`).toBe('');
    return;
  }
  expect(res.headers['content-type'], label).toMatch(/^application\/json/);
  const pointer = `/paths/${escape(operation.path)}/get/responses/${res.status}`;
  // A response may be a $ref to components/responses: validate against the schema where it is.
  const schemaPointer = documented.$ref
    ? `${documented.$ref.slice(1)}/content/application~1json/schema`
    : `${pointer}/content/application~1json/schema`;
  const validate = validatorFor(schemaPointer);
  const valid = validate(res.json());
  const why = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  expect(valid, `${label}:\n${why.join('\n')}`).toBe(true);
}

describe.runIf(!skip)(`the API matches its published descriptions, on ${databaseKind}`, () => {
  let cms: TestCms;
  let base: string;
  let address = 10;
  /** A fresh client address each time, so the anonymous rate limit never interferes. */
  const get = (url: string, headers: Record<string, string> = {}) =>
    requestFrom(`127.0.${Math.floor(address / 200) + 1}.${(address++ % 200) + 2}`, `${base}${url}`, { headers });

  beforeAll(async () => {
    cms = await bootCms({
      REDIS_URL: '',
      RATE_LIMIT: 'on',
      API_CACHE: 'on',
      RATE_LIMIT_TOKEN_PER_MINUTE: String(TOKEN_LIMIT),
      PREVIEW_TOKEN,
    });
    base = await listen(cms);
  });
  afterAll(async () => cms?.stop());

  describe('docs/openapi.json', () => {
    it('is generated from the content model as it is now (pnpm --filter @asb/cms export-openapi)', () => {
      const live = partnerOpenApi(cms.strapi);
      expect(
        JSON.stringify(live) === JSON.stringify(doc),
        'docs/openapi.json is out of date: run pnpm --filter @asb/cms export-openapi',
      ).toBe(true);
    });

    it("passes Redocly's recommended rules with no error and no warning", async () => {
      const cli = path.join(__dirname, '..', 'node_modules', '.bin', 'redocly');
      const { stdout, stderr } = await run(cli, ['lint', OPENAPI_FILE, '--format', 'json'], {
        cwd: root,
        timeout: 60_000,
        // No network in CI: no telemetry, no update check.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      }).catch((error: { stdout: string; stderr: string }) => error);
      const report = JSON.parse(stdout);
      const problems = report.problems.map((p: Json) => `${p.severity} ${p.ruleId}: ${p.message}`);
      expect(problems, stderr).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    });

    it('describes every field of every type and component, with a summary on every operation', () => {
      for (const operation of operations) {
        const item = doc.paths[operation.path].get;
        expect(item.summary, operation.operationId).toBeTruthy();
        expect(item.description, operation.operationId).toBeTruthy();
      }
      const models = [
        ...Object.keys(TYPE_DESCRIPTIONS),
        ...Object.keys(COMPONENT_DESCRIPTIONS),
        'plugin::upload.file',
        'plugin::i18n.locale',
      ];
      for (const uid of models) {
        const model = cms.strapi.getModel(uid as never) as unknown as Parameters<typeof schemaName>[0] & {
          attributes: Record<string, { private?: boolean }>;
        };
        const schema = doc.components.schemas[schemaName(model)];
        expect(schema, uid).toBeDefined();
        for (const [field, attribute] of Object.entries(model.attributes)) {
          if (attribute.private || ['createdBy', 'updatedBy'].includes(field)) continue;
          // A file's and a locale's links (folder, related) are not sent.
          if (uid.startsWith('plugin::') && (attribute as { type?: string }).type === 'relation') continue;
          expect(schema.properties[field]?.description, `${uid}.${field} in openapi.json`).toBeTruthy();
        }
        for (const [field, property] of Object.entries(schema.properties as Record<string, Json>)) {
          expect(property.description, `${schemaName(model)}.${field}`).toBeTruthy();
        }
      }
    });
  });

  describe('every documented REST operation answers as documented', () => {
    const ids = new Map<string, string>();
    const collection = (operation: Operation) => operation.path.includes('{documentId}');
    const urlOf = (operation: Operation, query = '') => {
      let url = `/api${operation.path}`;
      if (collection(operation)) url = url.replace('{documentId}', ids.get(operation.path.split('/')[1]!)!);
      return query ? `${url}?${query}` : url;
    };

    beforeAll(async () => {
      for (const operation of operations.filter(collection)) {
        const type = operation.path.split('/')[1]!;
        const list = (await get(`/api/${type}?locale=en`)).json();
        ids.set(type, list.data[0].documentId);
      }
    });

    it('200: every operation, plain, in both languages, fully populated, with chosen fields, paged both ways', async () => {
      for (const operation of operations) {
        const queries =
          operation.path === '/i18n/locales' ? [''] : ['', 'locale=ka', 'locale=en', 'populate=*&locale=en'];
        if (operation.parameters.some((p) => p.name === 'populate')) {
          // Two levels: media inside components, relations of relations, localizations.
          queries.push('populate[seo][populate]=*&populate[localizations][populate]=*');
          const model = Object.values(cms.strapi.contentTypes).find(
            (ct) =>
              ct.uid.startsWith('api::') &&
              (`/${ct.info.pluralName}` === operation.path.replace('/{documentId}', '') ||
                `/${ct.info.singularName}` === operation.path),
          )!;
          const relations = Object.entries(model.attributes)
            .filter(
              ([name, a]) =>
                ['relation', 'component', 'media'].includes((a as { type: string }).type) &&
                !['createdBy', 'updatedBy', 'localizations'].includes(name),
            )
            .map(([name]) => name);
          queries.push(relations.map((name) => `populate[${name}][populate]=*`).join('&') + '&locale=ka');
          queries.push('fields[0]=documentId&fields[1]=locale');
        }
        if (operation.parameters.some((p) => p.name === 'pagination[start]')) {
          queries.push(
            'pagination[start]=1&pagination[limit]=2',
            'pagination[page]=2&pagination[pageSize]=1',
            'pagination[pageSize]=500',
          );
        }
        for (const query of queries) {
          const res = await get(urlOf(operation, query));
          expect(res.status, `${operation.operationId} ?${query}: ${res.text.slice(0, 300)}`).toBe(200);
          expectDocumented(operation, res, query || 'plain');
        }
      }
    });

    it('200 with a read-only partner token too', async () => {
      const token = await createApiToken(cms, 'contract-partner', 'read-only');
      for (const operation of operations) {
        const res = await get(urlOf(operation, operation.path === '/i18n/locales' ? '' : 'populate=*'), {
          Authorization: `Bearer ${token.accessKey}`,
        });
        expect(res.status, operation.operationId).toBe(200);
        expectDocumented(operation, res, 'read-only token');
      }
    });

    it('304: the ETag sent back as If-None-Match', async () => {
      for (const operation of operations) {
        const first = await get(urlOf(operation));
        const again = await get(urlOf(operation), { 'If-None-Match': first.headers.etag! });
        expect(again.status, operation.operationId).toBe(304);
        expectDocumented(operation, again, 'If-None-Match');
      }
    });

    it('400: an unknown locale, an unknown field, a draft asked for, populate too deep', async () => {
      for (const operation of operations.filter((o) => o.responses['400'])) {
        for (const query of [
          'locale=xx',
          'fields[0]=nope',
          'status=draft',
          'populate[a][populate][b][populate][c][populate]=*',
        ]) {
          const res = await get(urlOf(operation, query));
          expect(res.status, `${operation.operationId} ?${query}: ${res.text.slice(0, 200)}`).toBe(400);
          expectDocumented(operation, res, query);
        }
        const locale = (await get(urlOf(operation, 'locale=xx'))).json();
        expect(locale.error.message).toMatch(/Unknown locale "xx"; use one of: ka, en/);
      }
    });

    it('401: an unknown token', async () => {
      for (const operation of operations) {
        const res = await get(urlOf(operation), { Authorization: 'Bearer not-a-token' });
        expect(res.status, operation.operationId).toBe(401);
        expectDocumented(operation, res, 'unknown token');
      }
    });

    it('403: a token limited to other types', async () => {
      const tokens = cms.strapi.service('admin::api-token');
      const onlyLocales = await tokens.create({
        name: 'contract-locales-only',
        type: 'custom',
        lifespan: null,
        permissions: ['plugin::i18n.locales.listLocales'],
      });
      const onlyFunders = await tokens.create({
        name: 'contract-funders-only',
        type: 'custom',
        lifespan: null,
        permissions: ['api::funder.funder.find'],
      });
      for (const operation of operations) {
        const token = operation.path === '/i18n/locales' ? onlyFunders : onlyLocales;
        const res = await get(urlOf(operation), { Authorization: `Bearer ${token.accessKey}` });
        expect(res.status, operation.operationId).toBe(403);
        expectDocumented(operation, res, 'token without the right');
      }
    });

    it('404: no published document with that documentId, or in that language', async () => {
      for (const operation of operations.filter((o) => o.responses['404'])) {
        if (collection(operation)) {
          const res = await get(urlOf(operation).replace(/[a-z0-9]{24}$/, 'a'.repeat(24)));
          expect(res.status, operation.operationId).toBe(404);
          expectDocumented(operation, res, 'unknown documentId');
          continue;
        }
        // A single type whose English version is unpublished.
        const uid = Object.values(cms.strapi.contentTypes).find(
          (ct) => `/${ct.info.singularName}` === operation.path,
        )!.uid;
        const documents = cms.strapi.documents(uid as never);
        const current = await documents.findFirst({ locale: 'en', status: 'published' } as never);
        await documents.unpublish({ documentId: current!.documentId, locale: 'en' } as never);
        try {
          const res = await get(urlOf(operation, 'locale=en'));
          expect(res.status, operation.operationId).toBe(404);
          expectDocumented(operation, res, 'unpublished in English');
        } finally {
          await documents.publish({ documentId: current!.documentId, locale: 'en' } as never);
        }
      }
    });

    it('429: over the rate limit, with Retry-After', async () => {
      const token = await createApiToken(cms, 'contract-busy', 'read-only');
      const auth = { Authorization: `Bearer ${token.accessKey}` };
      for (let i = 0; i < TOKEN_LIMIT; i++) expect((await get('/api/i18n/locales', auth)).status).toBe(200);
      for (const operation of operations) {
        const res = await get(urlOf(operation), auth);
        expect(res.status, operation.operationId).toBe(429);
        expectDocumented(operation, res, 'over the limit');
      }
    });

    it('exercised every status of every documented operation', () => {
      const documented = operations.flatMap((o) =>
        Object.keys(o.responses).map((status) => `${o.operationId} ${status}`),
      );
      expect([...exercised].sort()).toEqual(documented.sort());
    });
  });

  describe('GraphQL', () => {
    const introspect = async (headers: Record<string, string> = {}) => {
      const res = await requestFrom('127.0.0.1', `${base}/graphql`, {
        method: 'POST',
        headers,
        body: { query: getIntrospectionQuery({ descriptions: true }) },
      });
      expect(res.status).toBe(200);
      return buildClientSchema(res.json().data as IntrospectionQuery);
    };
    const draftArguments = (schema: ReturnType<typeof buildClientSchema>) =>
      Object.values(schema.getQueryType()!.getFields()).flatMap((field) =>
        field.args
          .filter((a) => ['status', 'publicationFilter', 'hasPublishedVersion'].includes(a.name))
          .map((a) => `${field.name}(${a.name})`),
      );

    it('shows partners no mutations and no argument that selects drafts, anonymous or with a read-only token', async () => {
      const token = await createApiToken(cms, 'contract-graphql', 'read-only');
      for (const schema of [await introspect(), await introspect({ Authorization: `Bearer ${token.accessKey}` })]) {
        expect(schema.getMutationType()).toBeFalsy();
        expect(draftArguments(schema)).toEqual([]);
        expect(schema.getType('PublicationStatus')).toBeUndefined();
        expect(
          Object.keys(schema.getQueryType()!.getFields()).filter((f) =>
            /^(me|usersPermissions|uploadFile|reviewWorkflows)/.test(f),
          ),
        ).toEqual([]);
      }
    });

    it('gives the preview token the whole schema, and it reads drafts with status: DRAFT', async () => {
      const projects = cms.strapi.documents('api::project.project');
      const draft = await projects.create({
        locale: 'en',
        data: { title: 'CONTRACT-DRAFT project', summary: 'draft only', phase: 'planned' },
      } as never);
      try {
        const auth = { Authorization: `Bearer ${PREVIEW_TOKEN}` };
        expect(draftArguments(await introspect(auth)).length).toBeGreaterThan(0);
        const res = await requestFrom('127.0.0.1', `${base}/graphql`, {
          method: 'POST',
          headers: auth,
          body: { query: '{ projects(locale: "en", status: DRAFT) { title } }' },
        });
        expect(res.json().errors).toBeUndefined();
        expect(JSON.stringify(res.json().data)).toContain('CONTRACT-DRAFT');
        const partner = await requestFrom('127.0.0.1', `${base}/graphql`, {
          method: 'POST',
          body: { query: '{ projects(locale: "en", status: DRAFT) { title } }' },
        });
        expect(partner.status).toBe(400);
        expect(partner.json().errors[0].message).toMatch(/Unknown argument "status"/);
        expect(partner.text).not.toContain('CONTRACT-DRAFT');
      } finally {
        await projects.delete({ documentId: draft.documentId, locale: '*' } as never);
      }
    });

    it('describes every field of the public types and components', async () => {
      const schema = await introspect();
      const { naming } = cms.strapi.plugin('graphql').service('utils') as {
        naming: { getTypeName(m: unknown): string; getComponentName(m: unknown): string };
      };
      const names = [
        ...Object.keys(TYPE_DESCRIPTIONS).map((uid) => naming.getTypeName(cms.strapi.contentType(uid as never))),
        ...Object.keys(COMPONENT_DESCRIPTIONS).map((uid) =>
          naming.getComponentName(cms.strapi.components[uid as never]),
        ),
      ];
      let fields = 0;
      for (const name of names) {
        const type = schema.getType(name) as {
          description?: string;
          getFields(): Record<string, { description?: string | null }>;
        };
        expect(type, name).toBeDefined();
        for (const [field, { description }] of Object.entries(type.getFields())) {
          fields++;
          expect(description, `${name}.${field}`).toBeTruthy();
        }
      }
      expect(fields).toBeGreaterThan(150);
    });

    it('answers a bad token in GraphQL’s error shape with 401', async () => {
      const res = await requestFrom('127.0.0.1', `${base}/graphql`, {
        method: 'POST',
        headers: { Authorization: 'Bearer not-a-token' },
        body: { query: '{ projects { title } }' },
      });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({
        errors: [{ message: 'Missing or invalid credentials', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    });

    it('refuses an unknown locale naming the valid ones', async () => {
      const res = await requestFrom('127.0.0.1', `${base}/graphql`, {
        method: 'POST',
        body: { query: '{ projects(locale: "xx") { title } }' },
      });
      expect(res.status).toBe(400);
      expect(res.json().errors[0].message).toMatch(/Unknown locale "xx"; use one of: ka, en/);
    });

    it("passes every MUST of graphql-http's audits over real HTTP; the SHOULDs it declines are the documented ones", async () => {
      const audits = serverAudits({ url: `${base}/graphql`, fetchFn: fetch });
      const results = [];
      for (const audit of audits) results.push(await audit.fn());
      const failed = results.filter((r) => r.status !== 'ok');
      const musts = failed.filter((r) => r.name.startsWith('MUST'));
      expect(musts.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
      const shoulds = failed.filter((r) => !r.name.startsWith('MUST'));
      const docs = fs.readFileSync(path.join(root, 'docs', 'partner-api.md'), 'utf8');
      const undocumented = shoulds.filter((r) => !docs.includes(r.id));
      expect(
        undocumented.map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`),
        'declined SHOULDs without a reason in docs/partner-api.md',
      ).toEqual([]);
      console.log(
        `graphql-http audits: ${results.length} run, ${results.length - failed.length} ok, declined: ${shoulds.map((r) => r.id).join(', ') || 'none'}`,
      );
    });
  });
});
