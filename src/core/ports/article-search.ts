import type { ArticleSummary } from '../articles/article.js';
import type { Clause } from '../fulltext/query.js';

// Full-text search over public articles: the index (core/fulltext/document.ts) and how it is asked.

/** Where a match must be found: anywhere, or all of it in one field (for ranking tiers). */
export type SearchField = 'any' | 'title' | 'dek' | 'tags';

/** One question to the index: the newest `limit` documents matching, newest first, as index keys. */
export interface SearchMatch {
  must: readonly Clause[];
  not: readonly Clause[];
  field: SearchField;
  /** Primary section among these ids (a section and its subsections). */
  sectionIds?: readonly number[];
  authorId?: number;
  tagId?: number;
  /** Keys up to this (see `maxKeyAt`), and from this when set (`minKeyFrom`). */
  maxKey: number;
  minKey?: number;
  limit: number;
}

export interface ArticleSearch {
  /** Answers several index questions at once (one trip to a search worker on SQLite). */
  searchKeys(matches: readonly SearchMatch[]): Promise<number[][]>;
  /** The indexed words each prefix stands for, most used first (at most a few dozen). */
  expandPrefixes(prefixes: readonly string[]): Promise<Map<string, string[]>>;
  /**
   * Public, indexable articles by id, in the order given; others are left out (the exact read rule, last).
   * Each with the start of its body's HTML, up to `bodyChars` characters (0: none), for its snippet.
   */
  searchResults(ids: readonly number[], now: Date, bodyChars?: number): Promise<Array<ArticleSummary & { bodyHtmlStart: string }>>;
  /** Rebuilds the index entries of these articles from what is stored now (an operator's repair tool). */
  reindex(articleIds: readonly number[]): Promise<void>;
}
