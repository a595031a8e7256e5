import { htmlText } from '../text/xml.js';
import type { ParsedQuery } from './query.js';
import { foldWord, stemWord, wordSpans, type WordSpan } from './words.js';

/** Words shown in a result's snippet. */
export const SNIPPET_WORDS = 32;
/** Words of context kept before the first match in the snippet. */
const LEAD_IN = 4;

/** Whether a word of the text is one the query looks for (as search matches it: folded, stemmed, or by prefix). */
function matcher(highlight: ParsedQuery['highlight']): (span: WordSpan) => string | undefined {
  const words = new Set(highlight.words);
  return (span) => {
    const folded = foldWord(span.text);
    const stem = stemWord(folded);
    if (words.has(stem)) return stem;
    return highlight.prefixes.find((prefix) => stem.startsWith(prefix) || folded.startsWith(prefix));
  };
}

/**
 * A passage of `text` around the query's words, as HTML: the text escaped, each matched word wrapped in
 * <mark>, "…" where the passage is cut. The passage is the window of SNIPPET_WORDS words holding the most
 * different matched words (earliest on ties). Undefined when no word of the text matches (the caller then
 * shows the excerpt), or the text is empty.
 */
export function snippetHtml(text: string, highlight: ParsedQuery['highlight']): string | undefined {
  const spans = wordSpans(text);
  if (spans.length === 0) return undefined;
  const match = matcher(highlight);
  const found = spans.map(match);
  if (!found.some((value) => value !== undefined)) return undefined;

  let bestStart = 0;
  let bestCount = -1;
  for (let start = 0; start < spans.length; start++) {
    if (found[start] === undefined) continue;
    const distinct = new Set(found.slice(start, start + SNIPPET_WORDS).filter((value) => value !== undefined)).size;
    if (distinct > bestCount) {
      bestCount = distinct;
      bestStart = start;
    }
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
  if (last < spans.length - 1) html += '…';
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
