export { ContentError, readContent } from './read-content';
export { importContent } from './import-content';
export { generateSynthetic } from './synthetic';
export { contentDir } from './first-start';
export { CONTENT_IMPORTED_EVENT } from './bulk-events';
