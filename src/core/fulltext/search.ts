import type { ArticleSearch, SearchField, SearchMatch } from '../ports/article-search.js';
import { articleIdOfKey, maxKeyAt, minKeyFrom, publishedAtOfKey } from './document.js';
import type { Clause, ParsedQuery } from './query.js';

/**
 * Search as readers get it: a bounded set of candidates, ranked here. See docs/adr/0010-search.md.
 *
 * The index is asked for the newest matches in each place a match can be (anywhere; all of it in the
 * headline; in the standfirst; in the tags), each a bounded walk newest first. Every result shown comes from
 * that union, ranked by field and freshness, so the cost of a query does not grow with how common its words
 * are, nor with the page asked for: page 25 ranks the same candidates as page 1.
 */

/** Results readers can page through: 25 pages of 20. Beyond, they are asked to narrow the query. */
export const MAX_RESULTS = 500;
export const RESULTS_PER_PAGE = 20;
export const MAX_PAGE = MAX_RESULTS / RESULTS_PER_PAGE;
/** Newest headline, standfirst and tag matches considered for the upper tiers. */
const TIER_CANDIDATES = 200;

/** How much a match in each place weighs: headline, then standfirst, tags, body. */
export const FIELD_WEIGHT: Readonly<Record<SearchField, number>> = { title: 8, dek: 4, tags: 3, any: 1 };
/** Freshness halves every this many days, down to half the field weight. */
export const FRESHNESS_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface SearchFilters {
  /** A section and its subsections. */
  sectionIds?: readonly number[];
  authorId?: number;
  tagId?: number;
  /** Inclusive bounds as instants (the route turns the reader's days into them). */
  from?: Date;
  to?: Date;
}

export interface SearchRequest {
  query: ParsedQuery;
  filters: SearchFilters;
  sort: 'relevance' | 'date';
  now: Date;
}

export interface RankedKeys {
  /** Index keys, best first; at most MAX_RESULTS. */
  keys: number[];
  /** More matched than MAX_RESULTS (the count shown is then "500+"). */
  capped: boolean;
}

/** Score of a candidate: field weight blended with freshness (see the ADR for the numbers' reasons). */
export function score(field: SearchField, key: number, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - publishedAtOfKey(key).getTime()) / DAY_MS);
  return FIELD_WEIGHT[field] * (0.5 + 0.5 * 2 ** (-ageDays / FRESHNESS_HALF_LIFE_DAYS));
}

/**
 * Ranks candidates found per field: each key takes its best field; higher score first, newer first on ties.
 * Pure, so the ranking can be tested with hand-made lists.
 */
export function rankCandidates(found: ReadonlyArray<{ field: SearchField; keys: readonly number[] }>, now: Date): number[] {
  const best = new Map<number, number>();
  for (const { field, keys } of found) {
    for (const key of keys) {
      const value = score(field, key, now);
      if (value > (best.get(key) ?? -1)) best.set(key, value);
    }
  }
  return [...best].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([key]) => key);
}

/**
 * Prefix clauses with the words they stand for (looked up once, so both databases get the same words).
 * A required prefix that stands for nothing makes the query find nothing (undefined); an excluded one is dropped.
 */
export async function withPrefixWords(index: Pick<ArticleSearch, 'expandPrefixes'>, query: ParsedQuery): Promise<Pick<ParsedQuery, 'must' | 'not'> | undefined> {
  const prefixes = [...query.must, ...query.not].flatMap((clause) => (clause.kind === 'prefix' ? [clause.prefix] : []));
  if (prefixes.length === 0) return query;
  const words = await index.expandPrefixes(prefixes);
  const expand = (clause: Clause): Clause => (clause.kind === 'prefix' ? { ...clause, words: words.get(clause.prefix) ?? [] } : clause);
  const isEmpty = (clause: Clause) => clause.kind === 'prefix' && (clause.words ?? []).length === 0;
  const must = query.must.map(expand);
  if (must.some(isEmpty)) return undefined;
  return { must, not: query.not.map(expand).filter((clause) => !isEmpty(clause)) };
}

export async function rankedSearch(index: Pick<ArticleSearch, 'searchKeys' | 'expandPrefixes'>, request: SearchRequest): Promise<RankedKeys> {
  const { filters } = request;
  if (request.query.must.length === 0) return { keys: [], capped: false };
  const query = await withPrefixWords(index, request.query);
  if (!query) return { keys: [], capped: false };
  const maxKey = Math.min(maxKeyAt(request.now), filters.to ? maxKeyAt(filters.to) : Infinity);
  const minKey = filters.from ? minKeyFrom(filters.from) : undefined;
  const base = {
    must: query.must,
    not: query.not,
    maxKey,
    ...(minKey === undefined ? {} : { minKey }),
    ...(filters.sectionIds ? { sectionIds: filters.sectionIds } : {}),
    ...(filters.authorId === undefined ? {} : { authorId: filters.authorId }),
    ...(filters.tagId === undefined ? {} : { tagId: filters.tagId }),
  };
  const fields: SearchField[] = request.sort === 'date' ? ['any'] : ['any', 'title', 'dek', 'tags'];
  // The tiers are asked without exclusions (an exclusion reaches the whole article, which is costly to check
  // for every headline match); their candidates are then kept only where the exact answer, `any`, has them.
  const matches: SearchMatch[] = fields.map((field) =>
    field === 'any' ? { ...base, field, limit: MAX_RESULTS + 1 } : { ...base, not: [], field, limit: TIER_CANDIDATES },
  );
  const found = await index.searchKeys(matches);
  const anyKeys = found[0] ?? [];
  const anySet = new Set(anyKeys);
  const results = query.not.length === 0 ? found : found.map((keys, i) => (i === 0 ? keys : keys.filter((key) => anySet.has(key))));
  const capped = anyKeys.length > MAX_RESULTS;
  const keys =
    request.sort === 'date'
      ? anyKeys.slice(0, MAX_RESULTS)
      : rankCandidates(
          fields.map((field, i) => ({ field, keys: results[i] ?? [] })),
          request.now,
        ).slice(0, MAX_RESULTS);
  return { keys, capped };
}

export const articleIdsOf = (keys: readonly number[]): number[] => keys.map(articleIdOfKey);
