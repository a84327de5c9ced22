import type { Core } from '@strapi/strapi';
import { COLLECTION_TYPES, SINGLE_TYPES } from '../content-types';

/** What an anonymous visitor of the API may do: read published content and the locale list. Nothing else. */
export const PUBLIC_ACTIONS: readonly string[] = [
  ...COLLECTION_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  ...SINGLE_TYPES.map((uid) => `${uid}.find`),
  'plugin::i18n.locales.listLocales',
];

/**
 * Idempotent. Grants exactly PUBLIC_ACTIONS to the Public role and removes anything else,
 * including the sign-up and login routes of users-permissions: the platform has no end-user accounts.
 */
export async function ensurePublicPermissions(strapi: Core.Strapi) {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const publicRole = await roles.findOne({ where: { type: 'public' } });
  if (!publicRole) throw new Error('users-permissions has no Public role; is the plugin installed?');

  const granted: { id: number; action: string }[] = await permissions.findMany({ where: { role: publicRole.id } });
  const extra = granted.filter((p) => !PUBLIC_ACTIONS.includes(p.action));
  if (extra.length > 0) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  const have = new Set(granted.map((p) => p.action));
  for (const action of PUBLIC_ACTIONS) {
    if (!have.has(action)) await permissions.create({ data: { action, role: publicRole.id } });
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ value: { ...advanced, allow_register: false } });
}
