import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/corpus, read in place (never copied into the project). */
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

export function readCorpus(path: string): string {
  return readFileSync(CORPUS_DIR + path, 'utf8');
}

/** Decodes the XML character references a WXR title may hold (the corpus files use numeric ones). */
export function decodeXmlText(text: string): string {
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(text.trim());
  if (cdata) return cdata[1] ?? '';
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => safeCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => safeCodePoint(parseInt(dec, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function safeCodePoint(code: number): string {
  // Lone surrogates stay as they are in JS strings, exactly what a lenient importer would hand us.
  return code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
}

/** The text of every element with this tag name, in document order. */
export function elementTexts(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => decodeXmlText(match[1] ?? ''));
}
