import type { Core } from '@strapi/strapi';
import { LOCALES } from '@asb/shared';
import { CONTENT_TYPES } from '../content-types';

/**
 * The two admin roles editors work with. The code is the source of truth: every start resets their
 * name, description and permissions to what is below (see cms/README.md, "Admin roles"). Content types
 * and fields added later get permissions on the next start; a hand-edited copy would silently miss
 * them (Strapi stores permissions with explicit field lists). Custom needs get a new role instead.
 */

/** RBAC condition id for "this row is not published". Strapi names app-level conditions `api::<name>`. */
export const NOT_PUBLISHED = 'api::not-published';

type ContentAction = 'create' | 'read' | 'update' | 'delete' | 'publish';

interface RoleDefinition {
  /** Strapi's own codes for the roles it creates on an empty database, so those are reused, not duplicated. */
  code: string;
  name: string;
  description: string;
  contentActions: readonly ContentAction[];
  /** Conditions per action; an action not listed here applies to every entry. */
  conditions: Partial<Record<ContentAction, string[]>>;
}

/** Media library: browse, upload, replace and edit file details. Deleting files stays with administrators. */
const MEDIA_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
] as const;

export const ADMIN_ROLES = {
  author: {
    code: 'strapi-author',
    name: 'Author',
    description:
      'Writes and edits drafts in every language and uploads media. Cannot publish or unpublish; can delete only entries that were never published (or were unpublished).',
    contentActions: ['create', 'read', 'update', 'delete'],
    // Strapi checks delete against every row of the document (draft and published, per locale):
    // a document with a live version has a published row, which fails this condition.
    conditions: { delete: [NOT_PUBLISHED] },
  },
  editor: {
    code: 'strapi-editor',
    name: 'Editor',
    description: 'Everything an author does, and publishes, unpublishes and deletes entries in every language.',
    contentActions: ['create', 'read', 'update', 'delete', 'publish'],
    conditions: {},
  },
} as const satisfies Record<string, RoleDefinition>;

/**
 * Registers the "not published" condition. Must run in bootstrap, before Strapi marks itself loaded:
 * a permission whose condition is not registered is granted without it.
 */
export async function registerRoleConditions(strapi: Core.Strapi) {
  const { conditionProvider } = strapi.service('admin::permission');
  if (conditionProvider.has(NOT_PUBLISHED)) return;
  await conditionProvider.register({
    name: 'not-published',
    displayName: 'Is not published (no live version)',
    // Matched in memory against each row the content manager checks, and as a query filter.
    handler: () => ({ publishedAt: { $eq: null } }),
  });
}

interface PermissionInput {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

/** The permissions a role definition grants: per content type, every field, both locales. */
export function rolePermissions(strapi: Core.Strapi, role: RoleDefinition): PermissionInput[] {
  const { actionProvider } = strapi.service('admin::permission');
  const contentTypeService = strapi.service('admin::content-type');
  const permissions: PermissionInput[] = [];
  for (const name of role.contentActions) {
    const action = actionProvider.get(`plugin::content-manager.explorer.${name}`);
    if (!action) throw new Error(`Strapi has no action plugin::content-manager.explorer.${name}`);
    const generated: PermissionInput[] = contentTypeService.getPermissionsWithNestedFields([
      { ...action, subjects: [...CONTENT_TYPES] },
    ]);
    for (const permission of generated) {
      permissions.push({
        action: permission.action,
        subject: permission.subject,
        properties: {
          ...(permission.properties?.fields ? { fields: permission.properties.fields } : {}),
          locales: [...LOCALES],
        },
        conditions: role.conditions[name] ?? [],
      });
    }
  }
  for (const action of MEDIA_ACTIONS) permissions.push({ action, properties: {}, conditions: [] });
  return permissions;
}

/** Idempotent: both roles exist with exactly the permissions above. Unchanged permissions keep their rows. */
export async function ensureAdminRoles(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role');
  const ids: Record<string, number> = {};
  for (const [key, role] of Object.entries(ADMIN_ROLES) as [string, RoleDefinition][]) {
    let existing = (await roles.findOne({ code: role.code })) ?? (await roles.findOne({ name: role.name }));
    if (!existing) {
      existing = await roles.create({ name: role.name, code: role.code, description: role.description });
    } else if (existing.name !== role.name || existing.description !== role.description) {
      await roles.update({ id: existing.id }, { name: role.name, description: role.description });
    }
    await roles.assignPermissions(existing.id, rolePermissions(strapi, role));
    ids[key] = existing.id;
  }
  return ids as Record<keyof typeof ADMIN_ROLES, number>;
}
