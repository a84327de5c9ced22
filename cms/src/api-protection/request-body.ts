import type { Core } from '@strapi/strapi';
import { contentApiMatcher } from './content-api-paths';

type Context = Parameters<Core.MiddlewareHandler>[0];

/**
 * REST request bodies that strapi::body (koa-body) cannot read: JSON that does not parse, a
 * `Content-Encoding` the body does not have (`gzip` on plain text) or one it does not know, a body
 * over the size limit. koa-body's errors reached Strapi's error handler as unknown errors, a 500;
 * here they become the 400, 413 or 415 they are, in Strapi's error format, naming the body.
 *
 * Only errors raised while the body is read are answered here: they carry raw-body's `type`
 * (`entity.parse.failed`, `entity.too.large`, `encoding.unsupported`, …) or zlib's `Z_*` code.
 */
export default (_settings: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const paths = contentApiMatcher(strapi);
  return async (ctx: Context, next) => {
    if (!paths.isRest(ctx.path)) return next();
    try {
      await next();
    } catch (error) {
      const answer = bodyError(error);
      if (!answer) throw error;
      ctx.status = answer.status;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: null,
        error: {
          status: answer.status,
          name: answer.name,
          message: answer.message,
          details: { source: 'body', param: 'body' },
        },
      };
    }
  };
};

function bodyError(error: unknown): { status: number; name: string; message: string } | null {
  const e = error as { type?: unknown; code?: unknown; status?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  const type = typeof e.type === 'string' ? e.type : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (type === 'entity.too.large')
    return { status: 413, name: 'PayloadTooLargeError', message: 'body: the request body is over the size limit.' };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return { status: 415, name: 'UnsupportedMediaTypeError', message: `body: ${String(e.message)}.` };
  if (
    code.startsWith('Z_') ||
    type === 'entity.parse.failed' ||
    type === 'request.size.invalid' ||
    type === 'entity.verify.failed'
  )
    return {
      status: 400,
      name: 'ValidationError',
      message: code.startsWith('Z_')
        ? 'body: the request body is not encoded as its Content-Encoding says.'
        : 'body: the request body is not valid JSON.',
    };
  return null;
}
