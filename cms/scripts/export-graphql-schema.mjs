#!/usr/bin/env node
// Writes the CMS's public GraphQL schema to shared/schema/cms.graphql, the snapshot from which
// shared/ generates its TypeScript types (`pnpm --filter @asb/shared codegen`). A test fails when
// the snapshot and the CMS disagree; run this after changing the content model.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir } from './strapi-app.mjs';
import { startCms } from '../harness/index.mjs';

const require = createRequire(import.meta.url);
const { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } = require('graphql');

export async function fetchPublicSchema(url) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = await res.json();
  if (!res.ok || body.errors) throw new Error(`introspection failed: ${JSON.stringify(body.errors ?? res.status)}`);
  // Sorted: Strapi registers types in an order that varies between starts.
  return `${printSchema(lexicographicSortSchema(buildClientSchema(body.data)))}\n`;
}

export const SNAPSHOT = path.join(appDir, '..', 'shared', 'schema', 'cms.graphql');

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const cms = await startCms({ database: 'sqlite', env: { IMPORT_ON_FIRST_START: 'false' } });
  try {
    fs.mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
    fs.writeFileSync(SNAPSHOT, await fetchPublicSchema(cms.url));
    console.log(`wrote ${path.relative(process.cwd(), SNAPSHOT)}`);
  } finally {
    await cms.stop();
  }
}
