import supertest from 'supertest';
import type { Core } from '@strapi/strapi';
// @ts-expect-error plain ESM helpers shared with scripts/ and harness/
import { destroyStrapi, loadStrapi } from '../../scripts/strapi-app.mjs';
// @ts-expect-error plain ESM helpers shared with scripts/ and harness/
import { createTestDatabase, postgresUnavailable, TEST_SECRETS } from '../../harness/databases.mjs';

export type DatabaseKind = 'sqlite' | 'postgres';

/** The database this Vitest project runs on (vitest.config.ts sets TEST_DATABASE per project). */
export const databaseKind = (process.env.TEST_DATABASE ?? 'sqlite') as DatabaseKind;

/**
 * PostgreSQL tests fail, not skip, when REQUIRE_POSTGRES=1 (CI); on a developer machine
 * without PostgreSQL they skip with the reason.
 */
export async function databaseSkipReason(): Promise<string | null> {
  if (databaseKind !== 'postgres') return null;
  const reason = await postgresUnavailable();
  if (reason && process.env.REQUIRE_POSTGRES === '1')
    throw new Error(`${reason}; REQUIRE_POSTGRES=1 makes this a failure`);
  if (reason) console.warn(`skipping PostgreSQL tests: ${reason}`);
  return reason;
}

export interface TestCms {
  strapi: Core.Strapi;
  http: ReturnType<typeof supertest>;
  stop(): Promise<void>;
}

/** Boots the real Strapi in this worker on a fresh database, with the organisation's content imported. */
export async function bootCms(env: Record<string, string> = {}): Promise<TestCms> {
  const db = await createTestDatabase(databaseKind);
  const strapi: Core.Strapi = await loadStrapi({
    env: { ...TEST_SECRETS, ...db.env, IMPORT_ON_FIRST_START: 'true', ...env },
  });
  await strapi.server.mount();
  return {
    strapi,
    http: supertest(strapi.server.httpServer),
    async stop() {
      await destroyStrapi(strapi);
      await db.drop();
    },
  };
}

/** POSTs a GraphQL query as an anonymous client. */
export function graphql(
  cms: TestCms,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return cms.http.post('/graphql').set(headers).send({ query, variables });
}
