import { GraphQLClient } from 'graphql-request';
import {
  FundersDocument,
  LOCALES,
  PartnersDocument,
  ProgrammesDocument,
  ProjectsDocument,
  SocialEnterprisesDocument,
  DEFAULT_LOCALE,
  type Locale,
  type TypedDocumentNode,
} from '@asb/shared';
import { verifyPreviewLink } from '../../server/signing.mjs';
import { cmsUrl } from './cms-client';
import { SEGMENT, type Doc, type DocumentType, type Page } from './content';
import { byIds } from './graphql-variants';

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

export const TYPE_OF_SEGMENT = Object.fromEntries(
  Object.entries(SEGMENT).map(([type, segment]) => [segment, type as DocumentType]),
) as Record<string, DocumentType>;

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

export class PreviewError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
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
  const token = process.env.PREVIEW_TOKEN;
  if (!token) throw new PreviewError(503, 'Previews are not configured on the site (PREVIEW_TOKEN)');
  const client = new GraphQLClient(`${cmsUrl()}/graphql`, {
    headers: { Authorization: `Bearer ${token}`, 'User-Agent': 'asb-web-preview' },
  });
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
        const response = (error as { response?: { status?: number; errors?: { message: string }[] } }).response;
        const why = response
          ? (response.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`)
          : (error as Error).message;
        throw new PreviewError(502, `The CMS did not return the ${status} (${why})`);
      }
    }),
  );
  const translations = LOCALES.filter((l) => versions[l]);
  if (translations.length === 0) throw new PreviewError(404, `No ${status} of ${type} ${documentId} in the CMS`);
  const contentLocale = versions[locale] ? locale : versions[DEFAULT_LOCALE] ? DEFAULT_LOCALE : translations[0]!;
  const pathIn = (l: Locale) => {
    const doc = versions[l] ?? versions[contentLocale]!;
    return `/${l}/${SEGMENT[type]}/${doc.slug}/`;
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
