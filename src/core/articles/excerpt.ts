import { htmlToText, paragraphText } from '../text/plain-text.js';

/** Default number of words in a derived excerpt. */
export const DEFAULT_EXCERPT_WORDS = 15;
/** A derived excerpt never runs past this many characters, whatever the words. */
export const MAX_EXCERPT_CHARS = 320;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const TRAILING_PUNCTUATION = /[\s,;:.!?\-–—(/[{'"“‘]+$/u;
const ELLIPSIS = '…';

/**
 * Cuts plain text after `words` words (word-like segments, so languages without spaces are cut too),
 * at the end of a word, and ends it with "…" when something was cut. Text short enough is returned whole.
 * A word that runs past `maxChars` (UTF-16 units) is dropped, unless that would leave the excerpt less than
 * half full (a very long first word, a pasted URL): then it is cut between two graphemes, so that the
 * excerpt, "…" included, is at most `maxChars` long and never ends in half a letter.
 */
export function truncateWords(text: string, words = DEFAULT_EXCERPT_WORDS, maxChars = MAX_EXCERPT_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  let counted = 0;
  let cut = -1;
  for (const segment of segmenter.segment(clean)) {
    const end = segment.index + segment.segment.length;
    if (end > maxChars) {
      if (segment.index < maxChars / 2) return cutInsideWord(clean, maxChars);
      cut = segment.index;
      break;
    }
    if (segment.isWordLike) {
      counted += 1;
      if (counted === words) {
        cut = end;
        break;
      }
    }
  }
  if (cut < 0 || cut >= clean.length || clean.slice(cut).trim() === '') return clean;
  const head = clean.slice(0, cut).replace(TRAILING_PUNCTUATION, '');
  return head === '' ? cutInsideWord(clean, maxChars) : `${head}${ELLIPSIS}`;
}

/** The longest start of `text` that ends between two graphemes and, with "…" after it, fits in `maxChars`. */
function cutInsideWord(text: string, maxChars: number): string {
  const limit = maxChars - ELLIPSIS.length;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > limit) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

/**
 * The excerpt shown in lists: the editor's own (as plain text) when given, otherwise the body's paragraphs
 * cut at a word near `words` words, ending in "…".
 */
export function excerptFor(input: { excerpt?: string | null; bodyHtml: string; words?: number }): string {
  const own = input.excerpt ? htmlToText(input.excerpt) : '';
  if (own !== '') return own;
  return truncateWords(paragraphText(input.bodyHtml), input.words ?? DEFAULT_EXCERPT_WORDS);
}
