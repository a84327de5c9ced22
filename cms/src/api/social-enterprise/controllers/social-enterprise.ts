import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::social-enterprise.social-enterprise');
