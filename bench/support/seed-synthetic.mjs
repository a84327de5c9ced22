// CMS set-up for benchmarks (see @asb/cms/harness `setup`): adds BENCH_PROJECTS synthetic projects
// (with partners, funders, programmes and social enterprises, both locales) to the seeded CMS.
import path from 'node:path';
import { createRequire } from 'node:module';

export default async function seed(strapi) {
  const count = Number(process.env.BENCH_PROJECTS ?? 0);
  if (!count) return;
  const require = createRequire(import.meta.url);
  const content = require(path.join(strapi.dirs.dist.root, 'src/content-import/index.js'));
  const started = Date.now();
  await content.importContent(strapi, content.generateSynthetic(count));
  process.stdout.write(`seeded ${count} synthetic projects in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
