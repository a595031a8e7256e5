// Browser code for test/browser/visual-editor-corpus.browser.test.ts, bundled by the test (never served):
// HTML → the visual editor's document (ProseMirror's DOMParser with the editor's schema) → Markdown, and a
// count of the formatting in a piece of HTML. Both parse HTML inertly (no script runs, no picture loads).
import MarkdownIt from 'markdown-it';
import { DOMParser as DocumentParser } from 'prosemirror-model';
import { bodySchema } from '../../src/render/editor/body-schema.js';
import { serializeBodyMarkdown } from '../../src/render/editor/markdown-format.js';
import { MARKDOWN_OPTIONS } from '../../src/render/markdown-options.js';

export type FormattingKind =
  | 'heading 2' | 'heading 3' | 'heading 4' | 'heading 5' | 'heading 6'
  | 'bulleted list' | 'numbered list' | 'list item' | 'block quote' | 'table' | 'table cell'
  | 'link' | 'emphasis' | 'strong' | 'strikethrough' | 'inline code' | 'code block' | 'horizontal rule' | 'image';

const markdownIt = new MarkdownIt({ ...MARKDOWN_OPTIONS });

function inert(html: string): HTMLElement {
  return new window.DOMParser().parseFromString(html, 'text/html').body;
}

function htmlToMarkdown(html: string): string {
  return serializeBodyMarkdown(DocumentParser.fromSchema(bodySchema).parse(inert(html)));
}

/** Where text stops being one run: block elements and line breaks. */
const BLOCK = 'p, h1, h2, h3, h4, h5, h6, li, ul, ol, dd, dt, blockquote, pre, table, tr, td, th, figure, figcaption, div, details, summary, section, article, aside, header, footer, nav, address, hr, body';
/** Elements whose text is no body text (ProseMirror's parser skips them too). */
const SKIPPED = 'head, script, style, noscript, object, template, title';

/**
 * What formatting applies to: text, pictures, and links left empty (our sanitiser drops the picture of a linked
 * picture, as the site shows no pictures in bodies yet, and keeps the link); a line break ends a run.
 */
type Leaf = Text | HTMLImageElement | HTMLBRElement | HTMLAnchorElement;

function leavesOf(body: HTMLElement): Leaf[] {
  const leaves: Leaf[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(SKIPPED)) continue;
    const leaf =
      node instanceof Text
        ? node.data.trim() !== ''
        : node instanceof HTMLImageElement
          ? node.hasAttribute('src')
          : node instanceof HTMLAnchorElement
            ? node.hasAttribute('href') && !node.hasChildNodes()
            : node instanceof HTMLBRElement;
    if (leaf) leaves.push(node as Leaf);
  }
  return leaves;
}

const italic = (element: Element) => element.matches('em, i') || (element as HTMLElement).style?.fontStyle === 'italic';
const bold = (element: Element) =>
  element.matches('strong') ||
  (element.matches('b') && (element as HTMLElement).style.fontWeight !== 'normal') ||
  /^(bold(er)?|[6-9]\d\d)$/.test((element as HTMLElement).style?.fontWeight ?? '');

function ancestors(leaf: Leaf): Element[] {
  const list: Element[] = [];
  for (let element = leaf.parentElement; element && element.tagName !== 'BODY'; element = element.parentElement) list.push(element);
  return list;
}

/**
 * Runs of text with one kind of formatting, per block: consecutive pieces of text (and pictures) with the same
 * key in the same block make one run; a line break or another block ends it. Formatting is counted as runs, not
 * elements, because `<em>a</em><em>b</em>` and an italic style on a whole table are one and many runs of
 * italics to a reader, whatever the markup.
 */
function runs(leaves: Leaf[], key: (leaf: Leaf, up: Element[]) => string | null): number {
  let count = 0;
  let previous: { key: string | null; block: Element | null } = { key: null, block: null };
  for (const leaf of leaves) {
    const up = ancestors(leaf);
    const block = leaf.parentElement?.closest(BLOCK) ?? null;
    const current = leaf instanceof HTMLBRElement || up.some((element) => element.matches('pre')) ? null : key(leaf, up);
    if (current !== null && (current !== previous.key || block !== previous.block)) count++;
    previous = { key: current, block };
  }
  return count;
}

/** Bare addresses in text that the site's renderer makes links (markdown-it's linkify, as configured for the site). */
function bareAddresses(leaves: Leaf[]): number {
  let count = 0;
  for (const leaf of leaves) {
    if (!(leaf instanceof Text) || leaf.parentElement?.closest('a[href], code, pre')) continue;
    count += (markdownIt.linkify.match(leaf.data) ?? []).filter((match) => markdownIt.validateLink(markdownIt.normalizeLink(match.url))).length;
  }
  return count;
}

/**
 * The formatting in `html`, counted the same way on the WordPress original and on our rendering, and only
 * where Markdown can say it at all (on both sides alike): nothing inside a table cell but text formatting (a
 * GFM cell holds one line), no formatting inside a code block, no empty list. Headings count at the level
 * readers get: the site's renderer starts at h2 (h1 is the headline), so h1 counts as h2. Links count bare
 * addresses too when `withBareAddresses` (the renderer links them: count them so in the original).
 */
function countFormatting(html: string, withBareAddresses = false): Record<FormattingKind, number> {
  const body = inert(html);
  const leaves = leavesOf(body);
  // Italics, bold, strikethrough and code are text formatting: a picture inside an italic block is no italic run.
  const text = leaves.filter((leaf) => leaf instanceof Text || leaf instanceof HTMLBRElement);
  const all = (selector: string) => Array.from(body.querySelectorAll(selector));
  const inCell = (element: Element) => (element.parentElement?.closest('td, th') ?? null) !== null;
  const hasContent = (element: Element) => (element.textContent ?? '').trim() !== '' || element.querySelector('img[src]') !== null;
  const blocks = (selector: string) => all(selector).filter((element) => !inCell(element)).length;
  const level = (tag: string) => Math.max(2, Number(tag.slice(1)));
  const headings = (wanted: number) => all('h1, h2, h3, h4, h5, h6').filter((h) => !inCell(h) && hasContent(h) && level(h.tagName) === wanted).length;
  const lists = (selector: string) => all(selector).filter((list) => !inCell(list) && list.querySelector('li') !== null).length;
  return {
    'heading 2': headings(2),
    'heading 3': headings(3),
    'heading 4': headings(4),
    'heading 5': headings(5),
    'heading 6': headings(6),
    'bulleted list': lists('ul'),
    'numbered list': lists('ol'),
    'list item': all('li').filter((item) => !inCell(item) && (item.parentElement?.closest('ul, ol') ?? null) !== null).length,
    'block quote': blocks('blockquote'),
    table: all('table').filter((table) => table.querySelector('td, th') !== null).length,
    'table cell': all('td, th').length,
    link:
      runs(leaves, (leaf, up) => [leaf as Element, ...up].find((element) => element instanceof Element && element.matches('a[href]'))?.getAttribute('href') ?? null) +
      (withBareAddresses ? bareAddresses(leaves) : 0),
    emphasis: runs(text, (_leaf, up) => (up.some(italic) ? 'em' : null)),
    strong: runs(text, (_leaf, up) => (up.some(bold) ? 'strong' : null)),
    strikethrough: runs(text, (_leaf, up) => (up.some((element) => element.matches('s, del, strike')) ? 's' : null)),
    'inline code': runs(text, (_leaf, up) => (up.some((element) => element.matches('code')) ? 'code' : null)),
    'code block': blocks('pre'),
    'horizontal rule': blocks('hr'),
    image: all('img[src]').length,
  };
}

(window as unknown as { editorHarness: unknown }).editorHarness = { htmlToMarkdown, countFormatting };
