import { ElementType, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];

/** Elements that run, embed or restyle the page, whatever their attributes. */
const ACTIVE_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'svg', 'math',
  'form', 'template', 'xml', 'import', 'portal',
]);

/** Attributes whose value a browser fetches or follows as a URL. */
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'lowsrc', 'dynsrc', 'codebase',
  'cite', 'longdesc', 'usemap', 'profile', 'srcset', 'ping',
]);

/** Schemes that run code or carry a document of their own. */
const SCRIPT_SCHEME = /^(javascript|vbscript|livescript|mocha|data):/i;

/**
 * Everything in `html` that could run script once a browser (or a feed reader) parses it as HTML: active
 * elements, `on*` attributes, script-capable URLs in URL attributes (after entity decoding and with the white
 * space and control characters browsers skip removed), and `expression(`, `javascript:` or `-moz-binding` in
 * a style attribute. Parsed with htmlparser2, a real HTML tokenizer, so unquoted, odd-spaced and
 * entity-encoded attributes are seen as a browser sees them.
 */
export function scriptVectors(html: string): string[] {
  const found: string[] = [];
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style) {
        const name = node.name.toLowerCase();
        if (ACTIVE_ELEMENTS.has(name)) found.push(`element <${name}>`);
        for (const [rawName, value] of Object.entries(node.attribs)) {
          const attribute = rawName.toLowerCase();
          if (attribute.startsWith('on')) found.push(`attribute ${attribute} on <${name}>`);
          const squeezed = [...value].filter((char) => char.charCodeAt(0) > 0x20).join('');
          if (URL_ATTRIBUTES.has(attribute) && squeezed.split(',').some((part) => SCRIPT_SCHEME.test(part.trim()))) {
            found.push(`${attribute}="${value.slice(0, 40)}" on <${name}>`);
          }
          if (attribute === 'style' && /expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:/i.test(squeezed)) {
            found.push(`style="${value.slice(0, 40)}" on <${name}>`);
          }
        }
        visit(node.children);
      } else if (node.type === ElementType.CDATA) {
        visit(node.children);
      }
    }
  };
  visit(parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: false }).children);
  return found;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/**
 * One spelling for equal HTML: parsed, then written back with lower-case names, attributes in name order and
 * double quotes, entities decoded and re-escaped the same way, void elements without a slash. Two fragments a
 * browser builds the same tree from come out equal.
 */
export function canonicalHtml(html: string): string {
  const write = (nodes: readonly Node[]): string =>
    nodes
      .map((node) => {
        if (node.type === ElementType.Text) return escapeText(node.data);
        if (node.type === ElementType.Comment) return `<!--${node.data}-->`;
        if (node.type === ElementType.CDATA) return write(node.children);
        if (node.type === ElementType.Directive) return `<${node.data}>`;
        if (node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style) {
          const name = node.name.toLowerCase();
          const attributes = Object.entries(node.attribs)
            .map(([key, value]) => [key.toLowerCase(), value] as const)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
            .join('');
          return VOID.has(name) ? `<${name}${attributes}>` : `<${name}${attributes}>${write(node.children)}</${name}>`;
        }
        return '';
      })
      .join('');
  return write(parseDocument(html, { decodeEntities: true }).children);
}

/** The text a reader sees in an HTML fragment (entities decoded, tags gone). */
export function htmlTextContent(html: string): string {
  const collect = (nodes: readonly Node[]): string =>
    nodes
      .map((node) => {
        if (node.type === ElementType.Text) return node.data;
        if ('children' in node) return collect(node.children as Node[]);
        return '';
      })
      .join('');
  return collect(parseDocument(html, { decodeEntities: true }).children);
}
