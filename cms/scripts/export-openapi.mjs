#!/usr/bin/env node
// Writes the partner API's REST description (OpenAPI 3.1) to docs/openapi.json, generated from the
// content model by src/api-contract/openapi.ts (field texts: src/api-contract/descriptions.ts).
// test/contract.test.ts fails when the file and the CMS disagree, and validates live answers against
// it; run this (pnpm --filter @asb/cms export-openapi) after changing the content model.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir, compile, destroyStrapi, loadStrapi } from './strapi-app.mjs';
import { createTestDatabase, TEST_SECRETS } from '../harness/databases.mjs';

const require = createRequire(import.meta.url);

export const OPENAPI_FILE = path.join(appDir, '..', 'docs', 'openapi.json');

/** The generator, from the compiled app (Strapi runs from dist/ too). */
export async function partnerOpenApi(strapi) {
  const { distDir } = await compile();
  return require(path.join(distDir, 'src', 'api-contract', 'openapi.js')).partnerOpenApi(strapi);
}

/** Formatted as the repository's Prettier settings want it, so `prettier --check` passes. */
export async function formatOpenApi(document) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(OPENAPI_FILE)) ?? {};
  return prettier.format(JSON.stringify(document), { ...options, filepath: OPENAPI_FILE });
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const db = await createTestDatabase('sqlite');
  const strapi = await loadStrapi({ env: { ...TEST_SECRETS, ...db.env, IMPORT_ON_FIRST_START: 'false' } });
  try {
    strapi.log.level = 'error';
    fs.mkdirSync(path.dirname(OPENAPI_FILE), { recursive: true });
    fs.writeFileSync(OPENAPI_FILE, await formatOpenApi(await partnerOpenApi(strapi)));
    console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
  } finally {
    await destroyStrapi(strapi);
    await db.drop();
  }
}
