/** How long a body is: its words and the minutes a reader needs for them. */
export interface ReadingStats {
  words: number;
  /** Whole minutes, rounded up; 0 only for a body without words. */
  minutes: number;
}

/** Words a reader gets through in a minute of news prose (a common figure for adults reading on screen). */
export const WORDS_PER_MINUTE = 230;

// Addresses count as one word each, whatever their slashes and dots.
const ADDRESS = /\b(?:https?:\/\/|mailto:|www\.)[^\s<>()[\]]+/gi;
// Markdown that is not read: a link's or picture's destination and title, `](…)`; a reference definition line.
const DESTINATION = /\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*\S+.*$/gm;
// The number of a numbered list item (`1.`, `2)`), also inside quotes and nested lists.
const ITEM_NUMBER = /^([ \t>]*)\d{1,9}[.)](?=\s|$)/gm;
// A word: letters or digits, joined by an apostrophe, hyphen, dot or comma between them (don't, 16:9 is two, 1,000, U.S).
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-.,][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Counts the words of a Markdown body as a reader meets them: text, headings, list items, quotes, table cells,
 * link texts and picture descriptions count; Markdown punctuation (`##`, `**`, `-`, `|`), the numbers of
 * numbered list items, link destinations and reference definitions do not, and an address in the text is one word.
 */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(REFERENCE_DEFINITION, ' ')
    .replace(ITEM_NUMBER, '$1')
    .replace(DESTINATION, '] ')
    .replace(ADDRESS, ' address ');
  return text.match(WORD)?.length ?? 0;
}

/** Words and reading time of a Markdown body, at `wordsPerMinute` (default {@link WORDS_PER_MINUTE}). */
export function readingStats(markdown: string, wordsPerMinute = WORDS_PER_MINUTE): ReadingStats {
  const words = countWords(markdown);
  return { words, minutes: Math.ceil(words / wordsPerMinute) };
}

/** "1 word · 1 min read", "1,200 words · 6 min read"; "No words yet" for an empty body. */
export function describeReadingStats(stats: ReadingStats): string {
  if (stats.words === 0) return 'No words yet';
  const words = `${stats.words.toLocaleString('en-GB')} ${stats.words === 1 ? 'word' : 'words'}`;
  return `${words} · ${stats.minutes} min read`;
}
