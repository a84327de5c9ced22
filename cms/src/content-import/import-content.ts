import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@asb/shared';
import type {
  ContentBundle,
  OrganisationFile,
  ProgrammeFile,
  ProjectFile,
  SocialEnterpriseFile,
} from './content-files';
import { markdownToBlocks } from './markdown-blocks';
import { CONTENT_IMPORTED_EVENT, withoutEntryEvents, type ContentImportedPayload } from './bulk-events';

type Data = Record<string, unknown>;
type Progress = (message: string) => void;

export interface ImportSummary {
  created: number;
  updated: number;
  byType: Record<string, number>;
}

interface Plan<T> {
  uid: UID.ContentType;
  label: string;
  docs: T[];
  shared: (doc: T, ids: KeyMap) => Data;
  localized: (doc: T, locale: Locale) => Data;
}
type KeyMap = Map<string, string>; // `${uid}:${key}` -> documentId

const blocks = (text: string) => (text.trim() ? markdownToBlocks(text) : null);
const items = (texts: string[]) => texts.map((text) => ({ text }));
const ref = (ids: KeyMap, uid: string, key: string | undefined) => (key ? (ids.get(`${uid}:${key}`) ?? null) : null);
const refs = (ids: KeyMap, uid: string, keys: string[]) => keys.map((k) => ids.get(`${uid}:${k}`)).filter(Boolean);

const organisation = (uid: UID.ContentType, label: string, docs: OrganisationFile[]): Plan<OrganisationFile> => ({
  uid,
  label,
  docs,
  shared: (d) => ({ acronym: d.acronym ?? null, kind: d.kind, country: d.country ?? null, website: d.website ?? null }),
  localized: (d, l) => ({ name: d[l].name, ...slug(d[l].slug), description: blocks(d[l].description) }),
});

/**
 * On SQLite every query resolves synchronously (better-sqlite3), so a long import never returns
 * to the event loop, and V8 runs the finalisers that free prepared statements' native memory only
 * from there: without this, a 1,000-project import held 3.7 GB and 5,000 projects exhausted the
 * machine. PostgreSQL stayed flat either way.
 */
const letNativeMemoryGo = () => new Promise<void>((resolve) => setImmediate(resolve));

function slug(value: string | undefined) {
  return value ? { slug: value } : {};
}

/**
 * Writes a validated bundle into Strapi: idempotent (documents are matched by their file key,
 * kept in the private `importKey` field), both locales, relations set once in the default
 * locale (the relation-sync rule copies them), then everything is published. One transaction:
 * a failure leaves the database as it was. Announced by one CONTENT_IMPORTED_EVENT after the
 * commit, not by an event per entry (see withoutEntryEvents).
 */
export async function importContent(
  strapi: Core.Strapi,
  bundle: ContentBundle,
  progress: Progress = () => {},
): Promise<ImportSummary> {
  const plans = [
    organisation('api::partner.partner', 'partners', bundle.partners),
    organisation('api::funder.funder', 'funders', bundle.funders),
    {
      uid: 'api::programme.programme',
      label: 'programmes',
      docs: bundle.programmes,
      shared: () => ({}),
      localized: (d, l) => ({
        title: d[l].title,
        ...slug(d[l].slug),
        summary: d[l].summary,
        body: blocks(d[l].body),
        approach: blocks(d[l].approach),
      }),
    } satisfies Plan<ProgrammeFile>,
    {
      uid: 'api::project.project',
      label: 'projects',
      docs: bundle.projects,
      shared: (d, ids) => ({
        phase: d.phase,
        startDate: d.startDate ?? null,
        endDate: d.endDate ?? null,
        countries: d.countries.map((code) => ({ code })),
        subGrants: d.subGrants,
        programme: ref(ids, 'api::programme.programme', d.programme),
        funders: refs(ids, 'api::funder.funder', d.funders),
        implementingPartners: refs(ids, 'api::partner.partner', d.implementingPartners),
        associatedPartners: refs(ids, 'api::partner.partner', d.associatedPartners),
      }),
      localized: (d, l) => ({
        title: d[l].title,
        ...slug(d[l].slug),
        summary: d[l].summary,
        body: blocks(d[l].body),
        objectives: items(d[l].objectives),
        results: d[l].results,
        places: d[l].places,
      }),
    } satisfies Plan<ProjectFile>,
    {
      uid: 'api::social-enterprise.social-enterprise',
      label: 'social enterprises',
      docs: bundle.socialEnterprises,
      shared: (d, ids) => ({
        sector: d.sector,
        foundedYear: d.foundedYear ?? null,
        jobsCreated: d.jobsCreated ?? null,
        coordinates: d.location ?? null,
        project: ref(ids, 'api::project.project', d.project),
        operator: ref(ids, 'api::partner.partner', d.operator),
      }),
      localized: (d, l) => ({
        name: d[l].name,
        ...slug(d[l].slug),
        summary: d[l].summary,
        body: blocks(d[l].body),
        services: items(d[l].services),
        beneficiaries: d[l].beneficiaries,
        location: d[l].location ?? null,
      }),
    } satisfies Plan<SocialEnterpriseFile>,
  ] as unknown as Plan<{ key: string }>[];

  const summary: ImportSummary = { created: 0, updated: 0, byType: {} };
  await withoutEntryEvents(strapi, () =>
    strapi.db.transaction(async () => {
      const ids: KeyMap = new Map();
      for (const plan of plans) {
        let done = 0;
        for (const doc of plan.docs) {
          const existing = await strapi.db
            .query(plan.uid)
            .findOne({ select: ['documentId'], where: { importKey: doc.key } });
          const shared = { ...plan.shared(doc, ids), importKey: doc.key };
          let documentId: string;
          if (existing) {
            documentId = existing.documentId;
            await strapi.documents(plan.uid).update({
              documentId,
              locale: DEFAULT_LOCALE,
              data: { ...shared, ...plan.localized(doc, DEFAULT_LOCALE) },
            } as never);
            summary.updated++;
          } else {
            const created = await strapi
              .documents(plan.uid)
              .create({ locale: DEFAULT_LOCALE, data: { ...shared, ...plan.localized(doc, DEFAULT_LOCALE) } } as never);
            documentId = created.documentId;
            summary.created++;
          }
          for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
            // importKey is private, and Strapi copies only public non-localized fields into a new locale.
            await strapi
              .documents(plan.uid)
              .update({ documentId, locale, data: { importKey: doc.key, ...plan.localized(doc, locale) } } as never);
          }
          ids.set(`${plan.uid}:${doc.key}`, documentId);
          done++;
          await letNativeMemoryGo();
          if (done === plan.docs.length || done % 100 === 0) progress(`${plan.label}: ${done}/${plan.docs.length}`);
        }
        summary.byType[plan.label] = plan.docs.length;
      }

      for (const [uid, file, data] of [
        [
          'api::organisation-setting.organisation-setting',
          bundle.organisation,
          (l: Locale) => ({
            phone: bundle.organisation!.phone,
            email: bundle.organisation!.email ?? null,
            ...bundle.organisation![l],
          }),
        ],
        [
          'api::home-page.home-page',
          bundle.home,
          (l: Locale) => ({ title: bundle.home![l].title, intro: blocks(bundle.home![l].intro) }),
        ],
      ] as const) {
        if (!file) continue;
        for (const locale of LOCALES) {
          // A single type has one document; update() creates the locale when it is missing.
          const existing = await strapi.documents(uid).findFirst({ locale: DEFAULT_LOCALE, status: 'draft' } as never);
          if (existing)
            await strapi
              .documents(uid)
              .update({ documentId: existing.documentId, locale, data: data(locale) } as never);
          else await strapi.documents(uid).create({ locale, data: data(locale) } as never);
        }
        progress(`${uid.split('.').pop()}: done`);
      }

      let published = 0;
      const everything: UID.ContentType[] = [
        ...plans.map((p) => p.uid),
        'api::organisation-setting.organisation-setting',
        'api::home-page.home-page',
      ];
      for (const uid of everything) {
        const drafts: { documentId: string }[] = await strapi.db
          .query(uid)
          .findMany({ select: ['documentId'], where: { publishedAt: null, locale: DEFAULT_LOCALE } });
        for (const { documentId } of drafts) {
          await strapi.documents(uid).publish({ documentId, locale: '*' } as never);
          published++;
          await letNativeMemoryGo();
        }
      }
      progress(`published ${published} documents in ${LOCALES.join(' and ')}`);
    }),
  );
  await strapi.eventHub.emit(CONTENT_IMPORTED_EVENT, {
    created: summary.created,
    updated: summary.updated,
  } satisfies ContentImportedPayload);
  return summary;
}
