import { z } from 'zod';
import { SLUG_PATTERN, type DocumentType } from '@asb/shared';
import { PARTIAL_DATE } from '../documents/field-rules';

/**
 * The shape of the versioned content files in cms/content/: one YAML file per document,
 * language-independent values at the top, each language's text under `ka:` and `en:`,
 * relations as other files' keys. Prose is a small Markdown subset (see markdown-blocks.ts).
 */
const key = z.string().regex(SLUG_PATTERN, 'must be lowercase Latin letters, digits and hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const prose = z.string();
const country = z.enum(['GE', 'UA', 'DE', 'AM', 'AZ', 'US', 'MD', 'BY']);
const partialDate = z.string().regex(PARTIAL_DATE, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const indicator = z.strictObject({ value: z.number(), label: text, baseline: z.number().optional() });
const place = z.strictObject({ settlement: text.optional(), municipality: text.optional(), region: text.optional() });
const slug = z.string().regex(SLUG_PATTERN, 'must be lowercase Latin letters, digits and hyphens').optional();
const orgKind = z.enum([
  'ngo',
  'research-centre',
  'microfinance-organisation',
  'community-organisation',
  'government-agency',
  'humanitarian-organisation',
  'intergovernmental-organisation',
  'other',
]);

function bilingual<T extends z.ZodRawShape>(shape: T) {
  const localized = z.strictObject(shape);
  return { ka: localized, en: localized };
}

export const programmeFile = z.strictObject({
  key,
  ...bilingual({ title: text, slug, summary: text.max(400), body: prose, approach: prose }),
});

export const projectFile = z.strictObject({
  key,
  programme: key.optional(),
  phase: z.enum(['planned', 'ongoing', 'completed']),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
  countries: z.array(country).default([]),
  funders: z.array(key).default([]),
  implementingPartners: z.array(key).default([]),
  associatedPartners: z.array(key).default([]),
  subGrants: z
    .array(
      z.strictObject({
        country,
        count: z.number().int().nonnegative(),
        maxAmount: z.number().nonnegative().optional(),
        currency: z.enum(['EUR', 'USD', 'GEL']).default('EUR'),
        year: z.number().int().min(1990).max(2100).optional(),
      }),
    )
    .default([]),
  ...bilingual({
    title: text,
    slug,
    summary: text.max(400),
    body: prose,
    objectives: z.array(text).default([]),
    results: z.array(indicator).default([]),
    places: z.array(place).default([]),
  }),
});

export const socialEnterpriseFile = z.strictObject({
  key,
  project: key.optional(),
  operator: key.optional(),
  sector: z.enum([
    'education',
    'early-childhood-education',
    'elderly-care',
    'repair-and-construction',
    'vehicle-repair',
    'agriculture',
    'other',
  ]),
  foundedYear: z.number().int().min(1990).max(2100).optional(),
  jobsCreated: z.number().int().nonnegative().optional(),
  location: z
    .strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .optional(),
  ...bilingual({
    name: text,
    slug,
    summary: text.max(400),
    body: prose,
    services: z.array(text).default([]),
    beneficiaries: z.array(indicator).default([]),
    location: place.optional(),
  }),
});

export const organisationFile = z.strictObject({
  key,
  acronym: text.max(20).optional(),
  kind: orgKind,
  country: country.optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  ...bilingual({ name: text, slug, description: prose }),
});

export const organisationSettingsFile = z.strictObject({
  phone: z.string().regex(/^\+?[0-9 ()-]{6,25}$/, 'must be a phone number such as +995 32 2 29 00 06'),
  email: z.email().optional(),
  ...bilingual({ name: text, address: text.optional(), tagline: text.optional() }),
});

export const homePageFile = z.strictObject({ ...bilingual({ title: text, intro: prose }) });

export type ProgrammeFile = z.infer<typeof programmeFile>;
export type ProjectFile = z.infer<typeof projectFile>;
export type SocialEnterpriseFile = z.infer<typeof socialEnterpriseFile>;
export type OrganisationFile = z.infer<typeof organisationFile>;
export type OrganisationSettingsFile = z.infer<typeof organisationSettingsFile>;
export type HomePageFile = z.infer<typeof homePageFile>;

/** Everything an import writes, already validated and cross-checked. */
export interface ContentBundle {
  partners: OrganisationFile[];
  funders: OrganisationFile[];
  programmes: ProgrammeFile[];
  projects: ProjectFile[];
  socialEnterprises: SocialEnterpriseFile[];
  organisation?: OrganisationSettingsFile;
  home?: HomePageFile;
}

/** Schema of each type's files; a type's folder in cms/content/ is its URL segment (@asb/shared SEGMENTS). */
export const COLLECTION_FILES = {
  partners: organisationFile,
  funders: organisationFile,
  programmes: programmeFile,
  projects: projectFile,
  socialEnterprises: socialEnterpriseFile,
} as const satisfies Record<DocumentType, unknown>;
