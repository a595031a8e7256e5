/**
 * A WordPress post's stored content as plain HTML, before it becomes Markdown: what WordPress itself does when
 * it shows a post, for the parts that carry content. Block comments (`<!-- wp:… -->`) go (their HTML stays);
 * the core shortcodes become HTML (captions → figures, galleries → their pictures, embeds, audio and video →
 * links); classic content's blank-line paragraphs get their `<p>` (WordPress's "autop"). Other shortcodes and
 * bracketed text are left as they are: "[sic]" is text, and a plugin's shortcode is best seen by an editor.
 */

export interface WpAttachment {
  url: string;
  parentId: string;
  title: string;
  alt: string;
  /** The attachment's caption (its excerpt). */
  caption: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `key="value"`, `key='value'` and `key=value` attributes of a shortcode. */
function shortcodeAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) {
    attributes.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function figure(images: string, caption: string): string {
  return `<figure>${images}${caption.trim() ? `<figcaption>${caption.trim()}</figcaption>` : ''}</figure>`;
}

function gallery(attributes: Map<string, string>, postId: string, attachments: ReadonlyMap<string, WpAttachment>): string {
  const ids = attributes.get('ids') ?? attributes.get('include');
  const chosen = ids
    ? ids.split(',').flatMap((id) => {
        const found = attachments.get(id.trim());
        return found ? [found] : [];
      })
    : [...attachments.values()].filter((attachment) => attachment.parentId === postId);
  if (chosen.length === 0) return '';
  const images = chosen.map((picture) => `<p><img src="${escapeAttribute(picture.url)}" alt="${escapeAttribute(picture.alt || picture.title)}"></p>`);
  return `<figure>${images.join('')}</figure>`;
}

const MEDIA_LINK = (url: string) => `<p><a href="${escapeAttribute(url)}">${escapeAttribute(url)}</a></p>`;

const BLOCK_START = /^<(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|pre|figure|figcaption|hr|dl|dt|dd|section|article|aside|header|footer|nav|address|details|summary|iframe|video|audio|embed|object|form|fieldset|!--)[\s>/]/i;

/** Classic content: paragraphs for blank-line separated text, `<br>` for single line breaks inside them. */
function autop(html: string): string {
  if (!/\n\s*\n/.test(html) && BLOCK_START.test(html.trim())) return html;
  return html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

/** The HTML a WordPress post's content stands for. */
export function wordpressContentHtml(content: string, postId: string, attachments: ReadonlyMap<string, WpAttachment>): string {
  let html = content.replace(/\r\n?/g, '\n').replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '');
  html = html.replace(/\[(caption|wp_caption)([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_all, _name: string, attributeText: string, inner: string) => {
    const images = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)/i.exec(inner);
    const caption = shortcodeAttributes(attributeText).get('caption') ?? (images ? inner.slice(images[0].length) : inner);
    return figure(images?.[1] ?? '', caption);
  });
  html = html.replace(/\[gallery([^\]]*)\]/gi, (_all, attributeText: string) => gallery(shortcodeAttributes(attributeText), postId, attachments));
  html = html.replace(/\[embed[^\]]*\]\s*(\S+?)\s*\[\/embed\]/gi, (_all, url: string) => MEDIA_LINK(url));
  html = html.replace(/\[(audio|video|playlist)([^\]]*)\](?:[\s\S]*?\[\/\1\])?/gi, (_all, _name: string, attributeText: string) => {
    const attributes = shortcodeAttributes(attributeText);
    const url = attributes.get('src') ?? attributes.get('mp4') ?? attributes.get('mp3') ?? attributes.get('webm') ?? attributes.get('ogg');
    return url ? MEDIA_LINK(url) : '';
  });
  // An address alone on its line is an embed in WordPress: keep it as a link to what it showed.
  html = html.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (_all, url: string) => MEDIA_LINK(url));
  return autop(html);
}
