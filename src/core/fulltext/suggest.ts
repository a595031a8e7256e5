import type { ArticleSummary } from '../articles/article.js';
import type { ArticleSearch } from '../ports/article-search.js';
import { articleIdOfKey, maxKeyAt } from './document.js';
import { parseSearchQuery, prefixFor, type Clause, type ParsedQuery } from './query.js';
import { withPrefixWords } from './search.js';
import { foldWord, wordSpans } from './words.js';

/** Suggestions offered under the search box while a reader types. */
export const MAX_SUGGESTIONS = 6;

/**
 * The query as a reader mid-word means it: unless the text ends with a space (the last word is finished),
 * its last plain word becomes a prefix, so "lightho" asks for words starting "lightho". Quoted phrases,
 * exclusions (-word), explicit prefixes (word*) and joined runs ("CIS-MO") are read as the search page reads
 * them. A last word of one letter is left out (too early to guess), and so is a stopword typed in full, as the
 * search page does, so "the" alone suggests nothing.
 */
export function typedQuery(input: string): ParsedQuery {
  const text = input.normalize('NFC');
  const last = /(\S+)$/.exec(text);
  if (!last) return parseSearchQuery(text);
  const token = last[1]!;
  const before = text.slice(0, last.index);
  const insideQuotes = (before.match(/"/g) ?? []).length % 2 === 1;
  const spans = wordSpans(token);
  const plainWord = !insideQuotes && spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === token.length;
  if (!plainWord) return parseSearchQuery(text);
  const rest = parseSearchQuery(before);
  const prefix = prefixFor(foldWord(token));
  if (prefix === undefined) return rest;
  const clause: Clause = { kind: 'prefix', prefix };
  // The rest's "only stopwords" no longer holds: the prefix is something to look for.
  const { problem: _problem, ...query } = rest;
  return {
    ...query,
    must: [...rest.must, clause],
    highlight: { words: rest.highlight.words, prefixes: [...rest.highlight.prefixes, prefix] },
  };
}

/**
 * Articles to suggest for what a reader has typed so far, best first: headline matches, then matches
 * anywhere, each newest first; at most MAX_SUGGESTIONS. Only what the search page could show (public,
 * indexable, already published): the index holds nothing else, and `searchResults` checks again.
 */
export async function suggestArticles(
  index: Pick<ArticleSearch, 'searchKeys' | 'searchResults' | 'expandPrefixes'>,
  input: { q: string; now: Date },
): Promise<ArticleSummary[]> {
  const typed = typedQuery(input.q);
  if (typed.must.length === 0) return [];
  const query = await withPrefixWords(index, typed);
  if (!query) return [];
  const base = { must: query.must, not: query.not, maxKey: maxKeyAt(input.now), limit: MAX_SUGGESTIONS };
  // One trip: headline matches and matches anywhere. Exclusions reach whole articles, which the headline
  // question does not read (see search.ts), so with exclusions only the exact answer is used.
  const [inTitles = [], anywhere = []] =
    query.not.length === 0 ? await index.searchKeys([{ ...base, field: 'title' }, { ...base, field: 'any' }]) : [[], ...(await index.searchKeys([{ ...base, field: 'any' }]))];
  const keys = [...new Set([...inTitles, ...anywhere])].slice(0, MAX_SUGGESTIONS);
  return index.searchResults(keys.map(articleIdOfKey), input.now);
}
