import type { Page } from './content';
import { titleOf } from './format';

/** schema.org descriptions for search engines: the organisation (an NGO) and each project. */
export function organisationJsonLd(organisation: { name: string; phone: string; email?: string | null }, url: URL) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NGO',
    name: organisation.name,
    url: url.href,
    telephone: organisation.phone,
    ...(organisation.email ? { email: organisation.email } : {}),
    parentOrganization: { '@type': 'NGO', name: 'Arbeiter-Samariter-Bund Deutschland e.V.', url: 'https://www.asb.de' },
  };
}

export function projectJsonLd(
  page: Page<'projects'>,
  funders: Page<'funders'>[],
  partners: Page<'partners'>[],
  url: URL,
) {
  const { doc } = page;
  return {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: doc.title,
    description: doc.summary,
    url: url.href,
    inLanguage: page.contentLocale,
    ...(doc.startDate ? { foundingDate: doc.startDate } : {}),
    ...(doc.endDate ? { dissolutionDate: doc.endDate } : {}),
    funder: funders.map((f) => ({ '@type': 'Organization', name: titleOf(f.doc) })),
    member: partners.map((p) => ({ '@type': 'Organization', name: titleOf(p.doc) })),
  };
}
