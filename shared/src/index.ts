export * from './locales.js';
export * from './slug.js';
export * from './secrets.js';
export * from './signing.js';
export * from './content-types.js';
export type * from './build-status.js';
export * from './generated/graphql.js';
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
