import type { ArticleSummary } from '../articles/article.js';
import type { ArticleSearch } from '../ports/article-search.js';
import { articleIdOfKey, maxKeyAt } from './document.js';
import { MIN_PREFIX_LENGTH, parseSearchQuery, type Clause, type ParsedQuery } from './query.js';
import { foldWord, stemWord, STOPWORDS, wordSpans } from './words.js';

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
  const prefix = prefixOf(foldWord(token));
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
 * The prefix to look for in indexed (stemmed) words: what the folded word and its stem share, so that
 * "elections" looks for "elect…" and "city" for "cit…" (indexed as "citi"). Undefined when it would be
 * shorter than MIN_PREFIX_LENGTH or the word is a stopword.
 */
function prefixOf(folded: string): string | undefined {
  if (folded.length < MIN_PREFIX_LENGTH || STOPWORDS.has(folded)) return undefined;
  const stem = stemWord(folded);
  let shared = 0;
  while (shared < folded.length && shared < stem.length && folded[shared] === stem[shared]) shared++;
  return shared >= MIN_PREFIX_LENGTH ? folded.slice(0, shared) : folded;
}

/**
 * Articles to suggest for what a reader has typed so far, best first: headline matches, then matches
 * anywhere, each newest first; at most MAX_SUGGESTIONS. Only what the search page could show (public,
 * indexable, already published): the index holds nothing else, and `searchResults` checks again.
 */
export async function suggestArticles(
  index: Pick<ArticleSearch, 'searchKeys' | 'searchResults'>,
  input: { q: string; now: Date },
): Promise<ArticleSummary[]> {
  const query = typedQuery(input.q);
  if (query.must.length === 0) return [];
  const base = { must: query.must, not: query.not, maxKey: maxKeyAt(input.now), limit: MAX_SUGGESTIONS };
  const [inTitles = []] = await index.searchKeys([{ ...base, field: 'title' }]);
  const keys = [...inTitles];
  if (keys.length < MAX_SUGGESTIONS) {
    const [anywhere = []] = await index.searchKeys([{ ...base, field: 'any' }]);
    for (const key of anywhere) if (keys.length < MAX_SUGGESTIONS && !keys.includes(key)) keys.push(key);
  }
  return index.searchResults(keys.map(articleIdOfKey), input.now);
}
