/**
 * URL slugs: lowercase Latin letters, digits and single hyphens.
 *
 * Georgian is romanised with the national system (Georgian State Department of
 * Geodesy and Cartography, 2002), the one road signs and passports use. Its
 * aspiration marks (k', p', t', ts', ch') are dropped because apostrophes do not
 * belong in URLs; that is also how the system is written on signs.
 */
const GEORGIAN_TO_LATIN: Record<string, string> = {
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: 'k',
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: 'p',
  ჟ: 'zh',
  რ: 'r',
  ს: 's',
  ტ: 't',
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'gh',
  ყ: 'q',
  შ: 'sh',
  ჩ: 'ch',
  ც: 'ts',
  ძ: 'dz',
  წ: 'ts',
  ჭ: 'ch',
  ხ: 'kh',
  ჯ: 'j',
  ჰ: 'h',
};

// Mtavruli (U+1C90–U+1CBF) is the capital form of Mkhedruli (U+10D0–U+10FF): same letters, offset 0xBC0.
function toMkhedruli(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x1c90 && code <= 0x1cbf ? String.fromCodePoint(code - 0xbc0) : char;
}

export function transliterateGeorgian(text: string): string {
  let out = '';
  for (const char of text) {
    const letter = toMkhedruli(char);
    out += GEORGIAN_TO_LATIN[letter] ?? letter;
  }
  return out;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 80;

export function slugify(text: string): string {
  const slug = transliterateGeorgian(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents: "Ö" -> "O"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, SLUG_MAX_LENGTH);
  // cut at a word boundary when one is near, so a slug never ends mid-word
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > SLUG_MAX_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`, ... : the first that `isTaken` says is free. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  const root = base || 'untitled';
  if (!(await isTaken(root))) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root.slice(0, SLUG_MAX_LENGTH - String(n).length - 1)}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
