// The newsroom's visual editor (bundled by scripts/build-editor.mjs into render/assets/visual-editor.js).
// Progressive enhancement of the editor form: the body's <textarea name="bodyMd"> stays the source of truth
// and the form posts it as before. In visual mode every change is written back into it as Markdown, followed
// by an `input` event, so autosave, the preview and the unsaved-changes warning see it like typing.
import { baseKeymap } from 'prosemirror-commands';
import { closeHistory, history, redo, undo } from 'prosemirror-history';
import { inputRules } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { Slice } from 'prosemirror-model';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { describeReadingStats, readingStats } from '../../core/text/reading-stats.js';
import { describeKey, editingKeys, markdownShortcuts, toolbarItems, type ToolbarItem } from './editor-commands.js';
import { bodySchema } from './body-schema.js';
import { parseBodyMarkdown, serializeBodyMarkdown } from './markdown-format.js';

type Mode = 'visual' | 'markdown';
const MODE_KEY = 'newsdesk.bodyEditor';

function rememberedMode(): Mode {
  try {
    return window.localStorage.getItem(MODE_KEY) === 'markdown' ? 'markdown' : 'visual';
  } catch {
    return 'visual';
  }
}

function remember(mode: Mode): void {
  try {
    window.localStorage.setItem(MODE_KEY, mode);
  } catch {
    // Storage may be off (private windows); the choice then lasts for this page only.
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function start(root: HTMLElement): void {
  const found = root.querySelector<HTMLTextAreaElement>('textarea[name="bodyMd"]');
  const foundLabel = found?.id ? root.querySelector<HTMLLabelElement>(`label[for="${found.id}"]`) : null;
  if (!found || !foundLabel) return;
  const textarea: HTMLTextAreaElement = found;
  const label: HTMLLabelElement = foundLabel;
  const stats = root.querySelector<HTMLElement>('[data-body-stats]');
  const mac = /Mac|iP(hone|ad|od)/.test(navigator.platform);
  label.id ||= `${textarea.id}-label`;
  const markdownLabel = label.textContent ?? 'Body';

  // --- Mode switch -----------------------------------------------------------------------------------
  const modes = element('div', { class: 'editor-modes', role: 'group', 'aria-label': 'How to edit the body' });
  const visualButton = element('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, 'Visual');
  const markdownButton = element('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, 'Markdown');
  modes.append(visualButton, markdownButton);

  // --- Toolbar (one tab stop; the arrow keys move between buttons) ----------------------------------------
  const editorId = `${textarea.id}-visual`;
  const toolbar = element('div', { class: 'format-toolbar', role: 'toolbar', 'aria-label': 'Formatting', 'aria-controls': editorId });
  const items = toolbarItems(() => window.prompt('Link to which address? (https://…, mailto:…, or /a-page-on-this-site)', 'https://'));
  const buttons = items.map((item, index) => {
    const key = describeKey(item.key, mac);
    const button = element('button', { type: 'button', class: 'format-button', tabindex: index === 0 ? '0' : '-1', title: `${item.name} (${key.label})`, 'aria-keyshortcuts': key.aria }, item.name);
    if (item.active) button.setAttribute('aria-pressed', 'false');
    // Keep the editor's selection when the mouse presses a button.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => run(item));
    toolbar.append(button);
    return button;
  });
  toolbar.addEventListener('keydown', (event) => {
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusButton((next + buttons.length) % buttons.length);
  });
  function focusButton(index: number): void {
    buttons.forEach((button, i) => button.setAttribute('tabindex', i === index ? '0' : '-1'));
    buttons[index]!.focus();
  }

  // --- The editor ------------------------------------------------------------------------------------
  const mount = element('div', { class: 'visual-body' });
  const itemKeys: Record<string, Command> = Object.fromEntries(items.map((item) => [item.key, item.command]));
  const plugins = [history(), inputRules({ rules: markdownShortcuts }), keymap(itemKeys), keymap(editingKeys), keymap(baseKeymap)];
  const stateFor = (markdown: string) => EditorState.create({ doc: parseBodyMarkdown(markdown), plugins });
  let writing = false;
  let mode: Mode = 'markdown';
  const view = new EditorView(mount, {
    state: stateFor(textarea.value),
    // Named by the field's label while visual; in Markdown mode the label names only the textarea.
    attributes: () => ({
      id: editorId,
      class: 'visual-body-text',
      role: 'textbox',
      'aria-multiline': 'true',
      ...(mode === 'visual' ? { 'aria-labelledby': label.id } : {}),
      ...(stats?.id ? { 'aria-describedby': stats.id } : {}),
      spellcheck: 'true',
    }),
    // Plain text pasted in is read as Markdown (pasting from the Markdown view, or from a Markdown file, keeps
    // the formatting); copied text is Markdown too. Pasted HTML goes through the schema's parse rules.
    clipboardTextParser: (text) => Slice.maxOpen(parseBodyMarkdown(text).content),
    clipboardTextSerializer: (slice) => {
      const doc = bodySchema.topNodeType.createAndFill(null, slice.content);
      return doc ? serializeBodyMarkdown(doc) : slice.content.textBetween(0, slice.content.size, '\n\n');
    },
    dispatchTransaction(transaction) {
      const next = view.state.apply(transaction);
      view.updateState(next);
      if (transaction.docChanged) {
        writing = true;
        textarea.value = serializeBodyMarkdown(next.doc);
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
        writing = false;
      }
      refresh();
    },
  });

  function run(item: ToolbarItem): void {
    const step = item.command !== undo && item.command !== redo;
    // A button's change is one step of its own for Undo, apart from the typing before and after it.
    if (step) view.dispatch(closeHistory(view.state.tr));
    item.command(view.state, view.dispatch, view);
    if (step) view.dispatch(closeHistory(view.state.tr));
    view.focus();
  }

  function refresh(): void {
    items.forEach((item, i) => {
      const button = buttons[i]!;
      if (item.active) button.setAttribute('aria-pressed', String(item.active(view.state)));
      if (item.command === undo || item.command === redo) button.setAttribute('aria-disabled', String(!item.command(view.state)));
    });
    if (stats) stats.textContent = describeReadingStats(readingStats(textarea.value));
  }

  // Markdown typed in the textarea (or put there by another script): the count follows, and so does the
  // visual editor when the text came from elsewhere.
  textarea.addEventListener('input', () => {
    if (writing) return;
    if (mode === 'visual') view.updateState(stateFor(textarea.value));
    refresh();
  });
  label.addEventListener('click', (event) => {
    if (mode !== 'visual') return;
    event.preventDefault();
    view.focus();
  });

  function show(next: Mode): void {
    if (next === 'visual' && mode !== 'visual') view.updateState(stateFor(textarea.value));
    mode = next;
    const visual = mode === 'visual';
    visualButton.setAttribute('aria-pressed', String(visual));
    markdownButton.setAttribute('aria-pressed', String(!visual));
    toolbar.hidden = !visual;
    mount.hidden = !visual;
    textarea.hidden = visual;
    label.textContent = visual ? 'Body' : markdownLabel;
    root.classList.toggle('is-visual', visual);
    view.updateState(view.state);
    refresh();
  }
  visualButton.addEventListener('click', () => {
    remember('visual');
    show('visual');
  });
  markdownButton.addEventListener('click', () => {
    remember('markdown');
    show('markdown');
  });

  label.after(modes, toolbar, mount);
  show(rememberedMode());
}

document.querySelectorAll<HTMLElement>('[data-visual-editor]').forEach(start);
