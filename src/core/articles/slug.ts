import { DomainError } from '../errors.js';
import { RESERVED_SEGMENTS } from '../permalinks/permalinks.js';

/** Longest slug we make or accept, in characters. */
export const MAX_SLUG_LENGTH = 96;

// Bidi embeddings/overrides/isolates, marks, zero-width characters, BOM and other invisible format characters.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Cs}\u034f\u115f\u1160\u3164\uffa0]/gu;
const LATIN_BASE_WITH_MARKS = /(\p{Script=Latin}|\p{Script=Greek}|\p{Script=Cyrillic})\p{M}+/gu;
const EXCESS_MARKS = /(\p{M}{2})\p{M}+/gu;
const NOT_SLUG_CHAR = /[^\p{L}\p{M}\p{N}]+/gu;
const VALID_SLUG = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*)*$/u;

/**
 * Makes a URL slug from a title: compatibility forms folded (NFKC, so 𝐁𝐨𝐥𝐝 becomes bold), invisible and
 * bidi control characters removed, lower case, accents dropped from Latin, Greek and Cyrillic letters, runs
 * of anything else turned into one hyphen, at most MAX_SLUG_LENGTH characters cut at a hyphen. The result
 * is NFC. Returns '' when nothing usable is left (emoji only, say).
 */
export function slugify(title: string): string {
  const folded = title
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_BASE_WITH_MARKS, '$1')
    .replace(EXCESS_MARKS, '$1')
    .normalize('NFC')
    .replace(NOT_SLUG_CHAR, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  return shorten(folded);
}

function shorten(slug: string): string {
  const chars = [...slug];
  if (chars.length <= MAX_SLUG_LENGTH) return slug;
  const head = chars.slice(0, MAX_SLUG_LENGTH).join('');
  const lastHyphen = head.lastIndexOf('-');
  return (lastHyphen > MAX_SLUG_LENGTH / 2 ? head.slice(0, lastHyphen) : head).replace(/-+$/, '');
}

/**
 * Whether a slug is one of the site's reserved addresses (RESERVED_SEGMENTS): the one rule for articles,
 * sections, tags and authors alike.
 */
export function isReservedSlug(slug: string): boolean {
  return RESERVED_SEGMENTS.has(slug);
}

/** Whether `text` has the form of a slug, reserved or not. */
export function hasSlugForm(text: string): boolean {
  return text !== '' && text === text.normalize('NFC') && VALID_SLUG.test(text) && [...text].length <= MAX_SLUG_LENGTH;
}

/** Checks a slug an editor typed. Throws SLUG_INVALID or SLUG_RESERVED with a message they can act on. */
export function assertValidSlug(slug: string): void {
  if (!hasSlugForm(slug)) {
    throw new DomainError(
      'SLUG_INVALID',
      `"${slug}" is not a valid slug: use lower-case letters and digits separated by single hyphens, at most ${MAX_SLUG_LENGTH} characters.`,
      { slug },
    );
  }
  if (isReservedSlug(slug)) {
    throw new DomainError('SLUG_RESERVED', `"${slug}" is reserved: the site or common web tools use /${slug} as an address. Choose another slug.`, {
      slug,
    });
  }
}

/**
 * A free slug among `base`, `base-2`, `base-3`, …; reserved words count as taken. The first ten are tried in
 * turn; past them (a headline used every day: "Quiz of the day"), the numbers double until one is free, and a
 * binary search between the last taken and that free one finds a free number next to a taken one, so the
 * thousandth "Draft" costs about twenty lookups, not a thousand. `fallback` is used when the base is empty.
 */
export async function uniqueSlug(
  base: string,
  isTaken: (slug: string) => Promise<boolean>,
  fallback = 'article',
): Promise<string> {
  const root = base === '' ? fallback : base;
  const candidate = (n: number) => {
    const suffix = n === 1 ? '' : `-${n}`;
    return shorten(root).slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
  };
  const free = async (n: number) => !isReservedSlug(candidate(n)) && !(await isTaken(candidate(n)));
  for (let n = 1; n <= 10; n++) if (await free(n)) return candidate(n);
  let taken = 10;
  let open = 16;
  while (!(await free(open))) {
    taken = open;
    open *= 2;
    if (open > 2 ** 40) throw new DomainError('SLUG_TAKEN', `No free slug near "${root}"; choose one by hand.`, { slug: root });
  }
  // `taken` is taken and `open` is free: narrow until they are neighbours.
  while (open - taken > 1) {
    const middle = Math.floor((taken + open) / 2);
    if (await free(middle)) open = middle;
    else taken = middle;
  }
  return candidate(open);
}
