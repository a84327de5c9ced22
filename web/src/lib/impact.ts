import type { Page } from './content';

/**
 * The home page's figures, added up from structured content rather than typed by hand:
 * enterprises founded, people they serve (current beneficiary counts), jobs they created.
 */
export function impactFigures(projects: Page<'projects'>[], enterprises: Page<'socialEnterprises'>[]) {
  let people = 0;
  let jobs = 0;
  for (const { doc } of enterprises) {
    for (const b of doc.beneficiaries ?? []) people += Number(b?.value ?? 0);
    jobs += doc.jobsCreated ?? 0;
  }
  return { projects: projects.length, enterprises: enterprises.length, people, jobs };
}
