import { foldWord, indexWords, stemWord, STOPWORDS, wordSpans } from './words.js';

/** At most this many clauses (words, phrases, prefixes, exclusions) of a query are used. */
export const MAX_CLAUSES = 12;
/** A prefix needs this many letters before its `*`, or it would match half the dictionary. */
export const MIN_PREFIX_LENGTH = 2;

/** One thing a result must (or must not) contain, in indexed words. */
export type Clause =
  | { kind: 'word'; word: string }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'prefix'; prefix: string; /** The indexed words it stands for, once looked up (see `expandPrefixes`). */ words?: readonly string[] };

export interface ParsedQuery {
  /** Every one must match. */
  must: Clause[];
  /** None may match. */
  not: Clause[];
  /** Folded words of the query, stemmed, for highlighting: what `must` looks for. */
  highlight: { words: string[]; prefixes: string[] };
  /** Why the query finds nothing before it is run (only stopwords, only exclusions), or undefined. */
  problem?: 'empty' | 'only-stopwords' | 'only-exclusions';
}

/**
 * Reads a reader's query: words (all required), "quoted phrases", -word and -"phrase" to exclude, and
 * prefix* searches. Nothing a reader types reaches either database's query syntax: the result is a list of
 * clauses in indexed words, which the storage adapters spell out themselves. Unbalanced quotes close at the end.
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const text = input.normalize('NFC');
  const must: Clause[] = [];
  const not: Clause[] = [];
  let sawWords = false;
  const token = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const match of text.matchAll(token)) {
    const negate = (match[1] ?? match[3]) === '-';
    const quoted = match[2];
    let clause: Clause | undefined;
    if (quoted !== undefined) {
      if (wordSpans(quoted).length > 0) sawWords = true;
      clause = phraseClause(indexWords(quoted));
    } else {
      const raw = match[4] ?? '';
      const spans = wordSpans(raw);
      if (spans.length === 0) continue;
      sawWords = true;
      const last = spans[spans.length - 1]!;
      if (spans.length === 1 && raw.endsWith('*') && last.end === raw.length - 1) {
        const folded = foldWord(last.text);
        const prefix = prefixFor(folded);
        clause =
          prefix !== undefined
            ? { kind: 'prefix', prefix }
            : STOPWORDS.has(folded) || folded === ''
              ? undefined
              : { kind: 'word', word: stemWord(folded) };
      } else {
        // "CIS-MOA", "Karachi/Lahore": the words of one unspaced run are read as a phrase.
        clause = phraseClause(indexWords(raw));
      }
    }
    if (clause) (negate ? not : must).push(clause);
  }
  const seen = new Set<string>();
  const unique = (clauses: Clause[]) =>
    clauses.filter((clause) => {
      const key = JSON.stringify(clause);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const kept = unique(must).slice(0, MAX_CLAUSES);
  const excluded = unique(not).slice(0, Math.max(0, MAX_CLAUSES - kept.length));
  const highlight = {
    words: [...new Set(kept.flatMap((clause) => (clause.kind === 'word' ? [clause.word] : clause.kind === 'phrase' ? clause.words : [])))],
    prefixes: kept.flatMap((clause) => (clause.kind === 'prefix' ? [clause.prefix] : [])),
  };
  const problem =
    kept.length > 0 ? undefined : excluded.length > 0 ? 'only-exclusions' : sawWords ? 'only-stopwords' : 'empty';
  return { must: kept, not: excluded, highlight, ...(problem ? { problem } : {}) };
}

/**
 * What to look for in indexed (stemmed) words when a reader asks for words starting with `folded`: the part
 * the word and its stem share, so "elections" looks for "elect…" and "city" for "cit…" (filed as "citi").
 * Undefined when that would be shorter than MIN_PREFIX_LENGTH (then the word is searched whole) or the word
 * is a stopword.
 */
export function prefixFor(folded: string): string | undefined {
  if (folded.length < MIN_PREFIX_LENGTH || STOPWORDS.has(folded)) return undefined;
  const stem = stemWord(folded);
  let shared = 0;
  while (shared < folded.length && shared < stem.length && folded[shared] === stem[shared]) shared++;
  return shared >= MIN_PREFIX_LENGTH ? folded.slice(0, shared) : undefined;
}

function phraseClause(words: string[]): Clause | undefined {
  if (words.length === 0) return undefined;
  if (words.length === 1) return { kind: 'word', word: words[0]! };
  return { kind: 'phrase', words: words.slice(0, 16) };
}
