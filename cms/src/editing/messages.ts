import type { Core } from '@strapi/strapi';

/**
 * The CMS's own refusals (slugs, field formats, dates, pictures, uploads) in the language of the
 * editor's admin interface: the admin user's "Interface language" (Profile), which Strapi stores as
 * `preferedLanguage`. Requests without an admin user (the import, scripts, the public API) get
 * English. Each message says what is wrong and what to do, because the admin hides a field's hint
 * while it shows an error under it.
 */
export type EditorLanguage = 'en' | 'ka';

/** The interface language of the admin user behind the current request, English otherwise. */
export function editorLanguage(strapi: Core.Strapi): EditorLanguage {
  const user = strapi.requestContext.get()?.state?.user as { preferedLanguage?: string | null } | undefined;
  return user?.preferedLanguage === 'ka' ? 'ka' : 'en';
}

const CONTENT_LANGUAGE = {
  en: { ka: 'Georgian', en: 'English' },
  // "in the Georgian version" / "in Georgian"
  ka: { ka: 'ქართულ', en: 'ინგლისურ' },
} as const;
const CONTENT_LANGUAGE_ADVERB: Record<string, string> = { ka: 'ქართულად', en: 'ინგლისურად' };

/** Type names as an editor calls them (Georgian in the nominative). */
const TYPE_NAMES: Record<EditorLanguage, Record<string, string>> = {
  en: {
    programme: 'programme',
    project: 'project',
    'social-enterprise': 'social enterprise',
    partner: 'partner',
    funder: 'funder',
  },
  ka: {
    programme: 'პროგრამა',
    project: 'პროექტი',
    'social-enterprise': 'სოციალური საწარმო',
    partner: 'პარტნიორი',
    funder: 'დონორი',
  },
};
/** "made from the title" / "name": the field a slug is made from. */
const SLUG_SOURCE_NAMES: Record<EditorLanguage, Record<string, string>> = {
  en: { title: 'title', name: 'name' },
  ka: { title: 'სათაურიდან', name: 'სახელწოდებიდან' },
};

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

export const MESSAGES = {
  slugFormat: (lang: EditorLanguage, value: string, source: string) =>
    lang === 'ka'
      ? `ვებმისამართი „${value}“ შეიძლება შეიცავდეს მხოლოდ პატარა ლათინურ ასოებს (a–z), ციფრებს და ცალკეულ დეფისებს, მაგალითად „women-in-business-2024“; ან დატოვეთ ველი ცარიელი და ის ${SLUG_SOURCE_NAMES.ka[source] ?? source} შეიქმნება.`
      : `The web address "${value}" can hold only lowercase Latin letters (a–z), digits and single hyphens, for example "women-in-business-2024"; or leave the field empty to have one made from the ${SLUG_SOURCE_NAMES.en[source] ?? source}.`,
  slugTaken: (lang: EditorLanguage, value: string, type: string, locale: string, source: string) =>
    lang === 'ka'
      ? `ვებმისამართს „${value}“ უკვე იყენებს სხვა ${TYPE_NAMES.ka[type] ?? type} ${CONTENT_LANGUAGE.ka[locale as 'ka'] ?? locale} ვერსიაში. აირჩიეთ სხვა, ან დატოვეთ ველი ცარიელი და ის ${SLUG_SOURCE_NAMES.ka[source] ?? source} შეიქმნება.`
      : `The web address "${value}" is already used by another ${TYPE_NAMES.en[type] ?? type} in ${CONTENT_LANGUAGE.en[locale as 'ka'] ?? locale}. Choose another one, or leave the field empty to have one made from the ${SLUG_SOURCE_NAMES.en[source] ?? source}.`,
  dateFormat: (lang: EditorLanguage, value: string) =>
    lang === 'ka'
      ? `„${value}“ ამ ველისთვის თარიღი არ არის: ჩაწერეთ წელი (2024), თვე (2024-05) ან დღე (2024-05-31).`
      : `"${value}" is not a date this field takes: write a year (2024), a month (2024-05) or a day (2024-05-31).`,
  dateOrder: (lang: EditorLanguage, start: string, end: string) =>
    lang === 'ka'
      ? `პროექტი ვერ დასრულდება (${end}) დაწყებამდე (${start}): შეამოწმეთ ორივე თარიღი.`
      : `The project cannot end (${end}) before it starts (${start}): check both dates.`,
  website: (lang: EditorLanguage, value: string) =>
    lang === 'ka'
      ? `„${value}“ ვებმისამართი არ არის: ჩაწერეთ ის სრულად, https://-ით დაწყებული.`
      : `"${value}" is not a web address: write it in full, starting with https://`,
  phone: (lang: EditorLanguage, value: string) =>
    lang === 'ka'
      ? `„${value}“ ტელეფონის ნომერი არ არის: გამოიყენეთ ციფრები, ჰარები, ფრჩხილები და დეფისები, ქვეყნის კოდით, მაგ. +995 32 2 29 00 06.`
      : `"${value}" is not a phone number: use digits, spaces, brackets and hyphens, with the country code, e.g. +995 32 2 29 00 06.`,
  pictureWithoutAlt: (lang: EditorLanguage, picture: string, field: string, locale: string) =>
    lang === 'ka'
      ? `სურათს „${picture}“ ველში „${field}“ ${CONTENT_LANGUAGE_ADVERB[locale] ?? locale} ალტერნატიული ტექსტი არ აქვს. შეავსეთ „ალტერნატიული ტექსტი“ სურათის ქვეშ (რას გამოსახავს ის, მათთვის, ვინც ვერ ხედავს) და კვლავ გამოაქვეყნეთ.`
      : `The picture “${picture}” in “${field}” has no alternative text in ${CONTENT_LANGUAGE.en[locale as 'ka'] ?? locale}. Fill in “Alternative text” under the picture (what it shows, for people who cannot see it), then publish again.`,
  fileTooLarge: (lang: EditorLanguage, name: string, bytes: number, maxBytes: number, maxPixels: number) =>
    lang === 'ka'
      ? `„${name}“ ${megabytes(bytes)} მბ-ია; ფაილი შეიძლება იყოს მაქსიმუმ ${megabytes(maxBytes)} მბ. შეინახეთ უფრო მცირე ვერსია (ფოტოსთვის საკმარისია ${maxPixels} პიქსელი გრძელ მხარეზე) და ატვირთეთ ის.`
      : `“${name}” is ${megabytes(bytes)} MB; files can be at most ${megabytes(maxBytes)} MB. Save a smaller version (photos at ${maxPixels} pixels on the longest side are plenty) and upload that.`,
  notAPicture: (lang: EditorLanguage, name: string, format: string | undefined) =>
    lang === 'ka'
      ? `„${name}“ არ არის სურათი, რომელსაც საიტი აჩვენებს${format ? ` (ეს არის ${format.toUpperCase()})` : ''}: გამოიყენეთ JPEG, PNG, WebP, GIF ან AVIF ფაილი. გახსენით ის გამოსახულების რედაქტორში, შეინახეთ JPEG-ად ან PNG-ად და ატვირთეთ ეს ფაილი.`
      : `“${name}” is not a picture the site can show${format ? ` (it is ${format.toUpperCase()})` : ''}: use a JPEG, PNG, WebP, GIF or AVIF file. Open it in an image editor, export it as JPEG or PNG, and upload that file.`,
};
