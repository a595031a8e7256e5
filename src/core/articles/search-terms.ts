/** At most this many words of a query are used. */
export const MAX_SEARCH_TERMS = 12;
const MAX_TERM_LENGTH = 64;

/**
 * The words of a reader's query: compatibility forms folded, lower-cased, letters and digits only (so no
 * query syntax of either database can be smuggled in), at most MAX_SEARCH_TERMS, duplicates dropped.
 */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_SEARCH_TERMS);
}
