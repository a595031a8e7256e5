import { createRequire } from 'node:module';
import type MarkdownItType from 'markdown-it';
import { slugify } from '../core/articles/slug.js';
import type { MarkdownRenderer } from '../core/ports.js';
import { MARKDOWN_OPTIONS } from './markdown-options.js';
import { sanitizeHtml } from './sanitize-html.js';

/**
 * Markdown → safe HTML for article bodies: raw HTML off (it is shown as text), headings start at h2 (the
 * page's h1 is the headline) and get ids for linking, links checked, and the output sanitised again as a
 * second wall.
 */
export function createMarkdownRenderer(): MarkdownRenderer {
  let md: InstanceType<typeof MarkdownItType> | undefined;
  return {
    render(markdown: string): string {
      // Loaded on first use: a reading-only process never renders Markdown and saves the memory.
      md ??= load();
      return sanitizeHtml(md.render(markdown));
    },
  };
}

const require = createRequire(import.meta.url);

function load(): InstanceType<typeof MarkdownItType> {
  const MarkdownIt = require('markdown-it') as typeof MarkdownItType;
  const md = new MarkdownIt({ ...MARKDOWN_OPTIONS });
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
  return md;
}
