import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '@asb/shared';
import { ContentError, readContent } from '../src/content-import/read-content';
import { importContent } from '../src/content-import/import-content';
import { ensureLocales } from '../src/setup/locales';
import { ensurePublicPermissions, PUBLIC_ACTIONS } from '../src/setup/public-permissions';
import { bootCms, databaseKind, databaseSkipReason, type TestCms } from './support/cms';

const skip = await databaseSkipReason();
const CONTENT_DIR = path.join(__dirname, '..', 'content');
type Doc = Record<string, any>;

describe.runIf(!skip)(`content model and import on ${databaseKind}`, () => {
  let cms: TestCms;
  const docs = (uid: string) => cms.strapi.documents(uid as never);
  const byKey = async (uid: string, key: string, locale: string, status = 'published', populate: unknown = '*') => {
    const row = await cms.strapi.db.query(uid as never).findOne({ select: ['documentId'], where: { importKey: key } });
    return (await docs(uid).findOne({ documentId: row!.documentId, locale, status, populate } as never)) as Doc;
  };
  const count = (uid: string, locale: string, status = 'published') => docs(uid).count({ locale, status } as never);

  beforeAll(async () => {
    cms = await bootCms();
  });
  afterAll(async () => cms?.stop());

  describe('locales', () => {
    it('Georgian is the default and English exists, also after a second run', async () => {
      await ensureLocales(cms.strapi);
      const locales = await cms.strapi.plugin('i18n').service('locales').find();
      expect(locales.map((l: { code: string }) => l.code).sort()).toEqual([...LOCALES].sort());
      expect(await cms.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('ka');
    });
  });

  describe('the organisation content imported on first start', () => {
    it('has every document published in both locales', async () => {
      const expected = {
        'api::programme.programme': 1,
        'api::project.project': 3,
        'api::social-enterprise.social-enterprise': 6,
        'api::partner.partner': 6,
        'api::funder.funder': 2,
      };
      for (const [uid, n] of Object.entries(expected)) {
        for (const locale of LOCALES) expect(await count(uid, locale), `${uid} ${locale}`).toBe(n);
      }
    });

    it('keeps the figures of the source as structured values, the same in both languages', async () => {
      for (const locale of LOCALES) {
        const se = await byKey('api::project.project', 'social-entrepreneurship-innovative-approach', locale);
        expect(se.results.map((r: Doc) => Number(r.value))).toEqual([14, 95, 20, 3, 300]);
        const cs = await byKey('api::project.project', 'civil-society-capacity-georgia-ukraine', locale);
        expect(cs.phase).toBe('ongoing');
        // Completed in its file: the value is imported, not the schema's default ("ongoing").
        expect((await byKey('api::project.project', 'idp-social-enterprises', locale)).phase).toBe('completed');
        expect(cs.results.map((r: Doc) => Number(r.value))).toEqual(expect.arrayContaining([113, 30]));
        expect(cs.subGrants.map((g: Doc) => [g.country, g.count, Number(g.maxAmount), g.currency, g.year])).toEqual([
          ['GE', 18, 15000, 'EUR', 2016],
          ['UA', 20, 15000, 'EUR', 2016],
        ]);
        expect(cs.countries.map((c: Doc) => c.code)).toEqual(['GE', 'UA']);
        const house = await byKey('api::social-enterprise.social-enterprise', 'house-without-borders', locale);
        expect([Number(house.beneficiaries[0].baseline), Number(house.beneficiaries[0].value)]).toEqual([20, 60]);
        const berbuki = await byKey('api::social-enterprise.social-enterprise', 'berbuki-preschool', locale);
        expect(Number(berbuki.beneficiaries[0].value)).toBe(30);
        expect((await byKey('api::social-enterprise.social-enterprise', 'liakhvi-masters', locale)).jobsCreated).toBe(
          6,
        );
      }
      const settings = (await docs('api::organisation-setting.organisation-setting').findFirst({
        locale: 'en',
        status: 'published',
      } as never)) as Doc;
      expect(settings.phone).toBe('+995 32 2 29 00 06');
    });

    it('has Georgian text in ka and English in en', async () => {
      const ka = await byKey('api::partner.partner', 'csrdg', 'ka');
      const en = await byKey('api::partner.partner', 'csrdg', 'en');
      expect(ka.name).toMatch(/[\u10D0-\u10FF]/);
      expect(en.name).toMatch(/Strategic Research and Development/);
      expect(en.name).not.toMatch(/[\u10D0-\u10FF]/);
      expect(ka.acronym).toBe('CSRDG');
    });

    it('links relations in both locales, each to that locale’s version', async () => {
      for (const locale of LOCALES) {
        const project = await byKey('api::project.project', 'idp-social-enterprises', locale);
        expect(project.funders.map((f: Doc) => f.locale)).toEqual([locale]);
        expect(project.implementingPartners.map((p: Doc) => p.acronym)).toEqual(['CHCA']);
        expect(project.socialEnterprises).toHaveLength(6);
        expect(project.programme.locale).toBe(locale);
        const berbuki = await byKey('api::social-enterprise.social-enterprise', 'berbuki-preschool', locale);
        expect(berbuki.operator.locale).toBe(locale);
        const funder = await byKey('api::funder.funder', 'eu', locale);
        expect(funder.projects).toHaveLength(2);
      }
    });

    it('gives every document a Latin slug, romanising Georgian titles', async () => {
      const ka = await byKey('api::social-enterprise.social-enterprise', 'house-without-borders', 'ka');
      expect(ka.slug).toMatch(/^[a-z0-9-]+$/);
      expect(ka.slug).toContain('sakhli');
    });

    it('re-running the import updates in place: no duplicates, same figures', async () => {
      const summary = await importContent(cms.strapi, readContent(CONTENT_DIR));
      expect(summary.created).toBe(0);
      expect(summary.updated).toBe(18);
      for (const locale of LOCALES) {
        expect(await count('api::project.project', locale)).toBe(3);
        expect(await count('api::project.project', locale, 'draft')).toBe(3);
      }
    });
  });

  describe('a bad import writes nothing', () => {
    it('a malformed file is rejected with file, field and reason', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asb-content-'));
      fs.cpSync(CONTENT_DIR, dir, { recursive: true });
      const file = path.join(dir, 'projects', 'idp-social-enterprises.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^phase: \w+/m, 'phase: finished'));
      fs.writeFileSync(path.join(dir, 'partners', 'broken.yaml'), 'key: broken\nkind: ngo\nka: [unclosed\n');
      try {
        readContent(dir);
        expect.unreachable('readContent accepted broken content');
      } catch (error) {
        expect(error).toBeInstanceOf(ContentError);
        const { problems } = error as ContentError;
        expect(problems).toContainEqual(
          expect.objectContaining({ file: 'projects/idp-social-enterprises.yaml', field: 'phase' }),
        );
        expect(problems.some((p) => p.file === 'partners/broken.yaml' && /YAML/.test(p.reason))).toBe(true);
        expect((error as Error).message).toMatch(/nothing was imported/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('an unknown relation key is rejected', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asb-content-'));
      fs.cpSync(CONTENT_DIR, dir, { recursive: true });
      const file = path.join(dir, 'projects', 'idp-social-enterprises.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('funders: [us-prm]', 'funders: [nobody]'));
      expect(() => readContent(dir)).toThrowError(/funders\.0: "nobody" is not a file in funders/);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a failure half-way rolls the whole import back', async () => {
      const bundle = readContent(CONTENT_DIR);
      const before = await cms.strapi.db.query('api::partner.partner').count();
      const fresh = { ...bundle.partners[0]!, key: 'rollback-probe' };
      // Bypasses file validation on purpose: the database refuses the enum value after the first partner was written.
      const broken = { ...bundle.partners[1]!, key: 'rollback-probe-2', kind: 'not-a-kind' as 'ngo' };
      await expect(importContent(cms.strapi, { ...bundle, partners: [fresh, broken] })).rejects.toThrow();
      expect(await cms.strapi.db.query('api::partner.partner').count()).toBe(before);
      expect(
        await cms.strapi.db.query('api::partner.partner').findOne({ where: { importKey: 'rollback-probe' } }),
      ).toBeNull();
    });
  });

  describe('relations are edited once', () => {
    it('a relation set in Georgian appears in English', async () => {
      const project = await byKey('api::project.project', 'idp-social-enterprises', 'ka', 'draft');
      const eu = await byKey('api::funder.funder', 'eu', 'ka', 'draft');
      await docs('api::project.project').update({
        documentId: project.documentId,
        locale: 'ka',
        data: { funders: [eu.documentId] },
      } as never);
      const en = await byKey('api::project.project', 'idp-social-enterprises', 'en', 'draft');
      expect(en.funders.map((f: Doc) => [f.documentId, f.locale])).toEqual([[eu.documentId, 'en']]);
    });

    it('an edit made in English reaches Georgian too', async () => {
      const project = await byKey('api::project.project', 'idp-social-enterprises', 'en', 'draft');
      const funders = (await docs('api::funder.funder').findMany({ locale: 'en', status: 'draft' } as never)) as Doc[];
      await docs('api::project.project').update({
        documentId: project.documentId,
        locale: 'en',
        data: { funders: { connect: funders.map((f) => ({ documentId: f.documentId, locale: 'en' })) } },
      } as never);
      const ka = await byKey('api::project.project', 'idp-social-enterprises', 'ka', 'draft');
      expect(ka.funders.map((f: Doc) => f.documentId).sort()).toEqual(funders.map((f) => f.documentId).sort());
      expect(ka.funders.every((f: Doc) => f.locale === 'ka')).toBe(true);
    });

    it('a translation added later starts with the document’s relations, on both sides', async () => {
      const partner = (await docs('api::partner.partner').create({
        locale: 'ka',
        data: { name: 'ახალი პარტნიორი', kind: 'ngo' },
      } as never)) as Doc;
      const project = (await docs('api::project.project').create({
        locale: 'ka',
        data: {
          title: 'ახალი პროექტი',
          summary: 'მოკლედ',
          phase: 'planned',
          implementingPartners: [partner.documentId],
        },
      } as never)) as Doc;
      // English arrives first for the project, then for the partner: both links must exist in English.
      await docs('api::project.project').update({
        documentId: project.documentId,
        locale: 'en',
        data: { title: 'New project', summary: 'Short' },
      } as never);
      await docs('api::partner.partner').update({
        documentId: partner.documentId,
        locale: 'en',
        data: { name: 'New partner' },
      } as never);
      const en = (await docs('api::project.project').findOne({
        documentId: project.documentId,
        locale: 'en',
        status: 'draft',
        populate: ['implementingPartners'],
      } as never)) as Doc;
      expect(en.implementingPartners.map((p: Doc) => [p.documentId, p.locale])).toEqual([[partner.documentId, 'en']]);
    });
  });

  describe('slugs', () => {
    const create = (title: string, slug?: string, locale = 'ka') =>
      docs('api::programme.programme').create({
        locale,
        data: { title, summary: 's', ...(slug ? { slug } : {}) },
      } as never) as Promise<Doc>;

    it('are made from the title, romanised, and numbered when taken', async () => {
      const first = await create('ბავშვთა განათლება');
      const second = await create('ბავშვთა განათლება');
      expect(first.slug).toBe('bavshvta-ganatleba');
      expect(second.slug).toBe('bavshvta-ganatleba-2');
    });
    it('are unique per locale, not across locales', async () => {
      const en = await create('Education', 'bavshvta-ganatleba', 'en');
      expect(en.slug).toBe('bavshvta-ganatleba');
    });
    it('typed by an editor must be URL-safe and free', async () => {
      await expect(create('x', 'Not A Slug')).rejects.toThrow(/lowercase Latin letters/);
      await expect(create('x', 'bavshvta-ganatleba')).rejects.toThrow(
        /"bavshvta-ganatleba" is already used by another programme in Georgian/,
      );
    });
    it('survive an update that does not mention them, even of the title', async () => {
      const doc = await create('სოფლის სკოლა');
      const update = (data: Record<string, unknown>) =>
        docs('api::programme.programme').update({
          documentId: doc.documentId,
          locale: 'ka',
          data,
        } as never) as Promise<Doc>;
      expect((await update({ summary: 'ახალი' })).slug).toBe('soplis-skola');
      expect((await update({ title: 'ქალაქის სკოლა' })).slug).toBe('soplis-skola');
      // Emptied on purpose: made again from the current title.
      expect((await update({ slug: '' })).slug).toBe('kalakis-skola');
    });
  });

  describe('set-up on every start', () => {
    it('grants the public role exactly the read actions, idempotently', async () => {
      await ensurePublicPermissions(cms.strapi);
      await ensurePublicPermissions(cms.strapi);
      const role = await cms.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
      const actions = (
        await cms.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } })
      ).map((p: Doc) => p.action);
      expect(actions.sort()).toEqual([...PUBLIC_ACTIONS].sort());
    });
    it('shows editors a label and a hint for each field', async () => {
      const service = cms.strapi.plugin('content-manager').service('content-types');
      const configuration = await service.findConfiguration(cms.strapi.contentType('api::project.project'));
      expect(configuration.metadatas.results.edit.label).toBe('Results (figures)');
      expect(configuration.metadatas.startDate.edit.description).toMatch(/Year/);
    });
  });
});
