import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import {
  FundersDocument,
  LOCALES,
  FunderStampsDocument,
  PartnersDocument,
  PartnerStampsDocument,
  ProgrammesDocument,
  ProgrammeStampsDocument,
  ProjectsDocument,
  ProjectStampsDocument,
  SiteSettingsDocument,
  SLUG_PATTERN,
  SocialEnterprisesDocument,
  SocialEnterpriseStampsDocument,
  type FundersQuery,
  type PartnersQuery,
  type ProgrammesQuery,
  type ProjectsQuery,
  type SiteSettingsQuery,
  type SocialEnterprisesQuery,
  type Locale,
} from '@asb/shared';
import { collectionLoader, settingsLoader } from './lib/cms-loader';

/*
 * Entry types are the GraphQL types generated from the CMS schema (@asb/shared); the schemas here
 * only check what a page cannot do without, so a broken entry fails the build with its name.
 */
type NodeOf<T extends { page: { nodes: unknown[] } | null }> = NonNullable<T['page']>['nodes'][number] & {
  locale: Locale;
};

const text = z.string().trim().min(1, 'must not be empty');
const slug = z.string().regex(SLUG_PATTERN, 'must be a URL slug');
const base = { documentId: z.string().min(1), locale: z.enum(LOCALES), slug };

const checked = <T>(shape: z.ZodRawShape) =>
  z.looseObject({ ...base, ...shape }).transform((value) => value as unknown as T);

export const collections = {
  programmes: defineCollection({
    loader: collectionLoader('programmes', ProgrammesDocument, ProgrammeStampsDocument),
    schema: checked<NodeOf<ProgrammesQuery>>({ title: text, summary: text }),
  }),
  projects: defineCollection({
    loader: collectionLoader('projects', ProjectsDocument, ProjectStampsDocument),
    schema: checked<NodeOf<ProjectsQuery>>({
      title: text,
      summary: text,
      phase: z.enum(['planned', 'ongoing', 'completed']),
    }),
  }),
  socialEnterprises: defineCollection({
    loader: collectionLoader('socialEnterprises', SocialEnterprisesDocument, SocialEnterpriseStampsDocument),
    schema: checked<NodeOf<SocialEnterprisesQuery>>({ name: text, summary: text }),
  }),
  partners: defineCollection({
    loader: collectionLoader('partners', PartnersDocument, PartnerStampsDocument),
    schema: checked<NodeOf<PartnersQuery>>({ name: text }),
  }),
  funders: defineCollection({
    loader: collectionLoader('funders', FundersDocument, FunderStampsDocument),
    schema: checked<NodeOf<FundersQuery>>({ name: text }),
  }),
  settings: defineCollection({
    loader: settingsLoader(SiteSettingsDocument),
    schema: z
      .looseObject({
        locale: z.enum(LOCALES),
        organisation: z.looseObject({ name: text, phone: text }).nullable(),
      })
      .transform((value) => value as unknown as SiteSettingsQuery & { locale: Locale }),
  }),
};
