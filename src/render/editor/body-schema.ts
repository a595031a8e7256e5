import { Schema, type DOMOutputSpec, type Mark, type Node as ProseMirrorNode } from 'prosemirror-model';

/** Where a table column's text sits, as Markdown's `:---:` rule says; null when the rule says nothing. */
export type CellAlign = 'left' | 'center' | 'right' | null;

function alignOf(element: HTMLElement): CellAlign {
  const value = (element.style?.textAlign || element.getAttribute('align') || '').toLowerCase();
  return value === 'left' || value === 'center' || value === 'right' ? value : null;
}

/**
 * The document an article body is while someone edits it visually: exactly what the site's Markdown can say
 * (markdown-options.ts) and nothing more, so every document converts to Markdown and back without loss.
 * Nodes and marks remember how their Markdown was written (`*` or `-` bullets, the fence, a bare address or
 * `<…>`; the document, `_` or `*` emphasis) so that an unchanged part is written back with the same characters.
 *
 * `toDOM` never writes a style attribute: the newsroom's content security policy allows no inline style.
 */
export const bodySchema = new Schema({
  nodes: {
    // How the body writes emphasis: `*`/`_` and `**`/`__` (underscores when its Markdown uses them; else stars).
    // A document-wide choice, not a mark attribute, so that italics next to italics are always one run.
    doc: { content: 'block+', attrs: { emphasis: { default: '*' }, strong: { default: '**' } } },
    paragraph: {
      content: 'inline*',
      group: 'block',
      parseDOM: [{ tag: 'p' }],
      toDOM: (): DOMOutputSpec => ['p', 0],
    },
    heading: {
      attrs: { level: { default: 2 } },
      content: 'inline*',
      group: 'block',
      defining: true,
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node): DOMOutputSpec => [`h${node.attrs.level as number}`, 0],
    },
    blockquote: {
      content: 'block+',
      group: 'block',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: (): DOMOutputSpec => ['blockquote', 0],
    },
    horizontal_rule: {
      attrs: { markup: { default: '---' } },
      group: 'block',
      parseDOM: [{ tag: 'hr' }],
      toDOM: (): DOMOutputSpec => ['hr'],
    },
    code_block: {
      attrs: { params: { default: '' }, fence: { default: '```' } },
      content: 'text*',
      marks: '',
      group: 'block',
      code: true,
      defining: true,
      parseDOM: [
        {
          tag: 'pre',
          preserveWhitespace: 'full',
          getAttrs: (dom: HTMLElement) => ({ params: /\blanguage-([\w+#-]+)/.exec(dom.querySelector('code')?.className ?? '')?.[1] ?? '' }),
        },
      ],
      toDOM: (node): DOMOutputSpec => ['pre', node.attrs.params ? { 'data-language': node.attrs.params as string } : {}, ['code', 0]],
    },
    bullet_list: {
      attrs: { tight: { default: true }, bullet: { default: '-' } },
      content: 'list_item+',
      group: 'block',
      // A list without items (WordPress leaves such shells) is no list.
      parseDOM: [{ tag: 'ul', getAttrs: (dom: HTMLElement) => (dom.querySelector('li') ? { tight: dom.hasAttribute('data-tight') || !dom.querySelector(':scope > li > p + *') } : false) }],
      toDOM: (node): DOMOutputSpec => ['ul', node.attrs.tight ? { 'data-tight': 'true' } : {}, 0],
    },
    ordered_list: {
      attrs: { order: { default: 1 }, tight: { default: true }, delimiter: { default: '.' } },
      content: 'list_item+',
      group: 'block',
      parseDOM: [
        {
          tag: 'ol',
          getAttrs: (dom: HTMLElement) =>
            dom.querySelector('li')
              ? { order: dom.hasAttribute('start') ? Number(dom.getAttribute('start')) || 1 : 1, tight: dom.hasAttribute('data-tight') || !dom.querySelector(':scope > li > p + *') }
              : false,
        },
      ],
      toDOM: (node): DOMOutputSpec => ['ol', { ...(node.attrs.order === 1 ? {} : { start: String(node.attrs.order) }), ...(node.attrs.tight ? { 'data-tight': 'true' } : {}) }, 0],
    },
    list_item: {
      // Markdown lets an item start with any block (a heading, a quote, a code block), not only a paragraph.
      content: 'block+',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: (): DOMOutputSpec => ['li', 0],
    },
    table: {
      content: 'table_row+',
      group: 'block',
      isolating: true,
      parseDOM: [{ tag: 'table' }],
      toDOM: (): DOMOutputSpec => ['table', ['tbody', 0]],
    },
    table_row: {
      content: 'table_cell+',
      parseDOM: [{ tag: 'tr' }],
      toDOM: (): DOMOutputSpec => ['tr', 0],
    },
    table_cell: {
      attrs: { header: { default: false }, align: { default: null } },
      content: 'inline*',
      isolating: true,
      parseDOM: [
        { tag: 'th', getAttrs: (dom: HTMLElement) => ({ header: true, align: alignOf(dom) }) },
        { tag: 'td', getAttrs: (dom: HTMLElement) => ({ header: false, align: alignOf(dom) }) },
      ],
      toDOM: (node): DOMOutputSpec => [node.attrs.header ? 'th' : 'td', node.attrs.align ? { class: `align-${node.attrs.align as string}` } : {}, 0],
    },
    text: { group: 'inline' },
    image: {
      inline: true,
      attrs: { src: {}, alt: { default: '' }, title: { default: null } },
      group: 'inline',
      draggable: true,
      parseDOM: [
        {
          tag: 'img[src]',
          getAttrs: (dom: HTMLElement) => ({ src: dom.getAttribute('src'), alt: dom.getAttribute('alt') ?? '', title: dom.getAttribute('title') }),
        },
      ],
      toDOM: (node): DOMOutputSpec => ['img', { src: node.attrs.src as string, alt: node.attrs.alt as string, ...(node.attrs.title ? { title: node.attrs.title as string } : {}) }],
    },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: (): DOMOutputSpec => ['br'],
      leafText: () => '\n',
    },
    /** A line break inside a paragraph of the Markdown: readers see a space; kept so the text is written back as it was. */
    soft_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      parseDOM: [{ tag: 'span.soft-break' }],
      toDOM: (): DOMOutputSpec => ['span', { class: 'soft-break' }, ' '],
      leafText: () => ' ',
    },
  },
  marks: {
    link: {
      attrs: { href: {}, title: { default: null }, markup: { default: null } },
      inclusive: false,
      parseDOM: [{ tag: 'a[href]', getAttrs: (dom: HTMLElement) => ({ href: dom.getAttribute('href'), title: dom.getAttribute('title') }) }],
      toDOM: (mark: Mark): DOMOutputSpec => ['a', { href: mark.attrs.href as string, ...(mark.attrs.title ? { title: mark.attrs.title as string } : {}) }, 0],
    },
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
      toDOM: (): DOMOutputSpec => ['em', 0],
    },
    strong: {
      parseDOM: [
        { tag: 'strong' },
        // Google Docs wraps whole pastes in <b style="font-weight: normal">: that is not bold.
        { tag: 'b', getAttrs: (dom: HTMLElement) => dom.style.fontWeight !== 'normal' && null },
        { style: 'font-weight', getAttrs: (value: string) => /^(bold(er)?|[6-9]\d\d)$/.test(value) && null },
      ],
      toDOM: (): DOMOutputSpec => ['strong', 0],
    },
    strike: {
      parseDOM: [{ tag: 's' }, { tag: 'del' }, { tag: 'strike' }],
      toDOM: (): DOMOutputSpec => ['s', 0],
    },
    code: {
      code: true,
      parseDOM: [{ tag: 'code' }],
      toDOM: (): DOMOutputSpec => ['code', 0],
    },
  },
});

export type BodyNode = ProseMirrorNode;
