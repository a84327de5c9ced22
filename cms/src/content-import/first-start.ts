import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { COLLECTION_TYPES } from '../content-types';
import { importContent } from './import-content';
import { readContent } from './read-content';

export function contentDir(strapi: Core.Strapi): string {
  return process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : path.join(strapi.dirs.app.root, 'content');
}

/** An empty database gets the organisation's content; one that has any content is left alone. */
export async function importOnFirstStart(strapi: Core.Strapi) {
  if (process.env.IMPORT_ON_FIRST_START === 'false') return;
  for (const uid of COLLECTION_TYPES) {
    if ((await strapi.db.query(uid).count()) > 0) return;
  }
  const dir = contentDir(strapi);
  strapi.log.info(`[import] empty database: importing the organisation's content from ${dir}`);
  const summary = await importContent(strapi, readContent(dir), (m) => strapi.log.info(`[import] ${m}`));
  strapi.log.info(`[import] done: ${summary.created} documents created`);
}
