/**
 * The content manager remembers the last content locale in localStorage (`STRAPI_LOCALE`, shared by
 * every user of the browser) and writes it from list and edit views alike: opening one English entry,
 * say from the home page's "last edited" list, makes every list open in English from then on. Here the
 * memory lasts for a browser tab's session: a new tab or a new sign-in starts again in the default
 * locale (Georgian), while switching within a tab is still remembered, across reloads too.
 */
const STRAPI_LOCALE_KEY = 'STRAPI_LOCALE';
const SESSION_FLAG = 'asb.content-locale-session';

export function startLocaleSession(storage = { local: window.localStorage, session: window.sessionStorage }) {
  try {
    if (storage.session.getItem(SESSION_FLAG)) return;
    storage.local.removeItem(STRAPI_LOCALE_KEY);
    storage.session.setItem(SESSION_FLAG, '1');
  } catch {
    // Storage can be unavailable (privacy settings): then Strapi's own behaviour applies.
  }
}
