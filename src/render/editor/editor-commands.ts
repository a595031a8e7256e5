import { chainCommands, exitCode, lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import { InputRule, textblockTypeInputRule, undoInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { MarkType, NodeType, ResolvedPos } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { bodySchema } from './body-schema.js';

const { nodes, marks } = bodySchema;

/** The nearest ancestor of the selection of one of these types, with its depth. */
function ancestor($pos: ResolvedPos, types: NodeType[]): { type: NodeType; depth: number } | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const type = $pos.node(depth).type;
    if (types.includes(type)) return { type, depth };
  }
  return null;
}

export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

export function headingActive(state: EditorState, level: number): boolean {
  const parent = state.selection.$from.parent;
  return parent.type === nodes.heading && parent.attrs.level === level;
}

export function listActive(state: EditorState, type: NodeType): boolean {
  return ancestor(state.selection.$from, [nodes.bullet_list, nodes.ordered_list])?.type === type;
}

export function quoteActive(state: EditorState): boolean {
  return ancestor(state.selection.$from, [nodes.blockquote]) !== null;
}

/** Heading of this level, or back to a paragraph when the text already is one. */
export function toggleHeading(level: number): Command {
  return (state, dispatch) =>
    headingActive(state, level) ? setBlockType(nodes.paragraph)(state, dispatch) : setBlockType(nodes.heading, { level })(state, dispatch);
}

/** Into a list of this kind; out of it when already there; a list of the other kind changes kind. */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const found = ancestor(state.selection.$from, [nodes.bullet_list, nodes.ordered_list]);
    if (found?.type === type) return liftListItem(nodes.list_item)(state, dispatch);
    if (found) {
      if (dispatch) dispatch(state.tr.setNodeMarkup(state.selection.$from.before(found.depth), type));
      return true;
    }
    return wrapInList(type)(state, dispatch);
  };
}

export const toggleQuote: Command = (state, dispatch) => (quoteActive(state) ? lift(state, dispatch) : wrapIn(nodes.blockquote)(state, dispatch));

/** Whether the textblock at `$pos` may be replaced by a horizontal rule (not the first paragraph of a list item). */
function ruleMayReplace($pos: ResolvedPos): boolean {
  if ($pos.depth < 1 || !$pos.parent.isTextblock) return false;
  const index = $pos.index($pos.depth - 1);
  return $pos.node($pos.depth - 1).canReplaceWith(index, index + 1, nodes.horizontal_rule);
}

/** A horizontal rule at the caret, and the caret in the paragraph after it (one is made when there is none). */
export const insertRule: Command = (state, dispatch) => {
  if (!dispatch) return true;
  const tr = state.tr;
  if (!state.selection.empty) tr.deleteSelection();
  const $pos = tr.selection.$from;
  if ($pos.parent.content.size === 0 && ruleMayReplace($pos)) {
    const before = $pos.before();
    tr.replaceWith(before, $pos.after(), [nodes.horizontal_rule.create(), nodes.paragraph.create()]);
    tr.setSelection(TextSelection.create(tr.doc, before + 2));
  } else {
    tr.replaceSelectionWith(nodes.horizontal_rule.create());
    if (!(tr.selection instanceof TextSelection)) {
      // The rule ended its container and is selected: typing would replace it.
      const after = tr.selection.to;
      tr.insert(after, nodes.paragraph.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1));
    }
  }
  dispatch(tr.scrollIntoView());
  return true;
};

const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
});

/** Addresses a link may have: the web, e-mail, or a place on this site. */
export function cleanHref(input: string): string | null {
  const href = input.trim();
  if (/^(https?:\/\/|mailto:)\S+$/i.test(href) || /^[/#]\S*$/.test(href)) return href;
  if (/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(href)) return `https://${href}`;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(href)) return `mailto:${href}`;
  return null;
}

/**
 * Removes the link under the selection, or asks for an address (with `ask`) and links the selected text —
 * or, with nothing selected, inserts the address as a linked text.
 */
export function linkCommand(ask: () => string | null): Command {
  return (state, dispatch, view) => {
    const { from, to, empty } = state.selection;
    if (markActive(state, marks.link)) {
      if (dispatch) {
        const $from = state.selection.$from;
        // With a caret only, the whole link around it goes.
        let start = from;
        let end = to;
        if (empty) {
          const range = linkRange($from);
          start = range.from;
          end = range.to;
        }
        dispatch(state.tr.removeMark(start, end, marks.link));
      }
      return true;
    }
    if (!dispatch) return true;
    const href = cleanHref(ask() ?? '');
    view?.focus();
    if (!href) return false;
    const link = marks.link.create({ href });
    if (empty) {
      const text = href.replace(/^mailto:/, '');
      dispatch(state.tr.insert(from, bodySchema.text(text, [link])).scrollIntoView());
    } else dispatch(state.tr.addMark(from, to, link).scrollIntoView());
    return true;
  };
}

function linkRange($pos: ResolvedPos): { from: number; to: number } {
  const parent = $pos.parent;
  const start = $pos.start();
  let index = $pos.index();
  const link = marks.link.isInSet(parent.maybeChild(index)?.marks ?? []) ?? marks.link.isInSet(parent.maybeChild(index - 1)?.marks ?? []);
  if (!link) return { from: $pos.pos, to: $pos.pos };
  if (!link.isInSet(parent.maybeChild(index)?.marks ?? [])) index--;
  let first = index;
  let last = index;
  while (first > 0 && link.isInSet(parent.child(first - 1).marks)) first--;
  while (last + 1 < parent.childCount && link.isInSet(parent.child(last + 1).marks)) last++;
  let from = start;
  for (let i = 0; i < first; i++) from += parent.child(i).nodeSize;
  let to = from;
  for (let i = first; i <= last; i++) to += parent.child(i).nodeSize;
  return { from, to };
}

/**
 * `**bold**`, `*italic*`, `` `code` `` and `~~struck~~` typed in full become formatted text: the delimiters
 * go, the mark stays. The opening delimiter must not follow a letter (so `2*3*4` stays arithmetic).
 */
function markRule(pattern: RegExp, type: MarkType): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    const [whole, inner] = match as unknown as [string, string];
    const open = whole.indexOf(inner);
    const $start = state.doc.resolve(start);
    if ($start.parent.type.spec.code || marks.code.isInSet($start.marks())) return null;
    const tr = state.tr;
    tr.delete(start + open + inner.length, end);
    tr.delete(start, start + open);
    tr.addMark(start, start + inner.length, type.create());
    tr.removeStoredMark(type);
    return tr;
  });
}

const ruleLine = new InputRule(/^(---|\*\*\*|___)$/, (state, match, start, end) => {
  const $start = state.doc.resolve(start);
  if ($start.parent.type !== nodes.paragraph || $start.parent.content.size !== end - start || !ruleMayReplace($start)) return null;
  const before = $start.before();
  const tr = state.tr.replaceWith(before, $start.after(), [nodes.horizontal_rule.create({ markup: match[1] }), nodes.paragraph.create()]);
  return tr.setSelection(TextSelection.create(tr.doc, before + 2));
});

/** Markdown typed at the start of a line (`## `, `> `, `- `, `1. `, ```` ``` ````, `---`) or around words. */
export const markdownShortcuts: InputRule[] = [
  textblockTypeInputRule(/^(#{1,6})\s$/, nodes.heading, (match) => ({ level: match[1]!.length })),
  wrappingInputRule(/^\s*>\s$/, nodes.blockquote),
  wrappingInputRule(/^\s*[-+*]\s$/, nodes.bullet_list),
  wrappingInputRule(
    /^(\d+)([.)])\s$/,
    nodes.ordered_list,
    (match) => ({ order: Number(match[1]), delimiter: match[2] }),
    (match, node) => node.childCount + Number(node.attrs.order) === Number(match[1]),
  ),
  textblockTypeInputRule(/^```([\w+#-]*)\s$/, nodes.code_block, (match) => ({ params: match[1] ?? '' })),
  ruleLine,
  markRule(/(?<![*\p{L}\p{N}])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*$/u, marks.strong),
  markRule(/(?<![_\p{L}\p{N}])__([^_\s](?:[^_]*[^_\s])?)__$/u, marks.strong),
  markRule(/(?<![*\p{L}\p{N}])\*([^*\s](?:[^*]*[^*\s])?)\*$/u, marks.em),
  markRule(/(?<![_\p{L}\p{N}])_([^_\s](?:[^_]*[^_\s])?)_$/u, marks.em),
  markRule(/(?<!`)`([^`]+)`$/, marks.code),
  markRule(/(?<!~)~~([^~\s](?:[^~]*[^~\s])?)~~$/, marks.strike),
];

export interface ToolbarItem {
  /** The button's name (what a screen reader says, and its visible text). */
  name: string;
  /** The key binding, ProseMirror style (`Mod-b`). */
  key: string;
  command: Command;
  /** For buttons that show a state (aria-pressed). */
  active?: (state: EditorState) => boolean;
}

/** The toolbar, in order; every button also has its key binding. */
export function toolbarItems(askForLink: () => string | null): ToolbarItem[] {
  return [
    { name: 'Bold', key: 'Mod-b', command: toggleMark(marks.strong), active: (state) => markActive(state, marks.strong) },
    { name: 'Italic', key: 'Mod-i', command: toggleMark(marks.em), active: (state) => markActive(state, marks.em) },
    { name: 'Link', key: 'Mod-k', command: linkCommand(askForLink), active: (state) => markActive(state, marks.link) },
    { name: 'Heading 2', key: 'Mod-Alt-2', command: toggleHeading(2), active: (state) => headingActive(state, 2) },
    { name: 'Heading 3', key: 'Mod-Alt-3', command: toggleHeading(3), active: (state) => headingActive(state, 3) },
    { name: 'Bulleted list', key: 'Shift-Mod-8', command: toggleList(nodes.bullet_list), active: (state) => listActive(state, nodes.bullet_list) },
    { name: 'Numbered list', key: 'Shift-Mod-7', command: toggleList(nodes.ordered_list), active: (state) => listActive(state, nodes.ordered_list) },
    { name: 'Quote', key: 'Shift-Mod-9', command: toggleQuote, active: quoteActive },
    { name: 'Code', key: 'Mod-e', command: toggleMark(marks.code), active: (state) => markActive(state, marks.code) },
    { name: 'Divider', key: 'Mod-_', command: insertRule },
    { name: 'Undo', key: 'Mod-z', command: undo },
    { name: 'Redo', key: 'Shift-Mod-z', command: redo },
  ];
}

/** Key bindings beyond the toolbar's: lists, line breaks, leaving a code block, undoing a shortcut. */
export const editingKeys: Record<string, Command> = {
  'Mod-y': redo,
  'Mod-Alt-0': setBlockType(nodes.paragraph),
  Enter: splitListItem(nodes.list_item),
  'Mod-[': liftListItem(nodes.list_item),
  'Mod-]': sinkListItem(nodes.list_item),
  'Shift-Enter': hardBreak,
  'Mod-Enter': exitCode,
  Backspace: undoInputRule,
};

/** "Ctrl+Shift+8" (or "⌘⇧8" on a Mac) for a binding, and its aria-keyshortcuts form ("Control+Shift+8"). */
export function describeKey(key: string, mac: boolean): { label: string; aria: string } {
  const parts = key.split('-');
  let base = parts.pop()!;
  const modifiers = new Set(parts);
  if (base === '_') {
    base = '-';
    modifiers.add('Shift');
  }
  const names = [...(modifiers.has('Mod') ? [mac ? 'Meta' : 'Control'] : []), ...(modifiers.has('Alt') ? ['Alt'] : []), ...(modifiers.has('Shift') ? ['Shift'] : [])];
  const keyName = base.toUpperCase();
  const symbols: Record<string, string> = { Meta: '⌘', Alt: '⌥', Shift: '⇧' };
  return {
    label: mac ? names.map((name) => symbols[name] ?? name).join('') + keyName : [...names.map((name) => (name === 'Control' ? 'Ctrl' : name)), keyName].join('+'),
    aria: [...names, keyName].join('+'),
  };
}
