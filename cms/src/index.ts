import type { Core } from '@strapi/strapi';
import { draftGuard } from './documents/draft-guard';
import { publishedOnlyQueries } from './documents/published-only-queries';
import { localeGuard } from './documents/locale-guard';
import { relationSync } from './documents/relation-sync';
import { slugRules } from './documents/slugs';
import { fieldRules } from './documents/field-rules';
import { imageAltOnPublish } from './documents/image-alt';
import { touchInverseRelations } from './documents/inverse-relation-stamps';
import { ensureAdminRoles, registerRoleConditions } from './setup/admin-roles';
import { applyEditorHints } from './setup/editor-hints';
import { ensureLocales } from './setup/locales';
import { ensurePublicPermissions } from './setup/public-permissions';
import { checkProductionSecrets } from './setup/production-secrets';
import { importOnFirstStart } from './content-import/first-start';
import { bootstrapEditorial } from './editorial';
import { guardFillFromLocale } from './editing/fill-from-locale';
import { guardUploads } from './uploads/upload-checks';
import { batchGraphqlLoads } from './graphql/batched-loads';
import { registerDocumentStamps } from './graphql/document-stamps';
import { bootstrapApiProtection, destroyApiProtection, registerApiProtection } from './api-protection';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    checkProductionSecrets();
    // Order matters: the guards run first; slugs are filled before relations are copied to other locales.
    strapi.documents.use(draftGuard(strapi) as never);
    strapi.documents.use(localeGuard(strapi) as never);
    strapi.documents.use(slugRules(strapi) as never);
    strapi.documents.use(fieldRules(strapi) as never);
    strapi.documents.use(imageAltOnPublish(strapi) as never);
    strapi.documents.use(relationSync(strapi) as never);
    // A relation published from its inverse side changes the owning documents' stamps too (for the site's sync).
    strapi.documents.use(touchInverseRelations(strapi) as never);
    // Partner API: read-only tokens reach what the public reaches; content writes clear the response cache.
    registerApiProtection(strapi);
    // Every published document's stamps in one query, for the site's incremental builds. Here, not in
    // bootstrap: the GraphQL plugin builds its schema in its bootstrap, before the app's.
    registerDocumentStamps(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Published-only clients' statements never see a draft row, at any depth of filters, sorts and populates.
    publishedOnlyQueries(strapi);
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    await applyEditorHints(strapi);
    // "Fill in from another locale" leaves slugs and image descriptions for the editor to write.
    guardFillFromLocale(strapi);
    // Uploads: refuse files over 20 MB and files that are not pictures the site can show; shrink photos
    // to 2,560 px on the longest side (the editors' guide, docs/editors/, says so).
    guardUploads(strapi, { maxBytes: 20 * 1024 * 1024, maxImagePixels: 2560 });
    // Author and Editor: the condition first, or a delete permission that names it is granted without it.
    await registerRoleConditions(strapi);
    await ensureAdminRoles(strapi);
    bootstrapApiProtection(strapi);
    // One query per relation field and page of entries, not one per entry.
    batchGraphqlLoads(strapi);
    await importOnFirstStart(strapi);
    // Preview token, signed rebuild calls to the site, the site's build state for editors.
    await bootstrapEditorial(strapi);
  },

  async destroy() {
    await destroyApiProtection();
  },
};
