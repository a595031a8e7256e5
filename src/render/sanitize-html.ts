import { createRequire } from 'node:module';
import type sanitizeHtmlType from 'sanitize-html';

/**
 * Elements a body may contain: text structure, links, tables and the site's own pictures; nothing that
 * runs or styles, and nothing embedded from elsewhere.
 */
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 's', 'code', 'pre',
  'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub', 'img',
];

/**
 * A picture of the media library, by its stable address (/media/pictures/17.jpg) or one of its files
 * (/media/<name>): the only images a body may show, so a story never loads a tracker from another site.
 */
const OWN_PICTURE = /^\/media\/(pictures\/)?[A-Za-z0-9_-]+(\.[a-z]{3,4})?$/;

const OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { img: ['src', 'alt', 'title', 'loading', 'decoding'], a: ['href', 'title', 'rel'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_PICTURE.test(frame.attribs.src ?? ''),
  transformTags: {
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, alt: attribs.alt ?? '', loading: 'lazy', decoding: 'async' } }),
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:\/\//i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener' } : attribs,
    }),
  },
};

const require = createRequire(import.meta.url);
let library: typeof sanitizeHtmlType | undefined;

/**
 * The site's one HTML allow-list: what is left of `html` that an article page may show. Unknown elements are
 * unwrapped (their text stays, as text); script, style and similar elements go with their content; only
 * http(s) and mailto links survive. Used on every rendered Markdown body (a second wall behind markdown-it's
 * raw-HTML-off) and on any HTML that comes from outside.
 */
export function sanitizeHtml(html: string): string {
  // Loaded on first use: a reading-only process never sanitises and saves the memory.
  library ??= require('sanitize-html') as typeof sanitizeHtmlType;
  return library(html, OPTIONS);
}
