#!/usr/bin/env node
// Partner API throughput: stock Strapi (response cache and rate limiter off) against ours (both
// on; in memory, and in Redis when it answers), on the same synthetic content, in one run.
// See bench/README.md. Usage:
//   node bench/partner-api.mjs [--projects 200] [--runs 3] [--duration 10] [--connections 32] [--no-redis]
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { TEST_SECRETS } from '../cms/harness/databases.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmsDir = path.join(root, 'cms');
const require = createRequire(path.join(cmsDir, 'package.json'));
const autocannon = require('autocannon');
const { Redis } = require('ioredis');

const { values: args } = parseArgs({
  options: {
    projects: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'no-redis': { type: 'boolean', default: false },
    'redis-url': { type: 'string', default: process.env.REDIS_URL || 'redis://127.0.0.1:6379' },
  },
});
const projects = positive(args.projects, '--projects');
const runs = positive(args.runs, '--runs');
const duration = positive(args.duration, '--duration');
const connections = positive(args.connections, '--connections');

// What Node's fetch (and so graphql-request), curl --compressed and browsers send.
const ACCEPT = { 'accept-encoding': 'gzip, deflate, br' };
const QUERIES = [
  {
    name: 'GraphQL: 25 projects with programme, funders, partners, enterprises',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...ACCEPT },
    body: JSON.stringify({
      query: `{
        projects(locale: "en", pagination: { pageSize: 25 }, sort: ["documentId:asc"]) {
          documentId title slug phase startDate endDate summary
          programme { title slug }
          funders { name acronym }
          implementingPartners { name country }
          associatedPartners { name }
          socialEnterprises { name sector }
        }
      }`,
    }),
  },
  {
    name: 'REST: /api/projects?populate=* (25 per page)',
    method: 'GET',
    path: '/api/projects?locale=en&populate=*&pagination[pageSize]=25&sort[0]=documentId:asc',
    headers: ACCEPT,
  },
];

const redisUrl = args['no-redis'] ? null : await reachable(args['redis-url']);
const prefix = `asb-bench-${process.pid}-${randomBytes(3).toString('hex')}:`;
const limitsOutOfTheWay = { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000', RATE_LIMIT_TOKEN_PER_MINUTE: '1000000000' };
const CONFIGS = [
  {
    name: 'stock (API_CACHE=off RATE_LIMIT=off GRAPHQL_BATCH_LOADS=off)',
    env: { API_CACHE: 'off', RATE_LIMIT: 'off', REDIS_URL: '', GRAPHQL_BATCH_LOADS: 'off' },
  },
  // What every uncached request (a cache miss, or a query no one asked before) gains.
  {
    name: 'uncached, batched loads (API_CACHE=off RATE_LIMIT=off)',
    env: { API_CACHE: 'off', RATE_LIMIT: 'off', REDIS_URL: '' },
    informative: true,
  },
  { name: 'ours, memory', env: { API_CACHE: 'on', RATE_LIMIT: 'on', REDIS_URL: '', ...limitsOutOfTheWay } },
  ...(redisUrl
    ? [
        {
          name: 'ours, Redis',
          env: { API_CACHE: 'on', RATE_LIMIT: 'on', REDIS_URL: redisUrl, REDIS_PREFIX: prefix, ...limitsOutOfTheWay },
        },
      ]
    : []),
];

const database = path.join('.tmp', `bench-${process.pid}.db`);
const databaseEnv = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database };
const servers = [];
try {
  console.log(`seeding ${projects} synthetic projects into cms/${database} …`);
  fs.mkdirSync(path.join(cmsDir, '.tmp'), { recursive: true });
  await promisify(execFile)(
    process.execPath,
    [path.join(cmsDir, 'scripts', 'cli.mjs'), 'import', '--synthetic', String(projects)],
    {
      cwd: cmsDir,
      env: { ...process.env, ...TEST_SECRETS, ...databaseEnv },
      maxBuffer: 64 * 1024 * 1024,
    },
  );

  for (const config of CONFIGS) {
    console.log(`starting: ${config.name}`);
    const cms = await serve({ ...databaseEnv, IMPORT_ON_FIRST_START: 'false', ...config.env });
    servers.push(cms);
    config.url = cms.url;
  }

  // results[query][config] = [{ rps, p50, p99 }, …] over the runs; configurations take turns within a run.
  const results = QUERIES.map(() => CONFIGS.map(() => []));
  for (let run = 1; run <= runs; run++) {
    for (const [q, query] of QUERIES.entries()) {
      for (const [c, config] of CONFIGS.entries()) {
        await warmUp(config.url, query);
        const r = await load(config.url, query, duration);
        if (r.non2xx || !r.requests.total) {
          throw new Error(`${config.name}, ${query.name}: ${r.requests.total} requests, ${r.non2xx} not 2xx`);
        }
        results[q][c].push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.errors });
        console.log(
          `run ${run}/${runs}  ${query.name}  ${config.name}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, ${r.errors} failed`,
        );
      }
    }
  }
  report(results);
} finally {
  await Promise.all(servers.map((cms) => cms.stop()));
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    fs.rmSync(path.join(cmsDir, database + suffix), { force: true });
  if (redisUrl) {
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

/**
 * One CMS in a child process (cms/harness/serve.mjs), its request log read and thrown away as a
 * log collector would: the harness's startCms keeps every line in memory, which would tax the
 * process that runs the load generator.
 */
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
      child.stderr.off('data', collectErrors);
      child.stdout.on('data', () => {});
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
    const collectErrors = (chunk) => (output += chunk);
    child.stdout.on('data', collect);
    child.stderr.on('data', collectErrors);
    child.once('exit', (code) =>
      reject(new Error(`the CMS exited (${code}) before it was ready:\n${output.slice(-3000)}`)),
    );
  });
}

/**
 * A few requests one after another (JIT, connection pools, the cache's first fill). Not a burst:
 * a load generator that stops drops its connections, and stock Strapi would still be working
 * through the dropped requests when the measurement starts.
 */
async function warmUp(url, query) {
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${url}${query.path}`, {
      method: query.method,
      headers: query.headers,
      body: query.body,
    });
    if (!response.ok) throw new Error(`${url}${query.path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  }
}

function load(url, query, seconds) {
  return autocannon({
    url: `${url}${query.path}`,
    method: query.method,
    headers: query.headers,
    body: query.body,
    connections,
    duration: seconds,
    // Stock Strapi keeps some of 32 concurrent nested queries waiting for over 10 s (autocannon's default).
    timeout: 60,
  });
}

function report(results) {
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const rows = [];
  const verdicts = [];
  for (const [q, query] of QUERIES.entries()) {
    const stock = median(results[q][0].map((r) => r.rps));
    for (const [c, config] of CONFIGS.entries()) {
      const rps = median(results[q][c].map((r) => r.rps));
      const p99 = median(results[q][c].map((r) => r.p99));
      const failed = results[q][c].reduce((sum, r) => sum + r.failed, 0);
      rows.push([
        query.name,
        config.name,
        Math.round(rps),
        median(results[q][c].map((r) => r.p50)),
        p99,
        `${(rps / stock).toFixed(1)}×`,
        failed,
      ]);
      if (c > 0 && !config.informative) {
        const met = rps >= 20 * stock && p99 < 50;
        verdicts.push(
          `${met ? 'met   ' : 'MISSED'}  ${query.name}, ${config.name}: ${(rps / stock).toFixed(1)}× stock, p99 ${p99} ms`,
        );
      }
    }
  }
  const header = ['query', 'configuration', 'req/s', 'p50 ms', 'p99 ms', 'vs stock', 'failed (all runs)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  console.log(
    `\n${projects} synthetic projects, SQLite, ${connections} connections, median of ${runs} runs of ${duration} s each (loopback, ${process.platform}, Node ${process.versions.node})\n`,
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log(`\ntarget: at least 20× stock throughput with p99 under 50 ms\n${verdicts.join('\n')}`);
}

async function reachable(url) {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return url;
  } catch (error) {
    console.warn(`Redis at ${url} does not answer (${error.message}): measuring the memory store only`);
    return null;
  } finally {
    redis.disconnect();
  }
}

function positive(value, name) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} takes a whole number above 0, not "${value}"`);
  return number;
}
