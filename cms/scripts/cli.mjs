#!/usr/bin/env node
// Content commands, run against the database the environment configures (cms/.env or the shell):
//   import                 import cms/content (validated first; idempotent)
//   import --dir <folder>  import another folder of the same layout
//   import --synthetic N   import N synthetic projects (with partners, funders, enterprises) for benchmarks
//   check [--dir <folder>] validate content files without touching the database
import { parseArgs } from 'node:util';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir, compile, destroyStrapi, loadStrapi } from './strapi-app.mjs';

const require = createRequire(import.meta.url);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dir: { type: 'string' }, synthetic: { type: 'string' } },
});
const command = positionals[0];
if (command !== 'import' && command !== 'check') {
  console.error('usage: cli.mjs import [--dir <folder> | --synthetic <count>] | check [--dir <folder>]');
  process.exit(2);
}

const { distDir } = await compile();
const content = require(path.join(distDir, 'src/content-import/index.js'));

let bundle;
try {
  if (values.synthetic !== undefined) {
    const count = Number(values.synthetic);
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`--synthetic takes a whole number of projects, not "${values.synthetic}"`);
    bundle = content.generateSynthetic(count);
  } else {
    bundle = content.readContent(path.resolve(values.dir ?? path.join(appDir, 'content')));
  }
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (command === 'check') {
  console.log(
    `content is valid: ${Object.entries(bundle)
      .map(([k, v]) => `${Array.isArray(v) ? v.length : 1} ${k}`)
      .join(', ')}`,
  );
  process.exit(0);
}

const strapi = await loadStrapi({ env: { IMPORT_ON_FIRST_START: 'false' } });
try {
  const started = Date.now();
  const summary = await content.importContent(strapi, bundle, (m) => console.log(`[import] ${m}`));
  console.log(
    `[import] ${summary.created} created, ${summary.updated} updated in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(`[import] failed, nothing was written: ${error.message}`);
  process.exitCode = 1;
} finally {
  await destroyStrapi(strapi);
}
