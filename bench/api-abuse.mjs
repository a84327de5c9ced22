#!/usr/bin/env node
// The partner API under attack: the worst request shapes the limits still accept, and refused
// ones (malformed, over a limit, a 1,000-level GraphQL filter), each under load while a separate
// process probes /_health; against /_health on the idle CMS, in the same run. See bench/README.md.
// Usage:
//   node bench/api-abuse.mjs [--projects 200] [--runs 3] [--duration 8] [--connections 32] [--accepted-connections 2]
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { TEST_SECRETS } from '../cms/harness/databases.mjs';
import { median, table } from './support/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmsDir = path.join(root, 'cms');
const require = createRequire(path.join(cmsDir, 'package.json'));
const autocannon = require('autocannon');

const { values: args } = parseArgs({
  options: {
    projects: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    'accepted-connections': { type: 'string', default: '2' },
  },
});
const projects = positive(args.projects, '--projects');
const runs = positive(args.runs, '--runs');
const duration = positive(args.duration, '--duration');
const connections = positive(args.connections, '--connections');
const acceptedConnections = positive(args['accepted-connections'], '--accepted-connections');

const json = { 'content-type': 'application/json' };
const gql = (query, variables) => JSON.stringify({ query, variables });
const nestAnd = (levels) => {
  let filter = { title: { eq: 'x' } };
  for (let i = 0; i < levels; i++) filter = { and: [filter] };
  return filter;
};
const restAnds = (levels) => '[$and][0]'.repeat(levels);
// 49 conditions at filter depth 6 (5 nested $and, then a relation): just inside the limits.
const restWorstFilter = [
  ...Array.from(
    { length: 44 },
    (_, i) => `filters[$or][${i}][title][$containsi]=${String.fromCharCode(97 + (i % 26))}`,
  ),
  `filters${restAnds(3)}[funders][projects][title][$notNull]=true`,
  ...Array.from({ length: 4 }, (_, i) => `filters[$or][${44 + i}][slug][$in][${i}]=s${i}`),
].join('&');
const inHundred = Array.from({ length: 100 }, (_, i) => `filters[documentId][$in][${i}]=d${i}`).join('&');
const gqlWorst = `query Worst {
  projects(pagination: { pageSize: 100 }, sort: ["title:asc", "slug:desc", "startDate:asc", "endDate:desc", "documentId:asc"],
    filters: { or: [${Array.from({ length: 40 }, (_, i) => `{ title: { containsi: "${String.fromCharCode(97 + (i % 26))}" } }`).join(' ')}],
      and: [{ and: [{ and: [{ funders: { name: { notNull: true } } }] }] }] }) {
    title slug summary startDate endDate phase
    programme { title }
    funders(pagination: { limit: 100 }) { name acronym }
    implementingPartners(pagination: { limit: 100 }) { name country }
    associatedPartners(pagination: { limit: 100 }) { name }
    socialEnterprises(pagination: { limit: 100 }) { name sector }
  }
}`;

const SHAPES = [
  {
    name: 'accepted: REST 100 projects, 49 conditions at depth 6, sort ×5, populate depth 3',
    accepted: true,
    method: 'GET',
    path: `/api/projects?pagination[pageSize]=100&sort[0]=title:asc&sort[1]=slug:desc&sort[2]=startDate:asc&sort[3]=endDate:desc&sort[4]=documentId:asc&populate[funders][populate][projects][populate]=*&${restWorstFilter}`,
  },
  {
    name: 'accepted: REST $in of 100 ids, populate=*',
    accepted: true,
    method: 'GET',
    path: `/api/projects?pagination[pageSize]=100&populate=*&${inHundred}`,
  },
  {
    name: 'accepted: GraphQL 100 projects × 4 relation lists of 100, 41 conditions, depth 4 filter',
    accepted: true,
    method: 'POST',
    path: '/graphql',
    headers: json,
    body: gql(gqlWorst),
  },
  {
    name: 'refused: REST malformed operators ($between scalar, $and scalar, $eq on $eq)',
    method: 'GET',
    path: '/api/projects?filters[title][$between]=1',
    rotate: [
      '/api/projects?filters[title][$between]=1',
      '/api/projects?filters[$and]=1',
      '/api/projects?filters[title][$eq][$eq]=1',
    ],
  },
  {
    name: 'refused: REST filter 7 levels deep, 51 conditions',
    method: 'GET',
    path: `/api/projects?filters${restAnds(6)}[title][$eq]=x&${Array.from({ length: 51 }, (_, i) => `filters[$or][${i}][title][$eq]=x`).join('&')}`,
  },
  {
    name: 'refused: GraphQL filter 1,000 levels deep in variables (~10 KB)',
    method: 'POST',
    path: '/graphql',
    headers: json,
    body: gql('query ($f: ProjectFiltersInput) { projects(filters: $f) { title } }', { f: nestAnd(1000) }),
  },
  {
    name: 'refused: GraphQL over the cost limit (3 nested lists of 100)',
    method: 'POST',
    path: '/graphql',
    headers: json,
    body: gql(
      '{ programmes(pagination: { pageSize: 100 }) { projects(pagination: { limit: 100 }) { funders(pagination: { limit: 100 }) { name } } } }',
    ),
  },
];

const database = path.join('.tmp', `bench-abuse-${process.pid}.db`);
const databaseEnv = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database };
let cms;
try {
  console.log(`seeding ${projects} synthetic projects into cms/${database} …`);
  fs.mkdirSync(path.join(cmsDir, '.tmp'), { recursive: true });
  await promisify(execFile)(
    process.execPath,
    [path.join(cmsDir, 'scripts', 'cli.mjs'), 'import', '--synthetic', String(projects)],
    { cwd: cmsDir, env: { ...process.env, ...TEST_SECRETS, ...databaseEnv }, maxBuffer: 64 * 1024 * 1024 },
  );
  // The response cache would answer a repeated request from memory; an attacker varies its
  // requests, so every one here is computed. The rate limiter is out of the way: the point is
  // what one request costs, not how soon a client is throttled.
  cms = await serve({
    ...databaseEnv,
    IMPORT_ON_FIRST_START: 'false',
    API_CACHE: 'off',
    RATE_LIMIT: 'on',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000',
    RATE_LIMIT_TOKEN_PER_MINUTE: '1000000000',
  });
  for (const shape of SHAPES) await check(cms.url, shape);

  const idle = [];
  const results = SHAPES.map(() => []);
  for (let run = 1; run <= runs; run++) {
    idle.push(await probeHealth(cms.url, duration));
    for (const [s, shape] of SHAPES.entries()) {
      const health = probeHealth(cms.url, duration);
      const r = await load(cms.url, shape, shape.accepted ? acceptedConnections : connections, duration);
      const h = await health;
      const expected = shape.accepted ? r['2xx'] : r['4xx'];
      results[s].push({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        wrong: r.requests.total - expected + r.errors + r.timeouts,
        health: h,
      });
      console.log(
        `run ${run}/${runs}  ${shape.name}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, /_health p99 ${h.p99.toFixed(1)} ms`,
      );
    }
  }
  report(idle, results);
} finally {
  await cms?.stop();
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    fs.rmSync(path.join(cmsDir, database + suffix), { force: true });
}

/** Each shape answers as its class says before it is measured (a refused one: 400, naming a parameter). */
async function check(url, shape) {
  const response = await fetch(`${url}${shape.path}`, {
    method: shape.method,
    headers: shape.headers,
    body: shape.body,
  });
  const body = await response.json();
  if (shape.accepted && (response.status !== 200 || body.errors))
    throw new Error(`${shape.name}: expected 200, got ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  if (!shape.accepted && response.status !== 400)
    throw new Error(`${shape.name}: expected 400, got ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
}

function load(url, shape, conns, seconds) {
  const requests = shape.rotate?.map((p) => ({ method: shape.method, path: p }));
  return autocannon({
    url: `${url}${shape.path}`,
    method: shape.method,
    headers: shape.headers,
    body: shape.body,
    ...(requests ? { requests } : {}),
    connections: conns,
    duration: seconds,
    timeout: 30,
  });
}

/** /_health from another process (its own event loop), one request at a time, every 20 ms. */
function probeHealth(url, seconds) {
  const script = `
    const end = Date.now() + ${seconds * 1000};
    const times = [];
    while (Date.now() < end) {
      const t = performance.now();
      const r = await fetch(${JSON.stringify(`${url}/_health`)});
      await r.arrayBuffer();
      if (r.status !== 204) throw new Error('/_health answered ' + r.status);
      times.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    console.log(JSON.stringify(times));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], (error, stdout) => {
      if (error) return reject(error);
      const times = JSON.parse(stdout).sort((a, b) => a - b);
      resolve({
        p50: times[Math.floor(times.length * 0.5)],
        p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))],
      });
    });
  });
}

function report(idle, results) {
  const idleP99 = median(idle.map((h) => h.p99));
  const rows = [];
  const verdicts = [];
  for (const [s, shape] of SHAPES.entries()) {
    const p99 = median(results[s].map((r) => r.p99));
    const healthP99 = median(results[s].map((r) => r.health.p99));
    const target = shape.accepted ? 250 : 50;
    rows.push({
      shape: shape.name,
      connections: shape.accepted ? acceptedConnections : connections,
      'req/s': Math.round(median(results[s].map((r) => r.rps))),
      'p50 ms': median(results[s].map((r) => r.p50)),
      'p99 ms': p99,
      'target p99': `≤ ${target}`,
      '/_health p99 ms': healthP99.toFixed(1),
      'vs idle': `${(healthP99 / idleP99).toFixed(1)}×`,
      'wrong status (all runs)': results[s].reduce((sum, r) => sum + r.wrong, 0),
    });
    verdicts.push(`${p99 <= target ? 'met   ' : 'MISSED'}  ${shape.name}: p99 ${p99} ms (target ≤ ${target} ms)`);
    verdicts.push(
      `${healthP99 < 100 ? 'met   ' : 'MISSED'}  /_health during it: p99 ${healthP99.toFixed(1)} ms (target < 100 ms)`,
    );
  }
  console.log(
    `\n${projects} synthetic projects, SQLite, response cache off, median of ${runs} runs of ${duration} s each ` +
      `(loopback, ${process.platform}, Node ${process.versions.node}); idle /_health p99 ${idleP99.toFixed(1)} ms (p50 ${median(idle.map((h) => h.p50)).toFixed(1)} ms)\n`,
  );
  console.log(table(rows));
  console.log(`\n${verdicts.join('\n')}`);
}

function serve(env) {
  const child = spawn(process.execPath, [path.join(cmsDir, 'harness', 'serve.mjs')], {
    cwd: cmsDir,
    env: { ...process.env, ...TEST_SECRETS, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the CMS did not start within 120 s:\n${output.slice(-3000)}`)),
      120_000,
    );
    const collect = (chunk) => {
      output += chunk;
      const ready = /^ready (\S+)$/m.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      child.stdout.off('data', collect);
      child.stdout.on('data', () => {}); // the request log, read and dropped as a log collector would
      child.stderr.on('data', () => {});
      resolve({
        url: ready[1],
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) =>
      reject(new Error(`the CMS exited (${code}) before it was ready:\n${output.slice(-3000)}`)),
    );
  });
}

function positive(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0`);
  return n;
}
