import { randomUUID } from 'node:crypto';
import { signedHeaders } from '@asb/shared';
import { ADMIN } from '../fixtures/cms-editorial.mjs';

/** Secrets the editorial tests give both the CMS and the site: never the example values. */
export const EDITORIAL_SECRETS = {
  PREVIEW_SECRET: 'test-preview-secret',
  PREVIEW_TOKEN: 'test-preview-token-0123456789abcdef',
  REBUILD_WEBHOOK_SECRET: 'test-rebuild-secret',
};

export const PROJECT = 'api::project.project';
export const HOME_PAGE = 'api::home-page.home-page';
export const ORGANISATION = 'api::organisation-setting.organisation-setting';

/** A media library record, as POST /upload answers (and as a rich-text image block embeds it). */
export interface UploadedFile {
  id: number;
  documentId: string;
  name: string;
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  mime: string;
  [key: string]: unknown;
}

/** The admin API, as the Content Manager uses it: what an editor's clicks send. */
export async function adminSession(cmsUrl: string) {
  const login = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`admin login: HTTP ${login.status} ${await login.text()}`);
  const { data } = (await login.json()) as { data: { token: string } };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${cmsUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  /** Uploads a file as the media library does: multipart `files` and `fileInfo` to POST /upload. */
  const upload = async (name: string, bytes: Uint8Array, type: string, alternativeText: string) => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
    form.append('fileInfo', JSON.stringify({ name, alternativeText, caption: null }));
    const res = await fetch(`${cmsUrl}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${data.token}` },
      body: form,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST /upload ${name}: HTTP ${res.status} ${text}`);
    return (JSON.parse(text) as UploadedFile[])[0]!;
  };
  const doc = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;
  return {
    call,
    upload,
    /** Saves a draft, as "Save" does. */
    save: (uid: string, documentId: string, locale: string, data: Record<string, unknown>) =>
      call('PUT', `${doc(uid, documentId)}?locale=${locale}`, { ...data, locale }),
    /** Saves a single type's draft, as "Save" does. */
    saveSingle: (uid: string, locale: string, data: Record<string, unknown>) =>
      call('PUT', `/content-manager/single-types/${uid}?locale=${locale}`, { ...data, locale }),
    publish: (uid: string, documentId: string, locale: string) =>
      call('POST', `${doc(uid, documentId)}/actions/publish?locale=${locale}`, { locale }),
    unpublish: (uid: string, documentId: string, locale: string) =>
      call('POST', `${doc(uid, documentId)}/actions/unpublish?locale=${locale}`, { locale }),
    /** The link the preview panel opens (the CMS's preview handler). Single types send no documentId. */
    previewUrl: async (uid: string, documentId: string | undefined, locale: string, status = 'draft') =>
      (
        (await call(
          'GET',
          `/content-manager/preview/url/${uid}?${new URLSearchParams({ ...(documentId ? { documentId } : {}), locale, status })}`,
        )) as {
          data: { url?: string };
        }
      ).data.url,
  };
}

/** A rebuild call signed as the CMS signs it. */
export function signedNotice(secret: string, notice: Record<string, unknown> = {}) {
  const body = JSON.stringify({ id: randomUUID(), event: 'entry.publish', ...notice });
  return { body, headers: { 'Content-Type': 'application/json', ...signedHeaders(secret, body) } };
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (${(last as Error).message})` : ''}`);
}
