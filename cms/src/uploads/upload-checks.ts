import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import sharp, { type FormatEnum } from 'sharp';
import { MESSAGES, type EditorLanguage } from '../editing/messages';

/**
 * Every uploaded file, before Strapi's upload plugin stores it (a wrapper around the plugin's
 * `upload` and `replace` services, which the media library's requests reach once the editor's
 * session and permissions are checked):
 *
 * - a file over `maxBytes` is refused, naming the file and the limit;
 * - a file that claims to be an image (by type or extension) must be one that sharp can read and
 *   the site can show: Strapi's own MIME check trusts the extension when it cannot detect a type,
 *   so a text file named `.png` used to be stored and then vanished from the page;
 * - a photo larger than `maxImagePixels` on its longest side is resized to it in place (same
 *   format, EXIF orientation applied), so a 20 MB camera original is not what visitors download.
 *
 * Refusals are 400/413 in Strapi's error format, in the editor's interface language: the media
 * dialog shows the message on the file.
 */
export interface UploadCheckConfig {
  maxBytes: number;
  maxImagePixels: number;
}

const SHOWN_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif']);
const IMAGE_EXTENSION = /\.(jpe?g|png|webp|gif|avif|svg|tiff?|bmp|heic|heif)$/i;

interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

/** Checks (and where needed resizes) one file; throws an error an editor can act on. */
export async function checkUpload(file: UploadedFile, config: UploadCheckConfig, lang: EditorLanguage): Promise<void> {
  const name = file.originalFilename || (lang === 'ka' ? 'ფაილი' : 'the file');
  if (file.size > config.maxBytes) {
    throw new errors.PayloadTooLargeError(
      MESSAGES.fileTooLarge(lang, name, file.size, config.maxBytes, config.maxImagePixels),
      { file: name },
    );
  }
  const claimsImage = file.mimetype?.startsWith('image/') || IMAGE_EXTENSION.test(name);
  if (!claimsImage) return;

  const metadata = await sharp(file.filepath)
    .metadata()
    .catch(() => null);
  if (!metadata?.format || !SHOWN_FORMATS.has(metadata.format)) {
    throw new errors.ValidationError(MESSAGES.notAPicture(lang, name, metadata?.format), { file: name });
  }
  const longest = Math.max(metadata.width ?? 0, metadata.height ?? 0);
  // Animated GIFs and WebPs would lose their frames in a plain resize; they are rare and small.
  if (longest <= config.maxImagePixels || (metadata.pages ?? 1) > 1) return;

  const resized = await sharp(file.filepath)
    .rotate()
    .resize({ width: config.maxImagePixels, height: config.maxImagePixels, fit: 'inside', withoutEnlargement: true })
    .toFormat(metadata.format as keyof FormatEnum, { quality: 85 })
    .toBuffer();
  await fs.writeFile(file.filepath, resized);
  file.size = resized.length;
}

type UploadOptions = { user?: { preferedLanguage?: string | null } } | undefined;
type UploadService = {
  upload(input: { data: unknown; files: UploadedFile | UploadedFile[] }, opts?: UploadOptions): Promise<unknown>;
  replace(id: unknown, input: { data: unknown; file: UploadedFile }, opts?: UploadOptions): Promise<unknown>;
};

const languageOf = (opts: UploadOptions): EditorLanguage => (opts?.user?.preferedLanguage === 'ka' ? 'ka' : 'en');

export function guardUploads(strapi: Core.Strapi, config: UploadCheckConfig) {
  const service = strapi.plugin('upload').service('upload') as UploadService;
  const upload = service.upload.bind(service);
  const replace = service.replace.bind(service);
  service.upload = async (input, opts) => {
    for (const file of ([] as UploadedFile[]).concat(input.files ?? []))
      await checkUpload(file, config, languageOf(opts));
    return upload(input, opts);
  };
  service.replace = async (id, input, opts) => {
    if (input.file) await checkUpload(input.file, config, languageOf(opts));
    return replace(id, input, opts);
  };
}
