import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, inject, it } from 'vitest';
import { JOURNEYS, journeyAccount } from '../../fixtures/cms-journeys.mjs';
import { chromiumSkipReason, launchChromium } from '../../support/browser';
import type { InterfaceLanguage } from '../../../../cms/src/editing/field-labels';
import { Editor, stepRunner } from './editor';
import { lastVisited } from './visitor';

/**
 * The admin interface language these journeys run in: vitest.journeys.config.ts runs every journey
 * once in English and once in Georgian (JOURNEY_INTERFACE), each with an account that has it as its
 * interface language.
 */
export const interfaceLanguage: InterfaceLanguage = process.env.JOURNEY_INTERFACE === 'ka' ? 'ka' : 'en';

/** Whether this machine can run the journeys; in CI (REQUIRE_CHROMIUM=1) a missing Chromium throws instead. */
export const journeysSkipped = chromiumSkipReason() !== null;

/**
 * One browser and one signed-in editor for a journey file, against the shared CMS and site server.
 * `step(title, fn)` names each step; a failing step saves what the editor saw.
 */
export function useJourney(name: string) {
  const ctx = {} as { browser: Browser; page: Page; editor: Editor; cmsUrl: string; siteUrl: string };
  const step = stepRunner(() => ctx.page, `${name}-${interfaceLanguage}`, lastVisited);
  beforeAll(async () => {
    ctx.cmsUrl = inject('journeyCmsUrl');
    ctx.siteUrl = inject('journeySiteUrl');
    ctx.browser = await launchChromium();
    ctx.page = await ctx.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    ctx.editor = new Editor(ctx.page, ctx.cmsUrl, interfaceLanguage);
    if (!JOURNEYS.includes(name)) throw new Error(`add "${name}" to JOURNEYS in test/fixtures/cms-journeys.mjs`);
    await step('log in', () => ctx.editor.logIn(journeyAccount(name, interfaceLanguage)));
  });
  afterAll(async () => {
    await ctx.browser?.close();
  });
  /**
   * A part of the journey that needs the parts before it: after a failure, the rest are skipped
   * (the failure already fails the run) rather than failing again for the same cause.
   */
  let failed = false;
  const part = (title: string, run: () => Promise<void>, { independent = false } = {}) =>
    it(title, async (context) => {
      // Skipped only at run time, after an earlier part failed: that failure already fails the run.
      if (failed) return context.skip('an earlier part of this journey failed');
      try {
        await run();
      } catch (error) {
        // A check that changes nothing (`independent`) does not stop the parts after it.
        if (!independent) failed = true;
        throw error;
      }
    });
  return { ctx, step, part };
}

/** A real image file, as an editor has on their computer: a PNG or JPEG with a unique name. */
export async function imageFile(name: string, format: 'png' | 'jpeg', colour: { r: number; g: number; b: number }) {
  const dir = path.resolve(import.meta.dirname, '../../../.tmp/journey-images');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.${format === 'png' ? 'png' : 'jpg'}`);
  const image = sharp({ create: { width: 1600, height: 1000, channels: 3, background: colour } });
  await (format === 'png' ? image.png() : image.jpeg()).toFile(file);
  return file;
}

/** Unique text per run, so what the site shows can only come from this run's edits. */
export const stamp = () => Date.now().toString(36);
