import { readdirSync } from 'node:fs';
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import { CORPUS_DIR, readCorpus } from './corpus.js';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

/** The folder of feedparser's sanitiser cases, read in place. */
export const SANITIZE_CASES_DIR = 'feeds/feedparser-sanitize/';

export interface SanitizeCase {
  file: string;
  description: string;
  /** The HTML the feed field holds once its XML (and base64, for mode="base64") is decoded. */
  input: string;
  /** feedparser's sanitised result, or undefined when the case only expects the feed to parse. */
  expected: string | undefined;
}

/** Every case file, by name. */
export function sanitizeCaseFiles(): string[] {
  return readdirSync(CORPUS_DIR + SANITIZE_CASES_DIR).filter((name) => name.endsWith('.xml')).sort();
}

/**
 * Reads one case: the header comment gives the description and the expectation (`… == '<python string>'`,
 * possibly several literals joined with `+`); the input is the one field inside the entry (or the feed) that
 * the expectation names, taken as feedparser would take it: escaped text decoded once, CDATA as is, base64
 * decoded, inline XHTML serialised as HTML.
 */
export function readSanitizeCase(file: string): SanitizeCase {
  const xml = readCorpus(SANITIZE_CASES_DIR + file);
  const header = /<!--([\s\S]*?)-->/.exec(xml)?.[1] ?? '';
  const description = /Description:\s*(.*)/.exec(header)?.[1]?.trim() ?? '';
  const expect = /Expect:\s*([\s\S]*)$/.exec(header)?.[1]?.trim() ?? '';
  const comparison = /^not bozo and (entries\[0\]|feed)\[[^\]]+\](?:\[0\]\['value'\])? == (.*)$/s.exec(expect);
  const document = parseDocument(xml.slice(xml.indexOf('-->') + 3), { xmlMode: true, recognizeCDATA: true, decodeEntities: true });
  const elements = (nodes: readonly Node[]) => nodes.filter((node): node is Element => 'attribs' in node && node.type === ElementType.Tag);
  const root = elements(document.children)[0];
  if (!root) throw new Error(`${file}: no root element`);
  const channel = root.name === 'rss' ? elements(root.children).find((node) => node.name === 'channel') : root;
  if (!channel) throw new Error(`${file}: no channel`);
  const wantsEntry = !comparison || comparison[1] === 'entries[0]';
  const container = wantsEntry ? elements(channel.children).find((node) => node.name === 'entry' || node.name === 'item') : channel;
  if (!container) throw new Error(`${file}: no entry`);
  if (!comparison) {
    // Only "the feed parses": every entry's content is the input.
    const contents = DomUtils.getElementsByTagName('content', channel.children);
    return { file, description, input: contents.map(fieldHtml).join('\n'), expected: undefined };
  }
  const field = elements(container.children).find((node) => DomUtils.textContent(node).trim() !== '' || elements(node.children).length > 0);
  if (!field) throw new Error(`${file}: no field with content`);
  return { file, description, input: fieldHtml(field), expected: pythonStrings(comparison[2]!) };
}

function fieldHtml(field: Element): string {
  const inlineXml = field.attribs.mode === 'xml' || field.attribs.type === 'xhtml' || field.children.some((node) => node.type === ElementType.Tag);
  if (inlineXml) return DomUtils.getInnerHTML(field, { xmlMode: false, decodeEntities: true });
  const text = DomUtils.textContent(field);
  return field.attribs.mode === 'base64' ? Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8') : text;
}

/** A Python expression of single-quoted string literals joined by `+` (the escapes the corpus uses). */
function pythonStrings(source: string): string {
  let result = '';
  const literal = /\s*(?:'''([\s\S]*?)'''|'((?:[^'\\]|\\.)*)')\s*(\+)?/gy;
  let match: RegExpExecArray | null;
  let position = 0;
  while ((match = literal.exec(source))) {
    result += (match[1] ?? match[2]!).replace(/\\(.)/g, (_m, char: string) => ({ n: '\n', t: '\t', r: '\r' })[char as 'n'] ?? char);
    position = literal.lastIndex;
    if (!match[3]) break;
  }
  if (source.slice(position).trim() !== '') throw new Error(`cannot read the expected value ${source}`);
  return result;
}
