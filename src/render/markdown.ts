import { createRequire } from 'node:module';
import type MarkdownItType from 'markdown-it';
import type sanitizeHtmlType from 'sanitize-html';
import { slugify } from '../core/articles/slug.js';
import type { MarkdownRenderer } from '../core/ports.js';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 's', 'code', 'pre',
  'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
];

/**
 * Markdown → safe HTML for article bodies: raw HTML off (it is shown as text), headings start at h2 (the
 * page's h1 is the headline) and get ids for linking, links checked, and the output sanitised again as a
 * second wall.
 */
export function createMarkdownRenderer(): MarkdownRenderer {
  let loaded: { md: InstanceType<typeof MarkdownItType>; sanitizeHtml: typeof sanitizeHtmlType } | undefined;
  return {
    render(markdown: string): string {
      // Loaded on first use: a reading-only process never renders Markdown and saves the memory.
      loaded ??= load();
      return loaded.sanitizeHtml(loaded.md.render(markdown), SANITIZE_OPTIONS);
    },
  };
}

const require = createRequire(import.meta.url);

function load(): { md: InstanceType<typeof MarkdownItType>; sanitizeHtml: typeof sanitizeHtmlType } {
  const MarkdownIt = require('markdown-it') as typeof MarkdownItType;
  const sanitizeHtml = require('sanitize-html') as typeof sanitizeHtmlType;
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
  md.renderer.rules.heading_open = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const level = Math.min(6, Math.max(2, Number(token.tag.slice(1))));
    token.tag = `h${level}`;
    const text = tokens[index + 1]?.content ?? '';
    const id = slugify(text);
    if (id !== '') token.attrSet('id', id);
    return self.renderToken(tokens, index, options);
  };
  md.renderer.rules.heading_close = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    token.tag = `h${Math.min(6, Math.max(2, Number(token.tag.slice(1))))}`;
    return self.renderToken(tokens, index, options);
  };
  return { md, sanitizeHtml };
}

const SANITIZE_OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title', 'rel'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:\/\//i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener' } : attribs,
    }),
  },
};
