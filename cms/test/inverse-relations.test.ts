import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseSkipReason, type TestCms } from './support/cms';

/**
 * A project linked from the partner's side ("implemented projects") and published there: the
 * project's published stamp moves, so the site's incremental build refetches the project and both
 * pages link to each other. Unlinking moves it again.
 */
const skip = await databaseSkipReason();
const PARTNER = 'api::partner.partner';
const PROJECT = 'api::project.project';

describe.skipIf(skip)('relations published from the inverse side', () => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await bootCms();
  });
  afterAll(() => cms?.stop());

  const stamp = async (documentId: string) =>
    (await cms.strapi.db.query(PROJECT).findOne({
      select: ['updatedAt'],
      where: { documentId, locale: 'ka', publishedAt: { $notNull: true } },
    })) as { updatedAt: string | Date };

  it('moves the owning project’s published stamp when a partner links or unlinks it', async () => {
    const docs = cms.strapi.documents;
    const project = (await docs(PROJECT).findFirst({ locale: 'ka', status: 'published' }))!;
    const partner = await docs(PARTNER).create({
      locale: 'ka',
      data: { name: 'ახალი პარტნიორი', kind: 'ngo' },
    } as never);
    await docs(PARTNER).publish({ documentId: partner.documentId, locale: 'ka' } as never);
    const untouched = new Date((await stamp(project.documentId)).updatedAt).getTime();

    await new Promise((r) => setTimeout(r, 20));
    await docs(PARTNER).update({
      documentId: partner.documentId,
      locale: 'ka',
      data: { implementedProjects: { connect: [project.documentId] } },
    } as never);
    // Saving the draft is not yet live: the project's published stamp stays.
    expect(new Date((await stamp(project.documentId)).updatedAt).getTime()).toBe(untouched);
    await docs(PARTNER).publish({ documentId: partner.documentId, locale: 'ka' } as never);
    const linked = new Date((await stamp(project.documentId)).updatedAt).getTime();
    expect(linked).toBeGreaterThan(untouched);
    const published = await docs(PROJECT).findOne({
      documentId: project.documentId,
      locale: 'ka',
      status: 'published',
      populate: { implementingPartners: { fields: ['name'] } },
    } as never);
    expect((published as unknown as { implementingPartners: { name: string }[] }).implementingPartners).toContainEqual(
      expect.objectContaining({ name: 'ახალი პარტნიორი' }),
    );

    await new Promise((r) => setTimeout(r, 20));
    await docs(PARTNER).unpublish({ documentId: partner.documentId, locale: 'ka' } as never);
    expect(new Date((await stamp(project.documentId)).updatedAt).getTime()).toBeGreaterThan(linked);
  });
});
