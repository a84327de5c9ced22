// Compile the Strapi app once before any worker loads it (Strapi runs from dist/).
// @ts-expect-error plain ESM helper
import { compile } from '../../scripts/strapi-app.mjs';

export default async function setup() {
  await compile();
}
