import { ElementType, parseDocument } from 'htmlparser2';
import { canonicalHtml } from './html-check.js';

type Node = ReturnType<typeof parseDocument>['children'][number];

/** What a fragment is made of: elements and attributes (as multisets, in order) and its text. */
function shape(html: string): { elements: string[]; attributes: string[]; text: string } {
  const result = { elements: [] as string[], attributes: [] as string[], text: '' };
  let text = '';
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.type === ElementType.Text) text += node.data;
      else if (node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style) {
        const name = node.name.toLowerCase();
        result.elements.push(name);
        for (const [attribute, value] of Object.entries(node.attribs)) result.attributes.push(`${name}[${attribute.toLowerCase()}=${JSON.stringify(value)}]`);
        visit(node.children);
      } else if (node.type === ElementType.CDATA) visit(node.children);
    }
  };
  visit(parseDocument(html, { decodeEntities: true }).children);
  result.text = text.replace(/\s+/g, ' ').trim();
  return result;
}

/** Items of `a` left after taking out one of each item of `b`. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((item) => {
    const index = rest.indexOf(item);
    if (index < 0) return true;
    rest.splice(index, 1);
    return false;
  });
}

/** Whether `short` is `long` with some characters left out (order kept; white space ignored). */
function isSubsequence(short: string, long: string): boolean {
  const wanted = [...short.replace(/\s/g, '')];
  let position = 0;
  for (const char of long.replace(/\s/g, '')) if (position < wanted.length && char === wanted[position]) position += 1;
  return position === wanted.length;
}

/**
 * The kind of difference between our result and feedparser's. The names are the categories of
 * docs/sanitiser-review.md; `unreviewed:` means a kind nobody has looked at, which fails the test.
 */
export function differenceKind(ours: string, theirs: string, input: string): string {
  if (canonicalHtml(ours).trim() === canonicalHtml(theirs).trim()) return 'same';
  const us = shape(ours);
  const them = shape(theirs);
  const addedElements = without(us.elements, them.elements);
  const addedAttributes = without(us.attributes, them.attributes);
  const sameText = us.text === them.text;
  if (addedElements.length > 0) {
    // "</br>" is a second line break by the HTML parsing rules; feedparser ignores it.
    if (addedElements.every((name) => name === 'br') && /<\/br>/i.test(input) && sameText && addedAttributes.length === 0) return 'end-tag-br-is-a-line-break';
    return `unreviewed: we keep elements they remove (${addedElements.join(', ')})`;
  }
  const addedOther = addedAttributes.filter((attribute) => attribute !== 'a[rel="noopener"]');
  if (addedOther.length > 0) return `unreviewed: we keep attributes they remove (${addedOther.join(', ')})`;
  if (sameText) return addedAttributes.length > 0 ? 'drops-markup-adds-noopener' : 'drops-markup';
  if (isSubsequence(us.text, them.text)) return 'drops-text';
  return `unreviewed: our text differs (${us.text.slice(0, 80)} | ${them.text.slice(0, 80)})`;
}
