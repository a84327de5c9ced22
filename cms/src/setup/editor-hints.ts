import type { Core } from '@strapi/strapi';

type Hints = Record<string, { label: string; description: string }>;

const SLUG = {
  label: 'Slug (web address)',
  description: 'Latin letters, digits and hyphens. Leave empty to make it from the title; Georgian is romanised.',
};
const SEO = {
  label: 'Search and sharing',
  description: 'Optional: the title and description search engines and social networks show.',
};
const BODY = { label: 'Text', description: 'The main text. Use headings and lists; add images with alternative text.' };
const ORGANISATION: Hints = {
  name: {
    label: 'Name',
    description: 'Full name in this language, e.g. "Centre for Strategic Research and Development of Georgia".',
  },
  slug: SLUG,
  acronym: {
    label: 'Acronym',
    description: 'The same in every language, e.g. CSRDG. Leave empty if the organisation has none.',
  },
  kind: { label: 'Kind of organisation', description: 'Used to group organisations on the site.' },
  country: { label: 'Country', description: 'Where the organisation is based (ISO code).' },
  website: { label: 'Website', description: 'Full address starting with https://' },
  logo: { label: 'Logo', description: 'The logo and its alternative text in this language.' },
  description: { label: 'About', description: 'What the organisation does and its role in our projects.' },
  seo: SEO,
};

/** Labels and hints editors see in the admin, per type and field. The admin shows them above each field. */
export const EDITOR_HINTS: Record<string, Hints> = {
  'api::programme.programme': {
    title: { label: 'Title', description: 'The programme name as visitors see it.' },
    slug: SLUG,
    summary: {
      label: 'Summary',
      description: 'One or two sentences for lists and search results (max. 400 characters).',
    },
    body: { label: 'Background', description: 'The situation the programme responds to.' },
    approach: { label: 'Our approach', description: 'How ASB works in this programme.' },
    projects: {
      label: 'Projects',
      description: 'Projects of this programme. Set once: every language shows the same links.',
    },
    seo: SEO,
  },
  'api::project.project': {
    title: { label: 'Title', description: 'The project name as visitors see it.' },
    slug: SLUG,
    summary: {
      label: 'Summary',
      description: 'One or two sentences for lists and search results (max. 400 characters).',
    },
    image: {
      label: 'Main photo',
      description: 'Shown at the top of the project page, with alternative text in this language.',
    },
    body: BODY,
    objectives: { label: 'Objectives', description: 'One item per objective.' },
    results: {
      label: 'Results (figures)',
      description:
        'Each result as a number and what it counts, e.g. 95 / potential social entrepreneurs trained. Use "baseline" for growth (from 20 to 60). The home page adds these up.',
    },
    programme: { label: 'Programme', description: 'Set once: every language shows the same link.' },
    funders: { label: 'Funders', description: 'Who funds the project. Set once for all languages.' },
    implementingPartners: {
      label: 'Implementing partners',
      description: 'Organisations carrying out the project with ASB (not ASB itself). Set once for all languages.',
    },
    associatedPartners: {
      label: 'Associated partners',
      description: 'Organisations supporting the project without implementing it.',
    },
    socialEnterprises: {
      label: 'Social enterprises',
      description: 'Enterprises founded or supported by this project.',
    },
    countries: { label: 'Countries', description: 'Countries where the project works.' },
    places: { label: 'Places', description: 'Villages, settlements and municipalities, in this language.' },
    startDate: { label: 'Start', description: 'Year (2016), month (2016-03) or day (2016-03-01).' },
    endDate: { label: 'End', description: 'Year, month or day; leave empty if open.' },
    phase: {
      label: 'Phase',
      description:
        'Where the project stands: planned (not started yet), ongoing or completed. The site lists ongoing and planned projects as current.',
    },
    subGrants: {
      label: 'Sub-grants',
      description: 'Grants passed on to other organisations: country, how many, maximum amount, currency, year.',
    },
    seo: SEO,
  },
  'api::social-enterprise.social-enterprise': {
    name: { label: 'Name', description: 'The enterprise name in this language.' },
    slug: SLUG,
    summary: { label: 'Summary', description: 'One or two sentences for lists and search results.' },
    body: BODY,
    sector: { label: 'Sector', description: 'What kind of service it provides.' },
    services: { label: 'Services', description: 'One item per service offered.' },
    beneficiaries: {
      label: 'Beneficiaries',
      description:
        'Who it serves: a number and who they are, e.g. 30 / children under 6. Use "baseline" for growth (20 to 60).',
    },
    jobsCreated: { label: 'Jobs created', description: 'People employed by the enterprise.' },
    foundedYear: { label: 'Founded (year)', description: 'e.g. 2016' },
    location: { label: 'Location', description: 'Village or settlement, municipality and region, in this language.' },
    coordinates: { label: 'Map position', description: 'Latitude and longitude, the same in every language.' },
    operator: { label: 'Run by', description: 'The organisation that operates the enterprise.' },
    project: { label: 'Project', description: 'The project that founded or supports it.' },
    image: { label: 'Photo', description: 'A photo and its alternative text in this language.' },
    seo: SEO,
  },
  'api::partner.partner': ORGANISATION,
  'api::funder.funder': {
    ...ORGANISATION,
    projects: { label: 'Funded projects', description: 'Set once for all languages.' },
  },
  'api::organisation-setting.organisation-setting': {
    name: { label: 'Organisation name', description: 'As shown in the header and footer.' },
    tagline: { label: 'Tagline', description: 'One short sentence under the name.' },
    phone: { label: 'Phone', description: 'International format, e.g. +995 32 2 29 00 06.' },
    email: { label: 'Email', description: 'Public contact address.' },
    address: { label: 'Address', description: 'Postal address in this language.' },
    socialLinks: { label: 'Social networks', description: 'Links to the organisation’s pages.' },
    seo: SEO,
  },
  'api::home-page.home-page': {
    title: { label: 'Heading', description: 'The main heading of the home page.' },
    intro: { label: 'Introduction', description: 'Who ASB Georgia is, in a few sentences.' },
    seo: SEO,
  },
};

/** Idempotent: writes the hints into the content manager's view configuration on every start. */
export async function applyEditorHints(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager').service('content-types');
  for (const [uid, hints] of Object.entries(EDITOR_HINTS)) {
    const contentType = strapi.contentType(uid as never);
    const configuration = await service.findConfiguration(contentType);
    let changed = false;
    for (const [field, hint] of Object.entries(hints)) {
      const edit = configuration.metadatas?.[field]?.edit;
      if (!edit) continue;
      if (edit.label !== hint.label || edit.description !== hint.description) {
        Object.assign(edit, hint);
        changed = true;
      }
      if (field === 'importKey') edit.visible = false;
    }
    if (changed) await service.updateConfiguration(contentType, configuration);
  }
}
