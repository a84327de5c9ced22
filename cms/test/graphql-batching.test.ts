import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import {
  FundersDocument,
  PartnersDocument,
  ProgrammesDocument,
  ProjectsDocument,
  SocialEnterprisesDocument,
} from '@asb/shared';
import { generateSynthetic, importContent } from '../src/content-import';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';

/**
 * GraphQL relation loads are batched per field (src/graphql/batched-loads.ts): the answers must be
 * exactly those of one query per entry, including relation pages (limit/offset per entry), sorting,
 * counts and drafts, with far fewer SQL statements.
 */
const skip = await databaseSkipReason();

const RELATION_PAGES = /* GraphQL */ `
  query RelationPages($locale: I18NLocaleCode!) {
    funders(locale: $locale, pagination: { limit: 20 }) {
      documentId
      first: projects(pagination: { limit: 2 }, sort: ["title:asc"]) {
        documentId
        title
      }
      second: projects(pagination: { start: 2, limit: 3 }, sort: ["title:asc"]) {
        documentId
      }
      projects_connection(pagination: { page: 2, pageSize: 3 }) {
        nodes {
          documentId
        }
      }
    }
    partners(locale: $locale, pagination: { limit: 10 }, sort: ["name:desc"]) {
      name
      implementedProjects(pagination: { limit: 10 }) {
        title
        programme {
          title
        }
        funders(pagination: { limit: 5 }) {
          name
        }
      }
      operatedEnterprises(pagination: { limit: 5 }) {
        name
        services {
          text
        }
        beneficiaries {
          value
          label
        }
      }
      logo {
        alt
        file {
          url
        }
      }
    }
  }
`;

describe.runIf(!skip)(`batched GraphQL relation loads on ${databaseKind}`, () => {
  let cms: TestCms;
  let statements = 0;

  beforeAll(async () => {
    // No response cache: both runs of each query must reach the database.
    cms = await bootCms({ API_CACHE: 'off', RATE_LIMIT: 'off' });
    await importContent(cms.strapi, generateSynthetic(40));
    cms.strapi.db.connection.on('query', () => statements++);
  });
  afterAll(async () => {
    delete process.env.GRAPHQL_BATCH_LOADS;
    await cms?.stop();
  });

  const run = async (query: string, variables: Record<string, unknown>, batching: boolean) => {
    process.env.GRAPHQL_BATCH_LOADS = batching ? 'on' : 'off';
    const before = statements;
    const res = await graphql(cms, query, variables);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.errors).toBeUndefined();
    return { body: res.body.data, statements: statements - before };
  };

  it('answers the site’s queries and relation pages exactly as one query per entry does, with a fraction of the statements', async () => {
    const queries = [
      ...[ProgrammesDocument, ProjectsDocument, SocialEnterprisesDocument, PartnersDocument, FundersDocument].map(
        print,
      ),
      RELATION_PAGES,
    ];
    let unbatched = 0;
    let batched = 0;
    for (const query of queries) {
      for (const locale of ['ka', 'en']) {
        const variables = { locale, page: 1, pageSize: 100 };
        const one = await run(query, variables, false);
        const many = await run(query, variables, true);
        expect(many.body, `${query.slice(0, 60)} (${locale})`).toEqual(one.body);
        unbatched += one.statements;
        batched += many.statements;
      }
    }
    const projects = (await run(print(ProjectsDocument), { locale: 'en', page: 1, pageSize: 100 }, true)).body;
    expect(projects.page.nodes.length).toBeGreaterThan(40);
    expect(batched * 5).toBeLessThan(unbatched);
  });
});
