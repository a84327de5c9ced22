import { GraphQLClient } from 'graphql-request';
import {
  FundersDocument,
  LOCALES,
  PartnersDocument,
  ProgrammesDocument,
  ProjectsDocument,
  SiteSettingsDocument,
  SocialEnterprisesDocument,
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  type SiteSettingsQuery,
  type TypedDocumentNode,
  documentPath,
  verifyPreviewLink,
} from '@asb/shared';
import { cmsUrl } from './cms-client';
import { resolveSettings, type Doc, type DocumentType, type Page, type Settings } from './content';
import { byIds, withStatus } from './graphql-variants';

/*
 * Previews run on demand in the site's server, long after the build: every setting here is read from
 * the server's environment at request time (process.env), never inlined into the bundle.
 */

const DOCUMENTS: Record<DocumentType, TypedDocumentNode<any, any>> = {
  programmes: ProgrammesDocument,
  projects: ProjectsDocument,
  socialEnterprises: SocialEnterprisesDocument,
  partners: PartnersDocument,
  funders: FundersDocument,
};

/** Headers of every preview response, refusals included. */
export function previewHeaders(): Record<string, string> {
  const origins = (process.env.CMS_ADMIN_URL ?? 'http://localhost:1337')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
    .map((url) => new URL(url).origin);
  return {
    'Cache-Control': 'no-store, private',
    'X-Robots-Tag': 'noindex, nofollow',
    // Only the CMS admin may frame a draft; no other site can embed it.
    'Content-Security-Policy': `frame-ancestors ${origins.join(' ') || "'none'"}`,
    'Referrer-Policy': 'no-referrer',
  };
}

export function refusal(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status,
    headers: { ...previewHeaders(), 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/** Why the request may not see a preview, or null. */
export function checkPreviewRequest(url: URL): string | null {
  return verifyPreviewLink(process.env.PREVIEW_SECRET, {
    path: url.pathname,
    status: url.searchParams.get('status'),
    expires: url.searchParams.get('expires'),
    signature: url.searchParams.get('signature'),
  });
}

/** What a preview route hands servePreview: Astro's `Astro`. */
interface PreviewRoute {
  url: URL;
  params: Record<string, string | undefined>;
  response: { headers: Headers };
}

/**
 * The steps every preview route takes, in this order: refuse a link the CMS did not sign (403; 503
 * when the site has no PREVIEW_SECRET, which is the operator's to fix), refuse an unknown locale,
 * load what the link asks for (a PreviewError becomes its refusal), then mark the answer as a
 * preview (no-store, noindex, framable by the CMS only). Returns the refusal or the loaded data.
 */
export async function servePreview<T>(
  route: PreviewRoute,
  load: (locale: Locale, status: 'draft' | 'published') => Promise<T>,
): Promise<Response | { locale: Locale; data: T }> {
  const problem = checkPreviewRequest(route.url);
  if (problem) {
    return refusal(
      problem === 'previews are not configured (PREVIEW_SECRET)' ? 503 : 403,
      `Preview refused: ${problem}`,
    );
  }
  const { locale } = route.params;
  if (!locale || !isLocale(locale)) return refusal(404, 'No such preview');
  const status = route.url.searchParams.get('status') === 'published' ? 'published' : 'draft';
  let data: T;
  try {
    data = await load(locale, status);
  } catch (error) {
    if (error instanceof PreviewError) return refusal(error.status, error.message);
    throw error;
  }
  for (const [name, value] of Object.entries(previewHeaders())) route.response.headers.set(name, value);
  return { locale, data };
}

export class PreviewError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A client with the preview token, which may read drafts. */
function previewClient(): GraphQLClient {
  const token = process.env.PREVIEW_TOKEN;
  if (!token) throw new PreviewError(503, 'Previews are not configured on the site (PREVIEW_TOKEN)');
  return new GraphQLClient(`${cmsUrl()}/graphql`, {
    headers: { Authorization: `Bearer ${token}`, 'User-Agent': 'asb-web-preview' },
  });
}

function cmsFailure(error: unknown, what: string): PreviewError {
  // graphql-request's ClientError, recognised by shape (see cms-client.ts).
  const response = (error as { response?: { status?: number; errors?: { message: string }[] } }).response;
  const why = response
    ? (response.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`)
    : (error as Error).message;
  return new PreviewError(502, `The CMS did not return ${what} (${why})`);
}

/**
 * One document as the CMS has it now (its draft, or its published version), in every locale, as
 * the page the static build would make of it. Fetched with the preview token, which may read drafts.
 */
export async function loadPreview<T extends DocumentType>(
  type: T,
  documentId: string,
  locale: Locale,
  status: 'draft' | 'published',
) {
  const client = previewClient();
  const document = byIds(DOCUMENTS[type], { status: status === 'draft' ? 'DRAFT' : 'PUBLISHED' });
  const versions: Partial<Record<Locale, Doc<T>>> = {};
  await Promise.all(
    LOCALES.map(async (l) => {
      try {
        const result = (await client.request(document, { locale: l, page: 1, pageSize: 1, ids: [documentId] })) as {
          page: { nodes: Doc<T>[] } | null;
        };
        const node = result.page?.nodes[0];
        if (node) versions[l] = { ...node, locale: l } as Doc<T>;
      } catch (error) {
        throw cmsFailure(error, `the ${status}`);
      }
    }),
  );
  const translations = LOCALES.filter((l) => versions[l]);
  if (translations.length === 0) throw new PreviewError(404, `No ${status} of ${type} ${documentId} in the CMS`);
  const contentLocale = versions[locale] ? locale : versions[DEFAULT_LOCALE] ? DEFAULT_LOCALE : translations[0]!;
  const pathIn = (l: Locale) => {
    const doc = versions[l] ?? versions[contentLocale]!;
    // The CMS gives every saved document a slug (made from the title when left empty).
    return documentPath(l, type, doc.slug as string);
  };
  const page: Page<T> = {
    type,
    locale,
    doc: versions[contentLocale]!,
    contentLocale,
    translations,
    path: pathIn(locale),
  };
  const alternates = LOCALES.map((l) => ({ locale: l, path: pathIn(l), exists: translations.includes(l) }));
  return { page, alternates };
}

/**
 * The organisation settings and the home page as the CMS has them now (drafts, or the published
 * versions), as a page in `locale` shows them: the build's settings query, asking for that status.
 */
export async function loadSettingsPreview(locale: Locale, status: 'draft' | 'published'): Promise<Settings> {
  const client = previewClient();
  const byLocale: Partial<Record<Locale, SiteSettingsQuery>> = {};
  // The page's own translation, and the default locale's for what is not translated.
  const needed = [...new Set([locale, DEFAULT_LOCALE])];
  await Promise.all(
    needed.map(async (l) => {
      try {
        byLocale[l] = await client.request(
          withStatus(SiteSettingsDocument, status === 'draft' ? 'DRAFT' : 'PUBLISHED'),
          {
            locale: l,
          },
        );
      } catch (error) {
        throw cmsFailure(error, `the ${status} settings`);
      }
    }),
  );
  const settings = resolveSettings(byLocale, locale);
  if (!settings) throw new PreviewError(404, `No ${status} organisation settings in the CMS`);
  return settings;
}
