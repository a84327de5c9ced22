export * from './locales.js';
export * from './slug.js';
export * from './secrets.js';
