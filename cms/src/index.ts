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
import { preventDefaultApiTokens, refuseStandingFullAccessTokens, requireTokenExpiry } from './setup/api-tokens';
import { importOnFirstStart } from './content-import/first-start';
import { bootstrapEditorial } from './editorial';
import { guardFillFromLocale } from './editing/fill-from-locale';
import { guardUploads } from './uploads/upload-checks';
import { batchGraphqlLoads } from './graphql/batched-loads';
import { registerDocumentStamps } from './graphql/document-stamps';
import { registerPublicGraphqlSchema, startPreviewGraphql, stopPreviewGraphql } from './api-contract/public-schema';
import { bootstrapApiProtection, destroyApiProtection, registerApiProtection } from './api-protection';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    checkProductionSecrets();
    // No standing keys: Strapi's default never-expiring tokens are not seeded; admins issue tokens with a duration.
    preventDefaultApiTokens(strapi);
    requireTokenExpiry(strapi);
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
    // Partners see a schema of what they may do (no mutations, no draft arguments); the preview the whole one.
    registerPublicGraphqlSchema(strapi);
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
    await startPreviewGraphql(strapi);
    await importOnFirstStart(strapi);
    // Preview token, signed rebuild calls to the site, the site's build state for editors.
    await bootstrapEditorial(strapi);
    // After the preview token is in step: production refuses a full-access token that never expires.
    await refuseStandingFullAccessTokens(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await stopPreviewGraphql(strapi);
    await destroyApiProtection();
  },
};
