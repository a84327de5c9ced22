// Setup module for the harness (startCms({ setup })): leaves a database as earlier releases did, with
// a full-access API token that never expires, named like Strapi's default one. Made through Strapi's
// token service, as Strapi's own seeding made it (the admin API now refuses such a token).
export default async function standingToken(strapi) {
  await strapi.service('admin::api-token').create({
    name: 'Full Access',
    description: 'A default API token with full access permissions, used for accessing or modifying resources',
    type: 'full-access',
    lifespan: null,
  });
}
