import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import sharp, { type FormatEnum } from 'sharp';

/**
 * Every uploaded file, before Strapi's upload plugin stores it (this runs after strapi::body has
 * written the multipart files to temporary paths):
 *
 * - a file over `maxBytes` is refused, naming the file and the limit;
 * - a file that claims to be an image (by type or extension) must be one that sharp can read and
 *   the site can show: Strapi's own MIME check trusts the extension when it cannot detect a type,
 *   so a text file named `.png` used to be stored and then vanished from the page;
 * - a photo larger than `maxImagePixels` on its longest side is resized to it in place (same
 *   format, EXIF orientation applied), so a 20 MB camera original is not what visitors download.
 *
 * Refusals are 400/413 with the message in Strapi's error format: the media dialog shows it on the file.
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

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

export class UploadRefusal extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** Checks (and where needed resizes) one file; throws an UploadRefusal an editor can act on. */
export async function checkUpload(file: UploadedFile, config: UploadCheckConfig): Promise<void> {
  const name = file.originalFilename || 'the file';
  if (file.size > config.maxBytes) {
    throw new UploadRefusal(
      413,
      `“${name}” is ${megabytes(file.size)}; files can be at most ${megabytes(config.maxBytes)}. ` +
        `Save a smaller version (photos at ${config.maxImagePixels} pixels on the longest side are plenty) and upload that.`,
    );
  }
  const claimsImage = file.mimetype?.startsWith('image/') || IMAGE_EXTENSION.test(name);
  if (!claimsImage) return;

  const metadata = await sharp(file.filepath)
    .metadata()
    .catch(() => null);
  if (!metadata?.format || !SHOWN_FORMATS.has(metadata.format)) {
    const found = metadata?.format ? ` (it is ${metadata.format.toUpperCase()})` : '';
    throw new UploadRefusal(
      400,
      `“${name}” is not a picture the site can show${found}: use a JPEG, PNG, WebP, GIF or AVIF file. ` +
        `Open it in an image editor, export it as JPEG or PNG, and upload that file.`,
    );
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

function uploadedFiles(ctx: { request: { files?: unknown } }): UploadedFile[] {
  const files = ctx.request.files as Record<string, UploadedFile | UploadedFile[]> | undefined;
  if (!files) return [];
  return Object.values(files).flatMap((value) => (Array.isArray(value) ? value : [value]));
}

export default (config: UploadCheckConfig, _: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    const files = uploadedFiles(ctx);
    for (const file of files) {
      try {
        await checkUpload(file, config);
      } catch (error) {
        if (!(error instanceof UploadRefusal)) throw error;
        ctx.status = error.status;
        ctx.body = {
          data: null,
          error: {
            status: error.status,
            name: error.status === 413 ? 'PayloadTooLargeError' : 'ValidationError',
            message: error.message,
            details: { file: file.originalFilename ?? null },
          },
        };
        return;
      }
    }
    await next();
  };
