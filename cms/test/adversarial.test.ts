import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '@asb/shared';
import { COLLECTION_TYPES } from '../src/content-types';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';
import { createApiToken, listen } from './support/partner-api';
import { findMarker, plantDraftMarkers, type DraftMarkers } from './support/draft-markers';
import { apiRequests, readLiveModel, toCurl, type ApiRequest } from './support/api-arbitraries';

/**
 * The partner API from a prober's seat: generated REST query strings and GraphQL documents, built
 * from the live content model (test/support/api-arbitraries.ts), valid and malformed, anonymous and
 * with a read-only token, against a CMS whose drafts carry markers in every type, both locales,
 * relations' targets and components (test/support/draft-markers.ts). Properties:
 * - markers: no marker in any answer (body or headers); a filter that requires draft-only text
 *   matches and counts nothing;
 * - no5xx: no HTTP 5xx, and no GraphQL error with code INTERNAL_SERVER_ERROR;
 * - named400: every 400 names the parameter it is about (docs/partner-api.md, "Errors").
 * Durations are recorded and printed (max, p99), never asserted: speed is bench/'s business.
 *
 * FC_SEED replays a run (the seed is printed first), FC_RUNS sets the number of requests (default
 * 2,000), ADVERSARIAL_PROPERTIES=markers (comma-separated list) checks only some properties. A failure
 * prints the shrunk request as a curl command.
 */
const skip = await databaseSkipReason();

const RUNS = Number(process.env.FC_RUNS ?? 2000);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 0x7fffffff);
const ALL_PROPERTIES = ['markers', 'no5xx', 'named400'] as const;
type Property = (typeof ALL_PROPERTIES)[number];
const PROPERTIES = new Set(
  (process.env.ADVERSARIAL_PROPERTIES ?? ALL_PROPERTIES.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
);
for (const name of PROPERTIES) {
  if (!(ALL_PROPERTIES as readonly string[]).includes(name)) {
    throw new Error(`ADVERSARIAL_PROPERTIES: unknown property "${name}"; use ${ALL_PROPERTIES.join(', ')}`);
  }
}
const checks = (property: Property) => PROPERTIES.has(property);

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  ms: number;
}

describe.runIf(!skip)(`adversarial partner API on ${databaseKind}`, () => {
  let cms: TestCms;
  let base: string;
  let planted: DraftMarkers;
  let readOnly: string;
  const durations: number[] = [];
  /** Answers per status, and how many anchored filters got a 200 (the cases the "matches nothing" check sees). */
  const statuses = new Map<number, number>();
  /** 400s per rule they name (details.rule, extensions.rule, or GraphQL's code), to see what the generator runs into. */
  const refusals = new Map<string, number>();
  let anchoredAnswered = 0;

  beforeAll(async () => {
    // Rate limits off: thousands of requests from one address are the point here.
    cms = await bootCms({ RATE_LIMIT: 'off' });
    base = await listen(cms);
    readOnly = (await createApiToken(cms, 'prober', 'read-only')).accessKey;
    planted = await plantDraftMarkers(cms.strapi);
  });
  afterAll(async () => {
    if (durations.length > 0) {
      const sorted = [...durations].sort((a, b) => a - b);
      const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
      console.log(
        `adversarial on ${databaseKind}: ${durations.length} requests, p99 ${p99.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (recorded, not asserted)`,
      );
      const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
      console.log(
        `adversarial on ${databaseKind}: answers ${byStatus.join(', ')}; anchored filters answered 200: ${anchoredAnswered}`,
      );
      const byRule = [...refusals].sort(([, a], [, b]) => b - a).map(([rule, count]) => `${rule}: ${count}`);
      console.log(`adversarial on ${databaseKind}: 400s by rule: ${byRule.join(', ')}`);
    }
    await cms?.stop();
  });

  async function send(request: ApiRequest): Promise<Answer> {
    const headers: Record<string, string> = request.token ? { Authorization: `Bearer ${readOnly}` } : {};
    const started = performance.now();
    const response =
      request.kind === 'rest'
        ? await fetch(`${base}${request.path}${request.query ? `?${request.query}` : ''}`, { headers })
        : await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
          });
    const text = await response.text();
    const ms = performance.now() - started;
    durations.push(ms);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (request.anchored && response.status === 200) anchoredAnswered += 1;
    if (response.status === 400) {
      let rule = 'unparsed';
      try {
        const body = JSON.parse(text);
        // GraphQL's own refusals grouped by their message with the names taken out ('Unknown argument "…"').
        const graphqlMessage = String(body?.errors?.[0]?.message ?? '')
          .replace(/"[^"]*"/g, '"…"')
          .slice(0, 60);
        rule = String(
          body?.error?.details?.rule ??
            body?.errors?.[0]?.extensions?.rule ??
            `${body?.errors?.[0]?.extensions?.code ?? body?.error?.name} (${graphqlMessage})`,
        );
      } catch {
        // not JSON: counted as unparsed
      }
      refusals.set(`${request.kind} ${rule}`, (refusals.get(`${request.kind} ${rule}`) ?? 0) + 1);
    }
    return { status: response.status, headers: Object.fromEntries(response.headers), text, ms };
  }

  /** What is wrong with one answer, per property checked; empty when it is right. */
  function violations(request: ApiRequest, answer: Answer): string[] {
    const found: string[] = [];
    let body: any;
    try {
      body = JSON.parse(answer.text);
    } catch {
      body = undefined;
    }
    if (checks('markers')) {
      const leak = findMarker(`${JSON.stringify(answer.headers)}\n${answer.text}`, planted.prefix);
      if (leak) found.push(`markers: a draft's marker in the answer: …${leak}…`);
      if (request.anchored && answer.status === 200) found.push(...anchoredViolations(request, body));
    }
    if (checks('no5xx')) {
      if (answer.status >= 500) found.push(`no5xx: HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
      const internal = (body?.errors ?? []).filter(
        (error: { extensions?: { code?: string } }) => error?.extensions?.code === 'INTERNAL_SERVER_ERROR',
      );
      if (request.kind === 'graphql' && internal.length > 0) {
        found.push(`no5xx: GraphQL INTERNAL_SERVER_ERROR: ${internal[0].message}`);
      }
    }
    if (checks('named400') && answer.status === 400) {
      const problem = unnamed400(request, body, answer.text);
      if (problem) found.push(`named400: ${problem}`);
    }
    return found;
  }

  /** A filter that requires text only drafts hold must match nothing and count nothing. */
  function anchoredViolations(request: ApiRequest, body: any): string[] {
    if (request.kind === 'rest') {
      if (!Array.isArray(body?.data)) return [];
      const total = body?.meta?.pagination?.total;
      return body.data.length > 0 || (total !== undefined && total !== 0)
        ? [`markers: a filter on draft-only text matched ${body.data.length} entries (total ${total})`]
        : [];
    }
    const problems: string[] = [];
    for (const key of request.anchoredKeys) {
      const value = body?.data?.[key];
      if (Array.isArray(value) && value.length > 0) problems.push(`markers: ${key} matched ${value.length} entries`);
      if (value?.nodes?.length > 0 || (value?.pageInfo?.total ?? 0) > 0) {
        problems.push(`markers: ${key} matched ${value.nodes?.length} nodes (total ${value.pageInfo?.total})`);
      }
    }
    return problems;
  }

  /**
   * A 400 must say which parameter it is about: REST `error.message` or `error.details` names one of
   * the query parameters sent (`filters`, `sort`, `populate`, …); a GraphQL error message names one
   * of the body's fields (`query`, `variables`) or quotes a name that the document or variables use.
   */
  function unnamed400(request: ApiRequest, body: any, text: string): string | null {
    if (request.kind === 'rest') {
      const message = body?.error?.message;
      if (typeof message !== 'string' || message === '') return `no error.message: ${text.slice(0, 200)}`;
      const sent = new Set(request.query.split('&').map((pair) => decodeURIComponent(pair.split(/[[=]/)[0])));
      const said = `${message} ${JSON.stringify(body.error.details ?? {})}`;
      return [...sent].some((name) => name && new RegExp(`\\b${escape(name)}\\b`).test(said))
        ? null
        : `"${message}" names none of the parameters sent (${[...sent].join(', ')})`;
    }
    const errors = body?.errors;
    if (!Array.isArray(errors) || errors.length === 0) return `no errors[]: ${text.slice(0, 200)}`;
    const document = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    for (const error of errors as { message?: string; extensions?: { argument?: unknown } }[]) {
      const message = error?.message ?? '';
      // The documented place (docs/partner-api.md, "Errors"): `extensions.argument`, a path into the request.
      const argument = error?.extensions?.argument;
      if (typeof argument !== 'string' || argument === '')
        return `GraphQL error "${message}" has no extensions.argument naming the part of the request it refuses`;
      // …that is part of this request: the `body` itself, its `query`, a variable it sent, or a field it asked for.
      const [root, next] = argument.split('.');
      const names =
        root === 'body' || root === 'query' || root === 'operationName'
          ? true
          : root === 'variables'
            ? next !== undefined && document.includes(next)
            : document.includes(root!);
      if (!names) return `GraphQL error "${message}" names "${argument}", which is not part of the request`;
    }
    return null;
  }

  it(
    `holds its properties over ${RUNS} generated requests (seed ${SEED})`,
    async () => {
      console.log(
        `adversarial on ${databaseKind}: seed ${SEED}, ${RUNS} runs, properties ${[...PROPERTIES].join(', ')} (FC_SEED=${SEED} replays)`,
      );
      const operators = async () => {
        const res = await graphql(cms, '{ __type(name: "StringFilterInput") { inputFields { name } } }');
        return (res.body.data.__type.inputFields as { name: string }[]).map((field) => field.name);
      };
      const live = await readLiveModel(cms.strapi, operators);
      expect(live.contentTypes.length).toBeGreaterThanOrEqual(COLLECTION_TYPES.length);
      expect([...live.locales].sort()).toEqual([...LOCALES].sort());
      const documentIds = [...Object.values(planted.edited), ...Object.values(planted.neverPublished)];
      const property = fc.asyncProperty(apiRequests(live, { marker: planted.prefix, documentIds }), async (request) => {
        const answer = await send(request);
        const problems = violations(request, answer);
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\nHTTP ${answer.status}`);
      });
      const result = await fc.check(property, { seed: SEED, numRuns: RUNS });
      if (result.failed) {
        const request = result.counterexample?.[0] as ApiRequest | undefined;
        const reason =
          result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        if (request) console.log(`adversarial on ${databaseKind}: counterexample (seed ${SEED}):\n${toCurl(request)}`);
        throw new Error(
          [
            `a generated request broke a property after ${result.numRuns} runs (seed ${SEED}, FC_SEED=${SEED} replays; path ${result.counterexamplePath})`,
            reason,
            request ? `shrunk to:\n  ${toCurl(request)}` : 'no counterexample recorded',
            request?.token ? '(with a read-only token in ASB_TOKEN)' : '(anonymous)',
          ].join('\n'),
        );
      }
    },
    30 * 60_000,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
