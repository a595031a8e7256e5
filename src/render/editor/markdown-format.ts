import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { MarkdownParser, MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown';
import { MARKDOWN_OPTIONS } from '../markdown-options.js';
import { bodySchema, type CellAlign } from './body-schema.js';

/**
 * The tokenizer of the site's renderer (same preset, same options) with `typographer` off: curly quotes and
 * dashes are a matter of display, and the editor must hand back the characters the writer typed.
 */
const tokenizer = new MarkdownIt('default', { ...MARKDOWN_OPTIONS, typographer: false });

/** markdown-it hides the paragraphs of a tight list: the list's first own paragraph says (no paragraph: tight). */
function listIsTight(tokens: Token[], index: number): boolean {
  const level = tokens[index]!.level;
  for (let i = index + 1; i < tokens.length && tokens[i]!.level > level; i++) {
    if (tokens[i]!.type === 'paragraph_open' && tokens[i]!.level === level + 2) return tokens[i]!.hidden;
  }
  return true;
}

function alignOfToken(token: Token): CellAlign {
  const match = /text-align:\s*(left|center|right)/.exec(token.attrGet('style') ?? '');
  return (match?.[1] as CellAlign | undefined) ?? null;
}

/** Markdown → document, with the site renderer's reading of the Markdown. */
export const bodyMarkdownParser = new MarkdownParser(bodySchema, tokenizer, {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'list_item' },
  bullet_list: { block: 'bullet_list', getAttrs: (token, tokens, i) => ({ tight: listIsTight(tokens, i), bullet: token.markup || '-' }) },
  ordered_list: {
    block: 'ordered_list',
    getAttrs: (token, tokens, i) => ({ order: Number(token.attrGet('start')) || 1, tight: listIsTight(tokens, i), delimiter: token.markup || '.' }),
  },
  heading: { block: 'heading', getAttrs: (token) => ({ level: Number(token.tag.slice(1)) }) },
  code_block: { block: 'code_block', noCloseToken: true },
  fence: { block: 'code_block', getAttrs: (token) => ({ params: token.info, fence: token.markup }), noCloseToken: true },
  hr: { node: 'horizontal_rule', getAttrs: (token) => ({ markup: token.markup }) },
  table: { block: 'table' },
  thead: { ignore: true },
  tbody: { ignore: true },
  tr: { block: 'table_row' },
  th: { block: 'table_cell', getAttrs: (token) => ({ header: true, align: alignOfToken(token) }) },
  td: { block: 'table_cell', getAttrs: (token) => ({ header: false, align: alignOfToken(token) }) },
  image: {
    node: 'image',
    getAttrs: (token) => ({ src: token.attrGet('src'), alt: token.children?.map((child) => child.content).join('') ?? '', title: token.attrGet('title') || null }),
  },
  hardbreak: { node: 'hard_break' },
  softbreak: { node: 'soft_break' },
  em: { mark: 'em' },
  strong: { mark: 'strong' },
  s: { mark: 'strike' },
  link: {
    mark: 'link',
    getAttrs: (token) => ({
      href: token.attrGet('href'),
      title: token.attrGet('title') || null,
      markup: token.markup === 'linkify' || token.markup === 'autolink' ? token.markup : null,
    }),
  },
  code_inline: { mark: 'code', noCloseToken: true },
});

type TokenHandler = (state: object, token: Token, tokens: Token[], index: number) => void;

/**
 * Whether the body writes emphasis (and strong emphasis) with underscores anywhere; set only during
 * parseBodyMarkdown. "Anywhere" rather than "first" keeps a second visit from changing the Markdown: the
 * serializer writes underscores wherever they work, so the next parse finds them again.
 */
let underscoresSeen: { em: boolean; strong: boolean } | null = null;

// Markdown may nest a mark in itself (`**a **b** c**`); a document cannot, and prosemirror-markdown would end
// the mark at the inner close. Only the outermost open and close count.
{
  const handlers = (bodyMarkdownParser as unknown as { tokenHandlers: Record<string, TokenHandler> }).tokenHandlers;
  const depths = new WeakMap<object, Map<string, number>>();
  for (const name of ['em', 'strong', 's']) {
    const open = handlers[`${name}_open`]!;
    const close = handlers[`${name}_close`]!;
    const depthOf = (state: object) => depths.get(state) ?? depths.set(state, new Map()).get(state)!;
    handlers[`${name}_open`] = (state, token, tokens, index) => {
      const depth = depthOf(state).get(name) ?? 0;
      depthOf(state).set(name, depth + 1);
      if (depth === 0) open(state, token, tokens, index);
      if (underscoresSeen && (name === 'em' || name === 'strong') && token.markup.startsWith('_')) underscoresSeen[name] = true;
    };
    handlers[`${name}_close`] = (state, token, tokens, index) => {
      const depth = (depthOf(state).get(name) ?? 1) - 1;
      depthOf(state).set(name, depth);
      if (depth === 0) close(state, token, tokens, index);
    };
  }
}

/** The Markdown of a body as the visual editor holds it. */
export function parseBodyMarkdown(markdown: string): ProseMirrorNode {
  underscoresSeen = { em: false, strong: false };
  try {
    const doc = bodyMarkdownParser.parse(markdown);
    const { em, strong } = underscoresSeen;
    return bodySchema.topNodeType.create({ emphasis: em ? '_' : '*', strong: strong ? '__' : '**' }, doc.content);
  } finally {
    underscoresSeen = null;
  }
}

// --- Serialising -------------------------------------------------------------------------------------

/** The run of children around `index` (inclusive) that carry `mark`: its first and last index. */
function runOf(parent: ProseMirrorNode, mark: Mark, index: number): [number, number] {
  let start = index;
  let end = index;
  while (start > 0 && mark.isInSet(parent.child(start - 1).marks)) start--;
  while (end + 1 < parent.childCount && mark.isInSet(parent.child(end + 1).marks)) end++;
  return [start, end];
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const linkMark = bodySchema.marks.link;

/**
 * The body's delimiter for emphasis (`_`) or strong emphasis (`__`), or the star where an underscore would
 * not work: next to a letter outside the run. Computed from the run, so opening and closing agree.
 */
function delimiter(state: MarkdownSerializerState, mark: Mark, parent: ProseMirrorNode, index: number, star: string): string {
  const options = state.options as { emphasis?: string; strong?: string };
  const preferred = String((star === '*' ? options.emphasis : options.strong) ?? star);
  if (!preferred.startsWith('_')) return star;
  const [start, end] = runOf(parent, mark, index);
  const before = start > 0 ? parent.child(start - 1) : null;
  const after = end + 1 < parent.childCount ? parent.child(end + 1) : null;
  const touches = (node: ProseMirrorNode | null, side: 'end' | 'start') =>
    node?.isText === true && WORD_CHAR.test(side === 'end' ? node.text!.slice(-1) : node.text!.slice(0, 1));
  return touches(before, 'end') || touches(after, 'start') ? star : preferred;
}

function linkText(parent: ProseMirrorNode, mark: Mark, index: number): string | null {
  const [start, end] = runOf(parent, mark, index);
  let text = '';
  for (let i = start; i <= end; i++) {
    const child = parent.child(i);
    // Only plain text (no other mark) can be written as a bare address.
    if (!child.isText || child.marks.length !== 1) return null;
    text += child.text;
  }
  return text;
}

/**
 * Whether the link can be written as the bare address it was (`markup: 'linkify'`): markdown-it, reading the
 * address and what will be written after it, finds exactly this link again (linkify takes in most characters
 * but white space, so an escape or a delimiter right after it could extend the address).
 */
function staysBareAddress(state: MarkdownSerializerState, mark: Mark, parent: ProseMirrorNode, index: number): boolean {
  if (mark.attrs.markup !== 'linkify' || mark.attrs.title) return false;
  const text = linkText(parent, mark, index);
  if (text === null) return false;
  const after = parent.maybeChild(runOf(parent, mark, index)[1] + 1);
  // A formatted neighbour starts with its delimiter; `*` stands for any.
  const following = !after?.isText ? '' : after.marks.length > 0 ? '*' : state.esc(after.text!);
  const found = tokenizer.linkify.match(text + following);
  return found?.[0]?.index === 0 && found[0].lastIndex === text.length && tokenizer.normalizeLink(found[0].url) === mark.attrs.href;
}

// What CommonMark accepts between `<` and `>` (markdown-it's own patterns).
const AUTOLINK_URL = /^[a-z][a-z0-9+.-]{1,31}:[^<>\s]*$/i;
const AUTOLINK_EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Whether the link can be written `<href>`: its text is its absolute address (or e-mail address). */
function staysAutolink(mark: Mark, parent: ProseMirrorNode, index: number): boolean {
  const href = String(mark.attrs.href);
  const text = linkText(parent, mark, index);
  if (mark.attrs.title || text === null) return false;
  return (text === href && AUTOLINK_URL.test(text)) || (`mailto:${text}` === href && AUTOLINK_EMAIL.test(text));
}

function destination(href: string): string {
  return /[\s<>]/.test(href) || href === '' ? `<${href.replace(/[<>\\]/g, '\\$&')}>` : href.replace(/[()\\]/g, '\\$&');
}

function title(value: unknown): string {
  return value ? ` "${String(value).replace(/["\\]/g, '\\$&')}"` : '';
}

type LinkState = MarkdownSerializerState & { inAutolink?: boolean; bareLink?: boolean; inCell?: boolean };

/** What would start a block at the beginning of a line, and so must be escaped there (its first character). */
const LINE_START_SYNTAX = [
  /^[-+*](?=\s|$)/, // a bullet
  /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/, // a rule
  /^#{1,6}(?=\s|$)/, // a heading
  /^>/, // a quote
  /^[|:]/, // a table row or its alignment line
];

/**
 * Text as Markdown: prosemirror-markdown's escaping of `*`, `_`, `` ` ``, `~`, `[`, `]` and `\`, plus what our
 * Markdown would otherwise read differently — `&name;` (an entity), `<scheme:…>` (an autolink; also a `<`
 * just before a linked address), and at the start of a line (a paragraph's first, or one after a line break)
 * list, rule, heading, quote and table syntax, a number and `.` or `)`, leading white space (code), and after
 * a line break a heading underline.
 */
function escapeText(state: MarkdownSerializerState, text: string, lineStart: 'block' | 'break' | false, next: ProseMirrorNode | null): string {
  let escaped = state.esc(text, false);
  escaped = escaped.replace(/&(?=#?[a-z0-9]+;)/gi, '\\&').replace(/<(?=[a-z][a-z0-9+.-]{1,31}:[^\s<>]*>|[^\s<>@]+@[^\s<>]+>)/gi, '\\<');
  // `<` then a linked address (`\<https://…>`): unescaped, the two would become one autolink.
  if (next && linkMark.isInSet(next.marks) && /^[a-z][a-z0-9+.-]{1,31}:/i.test(next.text ?? '')) escaped = escaped.replace(/<$/, '\\<');
  if (lineStart) {
    escaped = escaped.replace(/^[ \t]+/, '').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
    // After a line break, a line of `=` or `-` would make the line before a heading.
    const underline = lineStart === 'break' && /^(?:=+|-+)[ \t]*$/.test(escaped);
    if (underline || LINE_START_SYNTAX.some((pattern) => pattern.test(escaped))) escaped = `\\${escaped}`;
  }
  return escaped;
}

/** Whether the text about to be written starts a line: a block's first ('block'), or after a line break ('break'). */
function atLineStart(state: MarkdownSerializerState): 'block' | 'break' | false {
  const internal = state as unknown as { atBlockStart: boolean; out: string; inCell?: boolean };
  // A table cell is inside its row's line: nothing in it starts a block.
  if (internal.inCell) return false;
  return internal.atBlockStart ? 'block' : internal.out.endsWith('\n') ? 'break' : false;
}

/** A table cell's inline content on one line, its pipes escaped (GFM tables have no line breaks in cells). */
function cellMarkdown(state: MarkdownSerializerState, cell: ProseMirrorNode): string {
  const internal = state as unknown as { out: string; closed: unknown; delim: string };
  const saved = { out: internal.out, closed: internal.closed, delim: internal.delim };
  internal.out = '';
  internal.closed = null;
  internal.delim = '';
  (state as LinkState).inCell = true;
  state.renderInline(cell);
  (state as LinkState).inCell = false;
  const text = internal.out;
  Object.assign(internal, saved);
  return text.replace(/\\\n|\n/g, ' ').replace(/(?<!\\)\|/g, '\\|').trim();
}

const RULE_FOR_ALIGN: Record<NonNullable<CellAlign> | 'none', string> = { left: ':---', center: ':---:', right: '---:', none: '---' };

/** The marker each list was written with (documents are immutable, so a node is a stable key). */
const writtenMarker = new WeakMap<ProseMirrorNode, string>();

/**
 * The bullet (or number delimiter) of a list. Two lists in a row with the same marker would read as one, and
 * blank lines do not separate them in CommonMark: the second takes the other marker.
 */
function listMarker(state: MarkdownSerializerState, node: ProseMirrorNode, attr: 'bullet' | 'delimiter', [usual, other]: [string, string]): string {
  const internal = state as unknown as { closed: ProseMirrorNode | null; flushClose(size: number): void };
  let marker = String(node.attrs[attr] || usual);
  const previous = internal.closed;
  if (previous?.type === node.type) {
    // Close the previous list here with one blank line (prosemirror-markdown would add two, which do not part lists).
    internal.flushClose(2);
    if (writtenMarker.get(previous) === marker) marker = marker === usual ? other : usual;
  }
  writtenMarker.set(node, marker);
  return marker;
}

function fenceFor(node: ProseMirrorNode): string {
  const wanted = String(node.attrs.fence || '```');
  const char = wanted[0] === '~' ? '~' : '`';
  let length = Math.max(3, wanted.length);
  for (const run of node.textContent.match(char === '~' ? /~{3,}/g : /`{3,}/g) ?? []) length = Math.max(length, run.length + 1);
  return char.repeat(length);
}

/** Document → Markdown, written the way our Markdown reads it back to the same document. */
export const bodyMarkdownSerializer = new MarkdownSerializer(
  {
    blockquote(state, node) {
      state.wrapBlock('> ', null, node, () => state.renderContent(node));
    },
    code_block(state, node) {
      const fence = fenceFor(node);
      state.write(`${fence}${String(node.attrs.params ?? '')}\n`);
      state.text(node.textContent, false);
      state.ensureNewLine();
      state.write(fence);
      state.closeBlock(node);
    },
    heading(state, node) {
      state.write(`${'#'.repeat(Number(node.attrs.level))} `);
      state.renderInline(node, false);
      state.closeBlock(node);
    },
    horizontal_rule(state, node) {
      state.write(String(node.attrs.markup || '---'));
      state.closeBlock(node);
    },
    bullet_list(state, node) {
      const bullet = listMarker(state, node, 'bullet', ['-', '*']);
      state.renderList(node, '  ', () => `${bullet} `);
    },
    ordered_list(state, node) {
      const start = Number(node.attrs.order ?? 1);
      const delimiterChar = listMarker(state, node, 'delimiter', ['.', ')']);
      const width = String(start + node.childCount - 1).length + 2;
      state.renderList(node, ' '.repeat(width), (i) => `${start + i}${delimiterChar} `);
    },
    list_item(state, node) {
      state.renderContent(node);
    },
    paragraph(state, node) {
      state.renderInline(node);
      state.closeBlock(node);
    },
    table(state, node) {
      const rows: string[][] = [];
      node.forEach((row) => {
        const cells: string[] = [];
        row.forEach((cell) => cells.push(cellMarkdown(state, cell)));
        rows.push(cells);
      });
      const columns = Math.max(...rows.map((cells) => cells.length));
      const aligns: CellAlign[] = [];
      node.firstChild!.forEach((cell) => aligns.push(cell.attrs.align as CellAlign));
      const line = (cells: string[]) => `| ${Array.from({ length: columns }, (_, i) => cells[i] ?? '').join(' | ')} |`;
      const rule = Array.from({ length: columns }, (_, i) => RULE_FOR_ALIGN[aligns[i] ?? 'none']);
      const lines = [line(rows[0]!), `| ${rule.join(' | ')} |`, ...rows.slice(1).map(line)];
      state.text(lines.join('\n'), false);
      state.closeBlock(node);
    },
    table_row() {
      // Written by `table`.
    },
    table_cell() {
      // Written by `table`.
    },
    image(state, node) {
      state.write(`![${state.esc(String(node.attrs.alt ?? ''))}](${destination(String(node.attrs.src))}${title(node.attrs.title)})`);
    },
    hard_break(state, node, parent, index) {
      // A heading is one line in Markdown: a line break in it is written as a space.
      if (parent.type === bodySchema.nodes.heading) {
        state.write(' ');
        return;
      }
      for (let i = index + 1; i < parent.childCount; i++) {
        if (parent.child(i).type !== node.type) {
          state.write('\\\n');
          return;
        }
      }
    },
    soft_break(state, _node, parent, index) {
      const internal = state as unknown as { out: string };
      // Spaces before a line break would make it a hard break.
      internal.out = internal.out.replace(/[ \t]+$/, '');
      if (index + 1 < parent.childCount) state.write(parent.type === bodySchema.nodes.heading ? ' ' : '\n');
    },
    text(state, node, parent, index) {
      const linkState = state as LinkState;
      if (linkState.inAutolink || linkState.bareLink) state.text(node.text!, false);
      else state.text(escapeText(state, node.text!, atLineStart(state), parent.maybeChild(index + 1)), false);
    },
  },
  {
    em: {
      open: (state, mark, parent, index) => delimiter(state, mark, parent, index, '*'),
      close: (state, mark, parent, index) => delimiter(state, mark, parent, index - 1, '*'),
      mixable: true,
      expelEnclosingWhitespace: true,
    },
    strong: {
      open: (state, mark, parent, index) => delimiter(state, mark, parent, index, '**'),
      close: (state, mark, parent, index) => delimiter(state, mark, parent, index - 1, '**'),
      mixable: true,
      expelEnclosingWhitespace: true,
    },
    strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
    link: {
      open(state, mark, parent, index) {
        const linkState = state as LinkState;
        linkState.bareLink = staysBareAddress(state, mark, parent, index);
        linkState.inAutolink = !linkState.bareLink && staysAutolink(mark, parent, index);
        return linkState.bareLink ? '' : linkState.inAutolink ? '<' : '[';
      },
      close(state, mark) {
        const linkState = state as LinkState;
        const written = linkState.bareLink ? '' : linkState.inAutolink ? '>' : `](${destination(String(mark.attrs.href))}${title(mark.attrs.title)})`;
        linkState.bareLink = false;
        linkState.inAutolink = undefined;
        return written;
      },
      mixable: true,
    },
    code: {
      open: (_state, _mark, parent, index) => backticksFor(parent.child(index), 'open'),
      close: (_state, _mark, parent, index) => backticksFor(parent.child(index - 1), 'close'),
      escape: false,
    },
  },
  { strict: true },
);

/** A code span's delimiter: one backtick more than the longest run inside, with a space when the text touches one. */
function backticksFor(node: ProseMirrorNode, side: 'open' | 'close'): string {
  const text = node.isText ? node.text! : '';
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const ticks = '`'.repeat(longest + 1);
  const pad = longest > 0 || /^ .* $/.test(text) ? ' ' : '';
  return side === 'open' ? ticks + pad : pad + ticks;
}

/** The Markdown of a document; ends without a trailing line break, like a body typed into the textarea. */
export function serializeBodyMarkdown(doc: ProseMirrorNode): string {
  const options = { emphasis: doc.attrs.emphasis as string, strong: doc.attrs.strong as string };
  return bodyMarkdownSerializer.serialize(doc, options as { tightLists?: boolean }).replace(/\n+$/, '');
}
