import { stemmer } from 'stemmer';

/**
 * How text becomes search words, the same for every document and every query on both databases: the
 * databases only ever see the words this module makes (SQLite's FTS5 splits them on spaces, PostgreSQL
 * reads them as a ready-made tsvector), so case, accents, stemming and stopwords cannot differ between them.
 */

/** Longer runs of letters are cut to this many characters (no real word is longer; it bounds the index). */
export const MAX_WORD_LENGTH = 64;

/** Letters that Unicode does not decompose into a base letter and a mark, folded by hand. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};
const SPECIAL_PATTERN = /[ßæœøłđðþıħŧ]/g;

/**
 * Common English function words, left out of documents and queries alike. Kept short on purpose: words that
 * are also names (US, WHO, IT, May, Will) stay searchable.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be been but by for from had has have he her his i if in into is its of on or our ' +
    'she so than that the their them then there these they this those to was we were what when which with you your').split(' '),
);

/**
 * A word as found in text: letters and digits with marks, inner apostrophes (Pakistan's, don't) and dotted
 * initials (U.S., e.g.) kept together. `start`/`end` are UTF-16 offsets into the text, for snippets.
 */
export interface WordSpan {
  text: string;
  start: number;
  end: number;
}

const WORD = /\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’](?=\p{L}))*/gu;

export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) spans.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return spans;
}

/** Lower case, accents and compatibility forms folded, apostrophes and dots dropped: "Café" → "cafe", "U.S." → "us". */
export function foldWord(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    folded = word
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\p{M}'’.]/gu, '')
      .replace(SPECIAL_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
      .slice(0, MAX_WORD_LENGTH);
    if (folds.size >= MAX_REMEMBERED_WORDS) folds.clear();
    folds.set(word, folded);
  }
  return folded;
}

/** The indexed form of a folded word: English words stemmed (Porter), anything else as it is. */
export function stemWord(folded: string): string {
  let stem = stems.get(folded);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(folded) ? stemmer(folded) : folded;
    if (stems.size >= MAX_REMEMBERED_WORDS) stems.clear();
    stems.set(folded, stem);
  }
  return stem;
}

/** Folding and stemming are the costly steps of indexing and snippets, and a language has few words: both
 * remember the last many (the memory is bounded: a full table is simply started again). */
const MAX_REMEMBERED_WORDS = 50_000;
const stems = new Map<string, string>();
const folds = new Map<string, string>();

/**
 * The indexed words of a text in order, stopwords left out (so "Bank of England" is the two adjacent words
 * bank, england in documents and quoted queries alike). Empty folds are skipped.
 */
export function indexWords(text: string): string[] {
  const words: string[] = [];
  for (const span of wordSpans(text)) {
    const folded = foldWord(span.text);
    if (folded === '' || STOPWORDS.has(folded)) continue;
    words.push(stemWord(folded));
  }
  return words;
}
