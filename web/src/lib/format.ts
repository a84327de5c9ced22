import type { Locale } from '@asb/shared';

const INTL_LOCALE: Record<Locale, string> = { ka: 'ka-GE', en: 'en-GB' };

export function formatNumber(value: number | string, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(Number(value));
}

export function formatMoney(amount: number | string, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    Number(amount),
  );
}

/** "2016", "2016-03" or "2016-03-01" as the reader expects it; the CMS allows year precision. */
export function formatPartialDate(value: string, locale: Locale): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!month) return String(year);
  const date = new Date(Date.UTC(year!, month - 1, day ?? 1));
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    year: 'numeric',
    month: 'long',
    ...(day ? { day: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

export function formatPeriod(
  start: string | null | undefined,
  end: string | null | undefined,
  locale: Locale,
): string | undefined {
  if (!start && !end) return undefined;
  return [start ? formatPartialDate(start, locale) : '…', end ? formatPartialDate(end, locale) : '…'].join(' – ');
}

/** The display name of any document: title for programmes and projects, name for organisations and enterprises. */
export function titleOf(doc: object): string {
  const record = doc as { title?: string; name?: string; acronym?: string | null };
  const name = record.title ?? record.name ?? '';
  return record.acronym && !name.includes(record.acronym) ? `${name} (${record.acronym})` : name;
}

/** A country code as a name in the reader's language. */
export function countryName(code: string, locale: Locale): string {
  return new Intl.DisplayNames([INTL_LOCALE[locale]], { type: 'region' }).of(code) ?? code;
}

/** "Berbuki, Gori Municipality, Shida Kartli": a place as one line, leaving out what is unknown. */
export function placeName(
  place: { settlement?: string | null; municipality?: string | null; region?: string | null } | null | undefined,
): string {
  return place ? [place.settlement, place.municipality, place.region].filter(Boolean).join(', ') : '';
}
