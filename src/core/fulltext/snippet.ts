import { htmlText } from '../text/xml.js';
import type { ParsedQuery } from './query.js';
import { foldWord, stemWord, wordSpans, type WordSpan } from './words.js';

/** Words shown in a result's snippet. */
export const SNIPPET_WORDS = 32;
/** Words of context kept before the first match in the snippet. */
const LEAD_IN = 4;

/**
 * Whether a word of the text is one the query looks for (as search matches it: folded, stemmed, or by prefix).
 * One per query: the 20 results of a page share their words' folds and stems.
 */
const matchers = new WeakMap<ParsedQuery['highlight'], (span: WordSpan) => string | undefined>();
function matcher(highlight: ParsedQuery['highlight']): (span: WordSpan) => string | undefined {
  let match = matchers.get(highlight);
  if (!match) matchers.set(highlight, (match = newMatcher(highlight)));
  return match;
}

function newMatcher(highlight: ParsedQuery['highlight']): (span: WordSpan) => string | undefined {
  const words = new Set(highlight.words);
  // Text repeats its words: each distinct spelling is folded and stemmed once per query.
  const seen = new Map<string, string | undefined>();
  return (span) => {
    if (seen.has(span.text)) return seen.get(span.text);
    const folded = foldWord(span.text);
    const stem = stemWord(folded);
    const found = words.has(stem) ? stem : highlight.prefixes.find((prefix) => stem.startsWith(prefix) || folded.startsWith(prefix));
    seen.set(span.text, found);
    return found;
  };
}

/** Snippets come from the start of a story (its standfirst and first paragraphs): this many characters at most. */
export const SNIPPET_SCAN_CHARS = 3_000;
/** Characters of a story's HTML read for its snippet: markup included, enough for SNIPPET_SCAN_CHARS of text. */
export const SNIPPET_HTML_CHARS = 4 * SNIPPET_SCAN_CHARS;

/**
 * A passage of `text` around the query's words, as HTML: the text escaped, each matched word wrapped in
 * <mark>, "…" where the passage is cut. The passage is the window of SNIPPET_WORDS words holding the most
 * different matched words (earliest on ties). Undefined when no word of the text matches (the caller then
 * shows the excerpt), or the text is empty.
 */
export function snippetHtml(fullText: string, highlight: ParsedQuery['highlight']): string | undefined {
  const cut = fullText.length > SNIPPET_SCAN_CHARS;
  const text = cut ? fullText.slice(0, SNIPPET_SCAN_CHARS) : fullText;
  const spans = wordSpans(text);
  // The last word of a cut text may be cut too.
  if (cut) spans.pop();
  if (spans.length === 0) return undefined;
  const match = matcher(highlight);
  const found = spans.map(match);
  if (!found.some((value) => value !== undefined)) return undefined;

  // The window slides one word at a time, counting how often each matched word is in it.
  const inWindow = new Map<string, number>();
  let distinct = 0;
  const enter = (value: string | undefined) => {
    if (value === undefined) return;
    const count = inWindow.get(value) ?? 0;
    if (count === 0) distinct++;
    inWindow.set(value, count + 1);
  };
  const leave = (value: string | undefined) => {
    if (value === undefined) return;
    const count = inWindow.get(value)!;
    if (count === 1) distinct--;
    inWindow.set(value, count - 1);
  };
  for (let i = 0; i < Math.min(SNIPPET_WORDS, spans.length); i++) enter(found[i]);
  let bestStart = 0;
  let bestCount = -1;
  for (let start = 0; start < spans.length; start++) {
    if (found[start] !== undefined && distinct > bestCount) {
      bestCount = distinct;
      bestStart = start;
    }
    leave(found[start]);
    if (start + SNIPPET_WORDS < spans.length) enter(found[start + SNIPPET_WORDS]);
  }
  const first = Math.max(0, Math.min(bestStart - LEAD_IN, spans.length - SNIPPET_WORDS));
  const last = Math.min(spans.length, first + SNIPPET_WORDS) - 1;

  let html = first > 0 ? '…' : '';
  let at = spans[first]!.start;
  for (let i = first; i <= last; i++) {
    const span = spans[i]!;
    if (found[i] === undefined) continue;
    html += `${htmlText(text.slice(at, span.start))}<mark>${htmlText(span.text)}</mark>`;
    at = span.end;
  }
  html += htmlText(text.slice(at, spans[last]!.end));
  if (last < spans.length - 1 || cut) html += '…';
  return html;
}

/** The headline with the query's words marked, as HTML (escaped). */
export function markedTitleHtml(title: string, highlight: ParsedQuery['highlight']): string {
  const match = matcher(highlight);
  let html = '';
  let at = 0;
  for (const span of wordSpans(title)) {
    if (match(span) === undefined) continue;
    html += `${htmlText(title.slice(at, span.start))}<mark>${htmlText(span.text)}</mark>`;
    at = span.end;
  }
  return html + htmlText(title.slice(at));
}
