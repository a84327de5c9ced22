/**
 * What each field of the partner API means, written for the people who read the API (the admin's
 * hints, src/setup/editor-hints.ts, are written for editors: "leave empty to …"). One text per
 * field, used by both descriptions partners generate clients from: the OpenAPI document
 * (openapi.ts → docs/openapi.json) and the GraphQL schema (public-schema.ts → shared/schema).
 * Whether a field differs per language, and that relations, components and media come only when
 * populated, is added from the content model, so it cannot go stale.
 *
 * A field added to a type or component without a description here makes the contract test
 * (test/contract.test.ts) fail, naming it.
 */
type Descriptions = Record<string, string>;

const SLUG =
  'The last part of the document’s web address on the site, unique per type and language (Latin letters, digits, hyphens).';
const SEO = 'The title, description and image search engines and social networks show for the document’s page.';
const ORGANISATION: Descriptions = {
  name: 'Full name of the organisation in this language.',
  slug: SLUG,
  acronym: 'Short name, the same in every language (e.g. CSRDG); null when the organisation has none.',
  kind: 'Kind of organisation (the values are listed with the type), used to group organisations.',
  country: 'Where the organisation is based: an ISO 3166-1 alpha-2 code; null when not given.',
  website: 'The organisation’s website, a full https:// address; null when not given.',
  logo: 'The logo, with its alternative text in this language.',
  description: 'What the organisation does and its role in ASB’s projects, as rich-text blocks.',
  seo: SEO,
};

/** Per content type (uid) and attribute. */
export const TYPE_DESCRIPTIONS: Record<string, Descriptions> = {
  'api::programme.programme': {
    title: 'The programme’s name.',
    slug: SLUG,
    summary: 'One or two sentences for lists and search results (at most 400 characters).',
    body: 'Background: the situation the programme responds to, as rich-text blocks.',
    approach: 'How ASB works in this programme, as rich-text blocks.',
    projects: 'The projects of this programme.',
    seo: SEO,
  },
  'api::project.project': {
    title: 'The project’s name.',
    slug: SLUG,
    summary: 'One or two sentences for lists and search results (at most 400 characters).',
    image: 'The main photo, with its alternative text in this language.',
    body: 'The project’s description, as rich-text blocks.',
    objectives: 'The objectives, one item each.',
    results: 'Results as figures: each a number and what it counts, optionally with a baseline for growth.',
    programme: 'The programme the project belongs to.',
    funders: 'Who funds the project.',
    implementingPartners: 'Organisations carrying out the project with ASB.',
    associatedPartners: 'Organisations supporting the project without implementing it.',
    socialEnterprises: 'Social enterprises founded or supported by the project.',
    countries: 'Countries where the project works.',
    places: 'Villages, settlements and municipalities where the project works, in this language.',
    startDate: 'When the project started: a year (2016), a month (2016-03) or a day (2016-03-01); null when not known.',
    endDate: 'When the project ends or ended, in the same formats as startDate; null while open.',
    phase: 'Where the project stands: planned, ongoing or completed.',
    subGrants: 'Grants passed on to other organisations: country, number, maximum amount, currency, year.',
    seo: SEO,
  },
  'api::social-enterprise.social-enterprise': {
    name: 'The enterprise’s name in this language.',
    slug: SLUG,
    summary: 'One or two sentences for lists and search results.',
    body: 'The enterprise’s description, as rich-text blocks.',
    sector: 'What kind of service it provides.',
    services: 'The services it offers, one item each.',
    beneficiaries: 'Who it serves: each a number and who they are, optionally with a baseline for growth.',
    jobsCreated: 'People employed by the enterprise; null when not known.',
    foundedYear: 'The year it was founded; null when not known.',
    location: 'Village or settlement, municipality and region, in this language.',
    coordinates: 'Its position on a map (latitude and longitude), the same in every language.',
    operator: 'The organisation that runs the enterprise.',
    project: 'The project that founded or supports it.',
    image: 'A photo, with its alternative text in this language.',
    seo: SEO,
  },
  'api::partner.partner': {
    ...ORGANISATION,
    implementedProjects: 'Projects this organisation carries out with ASB.',
    associatedProjects: 'Projects this organisation supports without implementing them.',
    operatedEnterprises: 'Social enterprises this organisation runs.',
  },
  'api::funder.funder': {
    ...ORGANISATION,
    projects: 'Projects this organisation funds.',
  },
  'api::organisation-setting.organisation-setting': {
    name: 'The organisation’s name, as the site’s header and footer show it.',
    tagline: 'One short sentence under the name; null when not given.',
    phone: 'Phone number in international format, e.g. +995 32 2 29 00 06.',
    email: 'Public contact e-mail address; null when not given.',
    address: 'Postal address in this language; null when not given.',
    socialLinks: 'Links to the organisation’s pages on social networks.',
    seo: SEO,
  },
  'api::home-page.home-page': {
    title: 'The main heading of the home page.',
    intro: 'Who ASB Georgia is, in a few sentences, as rich-text blocks.',
    seo: SEO,
  },
};

/** Per component (uid) and attribute. */
export const COMPONENT_DESCRIPTIONS: Record<string, Descriptions> = {
  'shared.image': {
    file: 'The image file (URL, size, formats).',
    alt: 'What the image shows, for people who cannot see it, in this language (at most 250 characters).',
  },
  'shared.seo': {
    metaTitle: 'Title for search engines (up to 70 characters); null: the document’s title is used.',
    metaDescription: 'Description for search engines (up to 170 characters); null: the summary is used.',
    shareImage: 'The image shown when the page is shared on social networks.',
  },
  'shared.social-link': {
    network: 'Which social network the link goes to.',
    url: 'The full https:// address of the organisation’s page there.',
  },
  'content.indicator': {
    value: 'The figure, e.g. 95.',
    baseline: 'For growth, the figure before (20 in "from 20 to 60"); null when not a growth figure.',
    label: 'What the figure counts, in this language, e.g. "potential social entrepreneurs trained".',
  },
  'content.place': {
    settlement: 'Village or settlement, in this language; null when not given.',
    municipality: 'Municipality, in this language; null when not given.',
    region: 'Region, in this language; null when not given.',
  },
  'content.coordinates': {
    latitude: 'Decimal degrees north, e.g. 41.7151.',
    longitude: 'Decimal degrees east, e.g. 44.8271.',
  },
  'content.sub-grant': {
    country: 'Where the grants went: an ISO 3166-1 alpha-2 code.',
    count: 'How many grants were given in this round.',
    maxAmount: 'The largest grant, in `currency`; null when not given.',
    currency: 'Currency of the maximum amount (ISO 4217); null when not given.',
    year: 'The year of the round; null when not given.',
  },
  'content.country': { code: 'A country where the project works: an ISO 3166-1 alpha-2 code.' },
  'content.text-item': { text: 'One item: a sentence or a short paragraph.' },
};

/** The plugins' types partners meet: languages, and the files behind images. */
export const PLUGIN_DESCRIPTIONS: Record<string, Descriptions> = {
  'plugin::i18n.locale': {
    name: 'The language’s name, e.g. "Georgian (ka)".',
    code: 'The code to send as `locale`: ka or en.',
    isDefault: 'Whether this is the default language (Georgian), used when no `locale` is given.',
  },
  'plugin::upload.file': {
    name: 'The file’s name as uploaded.',
    alternativeText:
      'The media library’s alternative text; use the `alt` of the image component instead, which is per language.',
    caption: 'The media library’s caption; null when not given.',
    width: 'Width in pixels (images).',
    height: 'Height in pixels (images).',
    formats: 'Smaller renditions (thumbnail, small, medium, large), each with its url, width, height and size.',
    hash: 'The stored file’s name without extension.',
    ext: 'The file name extension, e.g. .jpg.',
    mime: 'The media type, e.g. image/jpeg.',
    size: 'Size in kilobytes.',
    url: 'Where to get the file: a path on the CMS (prefix it with the CMS address) or a full URL.',
    previewUrl: 'A preview’s address, for files that have one; null for images.',
    provider: 'Where the file is stored (e.g. local).',
    provider_metadata: 'What the storage provider keeps about the file; null for local files.',
    folderPath: 'The media library folder’s path.',
    focalPoint: 'The point of the image to keep when it is cropped; null when not set.',
  },
};

/** Fields Strapi adds to every document of the content API. */
export const SYSTEM_DESCRIPTIONS: Descriptions = {
  id: 'Row number in the CMS of this language version (of a document) or entry (of a component). It changes when a document is republished: refer to documents by documentId.',
  documentId:
    'The document’s stable identifier (24 lowercase letters and digits), shared by all its language versions.',
  createdAt: 'When this language version was created.',
  updatedAt: 'When this language version was last changed (a republish changes it).',
  publishedAt: 'When this language version was last published.',
  locale: 'The language of this version: ka (Georgian) or en (English).',
  localizations: 'The document’s versions in the other languages.',
};

/** What describes one type: its own text. */
export const TYPE_SUMMARIES: Record<string, string> = {
  'api::programme.programme': 'A programme of ASB Georgia: a field of work that groups projects.',
  'api::project.project': 'A project of ASB Georgia, with its funders, partners, results and places.',
  'api::social-enterprise.social-enterprise': 'A social enterprise founded or supported by ASB Georgia’s projects.',
  'api::partner.partner': 'An organisation that implements or supports ASB Georgia’s projects.',
  'api::funder.funder': 'An organisation that funds ASB Georgia’s projects.',
  'api::organisation-setting.organisation-setting': 'ASB Georgia’s name and contact details.',
  'api::home-page.home-page': 'The heading and introduction of the site’s home page.',
};

interface Attribute {
  type: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

/** The text for one field of a type or component: its meaning, then what the content model says about it. */
export function describeField(
  uid: string,
  field: string,
  attribute: Attribute | undefined,
  { localizedType, rest }: { localizedType: boolean; rest: boolean },
): string | undefined {
  const own =
    TYPE_DESCRIPTIONS[uid]?.[field] ??
    COMPONENT_DESCRIPTIONS[uid]?.[field] ??
    PLUGIN_DESCRIPTIONS[uid]?.[field] ??
    SYSTEM_DESCRIPTIONS[field];
  if (!own || !attribute || SYSTEM_DESCRIPTIONS[field]) return own;
  const notes: string[] = [];
  if (localizedType && ['string', 'text', 'blocks', 'email', 'richtext'].includes(attribute.type)) {
    notes.push(
      attribute.pluginOptions?.i18n?.localized === false ? 'The same in every language.' : 'Differs per language.',
    );
  }
  if (rest && ['relation', 'component', 'media', 'dynamiczone'].includes(attribute.type)) {
    notes.push('Only when populated.');
  }
  return [own, ...notes].join(' ');
}
