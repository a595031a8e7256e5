import { htmlToText } from '../text/plain-text.js';
import { indexWords } from './words.js';

/**
 * What the search index holds for one article, in indexed words (see words.ts), and the key it is filed
 * under. Only articles a reader may find are indexed (see `isSearchable`); the key orders them newest first.
 */
export interface SearchDocument {
  articleId: number;
  key: number;
  /**
   * Each field's distinct tokens: its words, then its adjacent word pairs (see `wordPair`). A phrase is
   * found by its pairs, so no index keeps word positions (see the ADR).
   */
  title: string[];
  dek: string[];
  tags: string[];
  body: string[];
  /** Section, authors and tags as ids, for filters: see `facet`. */
  facets: string[];
}

export interface SearchSource {
  id: number;
  title: string;
  dek: string;
  bodyHtml: string;
  status: string;
  publishedAt: Date | null;
  noindex: boolean;
  primaryCategoryId: number | null;
  authorIds: readonly number[];
  tags: ReadonlyArray<{ id: number; name: string }>;
}

/** Body words beyond this are not indexed (about 60 pages of text): it bounds one article's share of the index. */
export const MAX_BODY_WORDS = 15_000;

/** Bits of the key that hold the article id: ids up to 67 million. */
const ID_BITS = 2 ** 26;
const MINUTE_MS = 60_000;

/**
 * The index key: the publication minute (rounded up) in the high part, the article id in the low part, so
 * keys sort newest first with ids breaking ties, and stay exact in a JavaScript number until the year 2225.
 * Rounding up means a key never comes before its article is public; the last step of every search checks
 * the exact time anyway (`publicRule`).
 */
export function searchKey(publishedAt: Date, articleId: number): number {
  if (!Number.isInteger(articleId) || articleId <= 0 || articleId >= ID_BITS) throw new RangeError(`Article id ${articleId} cannot be indexed for search.`);
  return Math.ceil(publishedAt.getTime() / MINUTE_MS) * ID_BITS + articleId;
}

/** The highest key public at `now`: everything filed up to the current minute. */
export function maxKeyAt(now: Date): number {
  return Math.floor(now.getTime() / MINUTE_MS) * ID_BITS + (ID_BITS - 1);
}

/** The lowest key of articles published at or after `from`. */
export function minKeyFrom(from: Date): number {
  return Math.ceil(from.getTime() / MINUTE_MS) * ID_BITS;
}

export const articleIdOfKey = (key: number): number => key % ID_BITS;
/** The (rounded-up) publication instant a key was filed under. */
export const publishedAtOfKey = (key: number): Date => new Date(Math.floor(key / ID_BITS) * MINUTE_MS);

/** Readers may find an article when it is published (now or at its scheduled time) and not marked noindex. */
export function isSearchable(source: Pick<SearchSource, 'status' | 'publishedAt' | 'noindex'>): boolean {
  return source.status === 'published' && source.publishedAt !== null && !source.noindex;
}

/** Filter words: `s12` section, `a5` author, `t33` tag. They live apart from text, so a query cannot hit one. */
export const facet = {
  section: (id: number) => `s${id}`,
  author: (id: number) => `a${id}`,
  tag: (id: number) => `t${id}`,
};

/** Whether an indexed token is a word pair rather than a word. */
export const isWordPair = (token: string): boolean => token.includes('\u00b7');

/**
 * Two adjacent words as one indexed word. The joiner (U+00B7) is never part of a word (words.ts), and is a
 * word character to FTS5's ascii tokenizer, so the pair stays one token.
 */
export const wordPair = (first: string, second: string): string => `${first}\u00b7${second}`;

/** The pairs of a run of words: [a, b, c] → a·b, b·c. */
export function adjacentPairs(words: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++) pairs.push(wordPair(words[i - 1]!, words[i]!));
  return pairs;
}

/** The document for an article, or undefined when readers may not find it. */
export function searchDocument(source: SearchSource): SearchDocument | undefined {
  if (!isSearchable(source) || source.publishedAt === null) return undefined;
  const tokens = (...runs: string[][]) => [...new Set([...runs.flat(), ...runs.flatMap(adjacentPairs)])];
  return {
    articleId: source.id,
    key: searchKey(source.publishedAt, source.id),
    title: tokens(indexWords(source.title)),
    dek: tokens(indexWords(source.dek)),
    // Pairs within one tag's name, never across two tags.
    tags: tokens(...source.tags.map((tag) => indexWords(tag.name))),
    body: tokens(indexWords(htmlToText(source.bodyHtml)).slice(0, MAX_BODY_WORDS)),
    facets: [
      ...(source.primaryCategoryId === null ? [] : [facet.section(source.primaryCategoryId)]),
      ...[...new Set(source.authorIds)].map(facet.author),
      ...[...new Set(source.tags.map((tag) => tag.id))].map(facet.tag),
    ],
  };
}
