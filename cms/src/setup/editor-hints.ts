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

/** The same for the fields of components (shown inside the types' forms). Otherwise Strapi shows the raw names ("alt*"). */
export const COMPONENT_HINTS: Record<string, Hints> = {
  'shared.image': {
    file: { label: 'Image file', description: 'JPEG, PNG or WebP, at least 1200 pixels wide.' },
    alt: {
      label: 'Alternative text',
      description: 'What the image shows, for people who cannot see it, in this language (max. 250 characters).',
    },
  },
  'shared.seo': {
    metaTitle: {
      label: 'Title for search engines',
      description: 'Up to 70 characters. Leave empty to use the title.',
    },
    metaDescription: {
      label: 'Description for search engines',
      description: 'Up to 170 characters. Leave empty to use the summary.',
    },
    shareImage: { label: 'Sharing image', description: 'Shown when the page is shared on social networks.' },
  },
  'shared.social-link': {
    network: { label: 'Network', description: 'Which social network the link goes to.' },
    url: { label: 'Address', description: 'Full address starting with https://' },
  },
  'content.indicator': {
    value: { label: 'Figure', description: 'The number, e.g. 95.' },
    baseline: {
      label: 'Starting figure',
      description: 'Optional, for growth: the figure before, e.g. 20 for "from 20 to 60".',
    },
    label: { label: 'What it counts', description: 'In this language, e.g. "potential social entrepreneurs trained".' },
  },
  'content.place': {
    settlement: { label: 'Village or settlement', description: 'In this language.' },
    municipality: { label: 'Municipality', description: 'In this language.' },
    region: { label: 'Region', description: 'In this language.' },
  },
  'content.coordinates': {
    latitude: { label: 'Latitude', description: 'Decimal degrees north, e.g. 41.7151.' },
    longitude: { label: 'Longitude', description: 'Decimal degrees east, e.g. 44.8271.' },
  },
  'content.sub-grant': {
    country: { label: 'Country', description: 'Where the grants went.' },
    count: { label: 'Number of grants', description: 'How many grants were given in this round.' },
    maxAmount: { label: 'Maximum amount', description: 'The largest grant, in the currency below.' },
    currency: { label: 'Currency', description: 'Currency of the maximum amount.' },
    year: { label: 'Year', description: 'e.g. 2023' },
  },
  'content.country': { code: { label: 'Country', description: 'Country where the project works.' } },
  'content.text-item': { text: { label: 'Text', description: 'One item: a sentence or a short paragraph.' } },
};

/** What a collapsed entry of a repeatable component shows as its title (Strapi's default is the first text field or its id). */
export const COMPONENT_TITLES: Record<string, string> = {
  'shared.social-link': 'url',
  'content.indicator': 'label',
  'content.place': 'settlement',
  'content.sub-grant': 'country',
  'content.text-item': 'text',
};

/**
 * List views: the name, then when it was last changed. Strapi adds the "Available in" (locales) and
 * status columns itself for localized draft-and-publish types; both sit between these two.
 * Newest first, so what an editor just changed is at the top.
 */
export const LIST_VIEWS: Record<string, { mainField: string; columns: Hints }> = {
  'api::programme.programme': { mainField: 'title', columns: { title: { label: 'Title', description: '' } } },
  'api::project.project': { mainField: 'title', columns: { title: { label: 'Title', description: '' } } },
  'api::social-enterprise.social-enterprise': {
    mainField: 'name',
    columns: { name: { label: 'Name', description: '' } },
  },
  'api::partner.partner': { mainField: 'name', columns: { name: { label: 'Name', description: '' } } },
  'api::funder.funder': { mainField: 'name', columns: { name: { label: 'Name', description: '' } } },
};
export const LAST_UPDATED = { field: 'updatedAt', label: 'Last updated' } as const;
export const LIST_PAGE_SIZE = 20;

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
  layouts: { list: string[]; edit: unknown };
}
interface ConfigurationService {
  findConfiguration(model: unknown): Promise<Configuration>;
  updateConfiguration(model: unknown, configuration: Configuration): Promise<unknown>;
}

/** Writes labels and hints into one type's or component's edit metadata; true when something changed. */
function writeHints(configuration: Configuration, hints: Hints) {
  let changed = false;
  for (const [field, hint] of Object.entries(hints)) {
    const edit = configuration.metadatas?.[field]?.edit;
    if (!edit) continue;
    if (edit.label !== hint.label || edit.description !== hint.description) {
      Object.assign(edit, hint);
      changed = true;
    }
  }
  const importKey = configuration.metadatas?.importKey?.edit;
  if (importKey && importKey.visible !== false) {
    importKey.visible = false;
    changed = true;
  }
  return changed;
}

/** Sets `target[key] = value` when it differs; true when it changed. */
function put(target: Record<string, unknown>, key: string, value: unknown) {
  if (JSON.stringify(target[key]) === JSON.stringify(value)) return false;
  target[key] = value;
  return true;
}

/**
 * Idempotent: writes the hints, list columns, sort and component titles into the content manager's
 * view configuration on every start. The code is the source of truth for these (as for the hints):
 * changes made in "Configure the view" last until the next start.
 */
export async function applyEditorHints(strapi: Core.Strapi) {
  const types = strapi.plugin('content-manager').service('content-types') as ConfigurationService;
  for (const [uid, hints] of Object.entries(EDITOR_HINTS)) {
    const contentType = strapi.contentType(uid as never);
    const configuration = await types.findConfiguration(contentType);
    let changed = writeHints(configuration, hints);
    const view = LIST_VIEWS[uid];
    if (view) {
      const columns = { ...view.columns, [LAST_UPDATED.field]: { label: LAST_UPDATED.label, description: '' } };
      for (const [field, { label }] of Object.entries(columns)) {
        const list = configuration.metadatas[field]?.list;
        if (list) changed = put(list, 'label', label) || changed;
      }
      changed = put(configuration.layouts, 'list', Object.keys(columns)) || changed;
      changed = put(configuration.settings, 'mainField', view.mainField) || changed;
      changed = put(configuration.settings, 'defaultSortBy', LAST_UPDATED.field) || changed;
      changed = put(configuration.settings, 'defaultSortOrder', 'DESC') || changed;
      changed = put(configuration.settings, 'pageSize', LIST_PAGE_SIZE) || changed;
    }
    if (changed) await types.updateConfiguration(contentType, configuration);
  }

  const components = strapi.plugin('content-manager').service('components') as ConfigurationService;
  for (const [uid, hints] of Object.entries(COMPONENT_HINTS)) {
    const component = strapi.components[uid as keyof typeof strapi.components];
    if (!component) throw new Error(`COMPONENT_HINTS names ${uid}, which is not a component`);
    const configuration = await components.findConfiguration(component);
    let changed = writeHints(configuration, hints);
    const title = COMPONENT_TITLES[uid];
    if (title) changed = put(configuration.settings, 'mainField', title) || changed;
    if (changed) await components.updateConfiguration(component, configuration);
  }
}
