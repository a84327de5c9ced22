import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_UIDS,
  SEGMENTS,
  SINGLE_TYPES,
  documentPath,
  documentPreviewPath,
  documentTypeOfSegment,
  documentTypeOfUid,
  sectionPath,
  singlePreviewPath,
  singleTypeOfUid,
} from '../src/content-types.js';

describe('content types and their URLs', () => {
  it('each type has its own uid and its own segment, and both lead back to it', () => {
    expect(new Set(DOCUMENT_TYPES.map((t) => SEGMENTS[t])).size).toBe(DOCUMENT_TYPES.length);
    for (const type of DOCUMENT_TYPES) {
      expect(documentTypeOfUid(DOCUMENT_TYPE_UIDS[type])).toBe(type);
      expect(documentTypeOfSegment(SEGMENTS[type])).toBe(type);
      expect(SEGMENTS[type]).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    expect(documentTypeOfUid('api::home-page.home-page')).toBeUndefined();
    expect(documentTypeOfSegment('contact')).toBeUndefined();
    for (const single of SINGLE_TYPES) expect(documentTypeOfUid(single)).toBeUndefined();
    expect(singleTypeOfUid('api::home-page.home-page')).toBe('home');
    expect(singleTypeOfUid('api::project.project')).toBeUndefined();
  });

  it('builds the pages the site has', () => {
    expect(documentPath('ka', 'socialEnterprises', 'berbuki')).toBe('/ka/social-enterprises/berbuki/');
    expect(sectionPath('en', 'funders')).toBe('/en/funders/');
    expect(documentPreviewPath('en', 'projects', 'abc')).toBe('/preview/en/projects/abc/');
    expect(singlePreviewPath('ka', 'organisation')).toBe('/preview/ka/contact/');
    expect(singlePreviewPath('en', 'home')).toBe('/preview/en/home/');
  });
});
