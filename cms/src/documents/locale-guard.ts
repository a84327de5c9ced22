import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isLocale, LOCALES } from '@asb/shared';

/**
 * Stock Strapi answers an unknown `locale` with an empty list, which looks like "no content" to
 * a partner's script. The public API says what is wrong instead.
 */
export function localeGuard(strapi: Core.Strapi) {
  return async (context: { params?: { locale?: unknown } }, next: () => Promise<unknown>) => {
    const request = strapi.requestContext.get();
    const locale = context.params?.locale;
    if (
      request?.state?.route?.info?.type === 'content-api' &&
      locale !== undefined &&
      locale !== null &&
      locale !== '*' &&
      !isLocale(locale)
    ) {
      throw new errors.ValidationError(`Unknown locale "${String(locale)}"; use one of: ${LOCALES.join(', ')}`);
    }
    return next();
  };
}
