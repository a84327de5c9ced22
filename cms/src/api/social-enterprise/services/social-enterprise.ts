import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::social-enterprise.social-enterprise');
