/** Small, strict helpers for reading our own server-rendered HTML in tests. */

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#34;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

const stripTags = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, '')).trim();

/** Every <a>: its href and visible text. */
export function links(html: string): Array<{ href: string; text: string; rel?: string }> {
  return [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)].map((match) => {
    const attrs = match[1] ?? '';
    const href = /\bhref="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const rel = /\brel="([^"]*)"/.exec(attrs)?.[1];
    return { href: decodeEntities(href), text: stripTags(match[2] ?? ''), ...(rel ? { rel } : {}) };
  });
}

/** The inner HTML of the first element with this class, assuming it does not nest its own tag name. */
export function byClass(html: string, className: string, tag = '[a-z0-9]+'): string | undefined {
  const match = new RegExp(`<(${tag})\\b[^>]*class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match?.[2];
}

export function textOf(html: string | undefined): string {
  return html === undefined ? '' : stripTags(html).replace(/\s+/g, ' ');
}

export function headings(html: string): Array<{ level: number; text: string }> {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => ({
    level: Number(match[1]),
    text: stripTags(match[2] ?? ''),
  }));
}

export function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? 'null') as Record<string, unknown>,
  );
}

export function meta(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html);
  return match ? decodeEntities(match[1] ?? '') : undefined;
}

export function canonical(html: string): string | undefined {
  return /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
}

/** Article hrefs in a list section (the <ol class="article-list"> blocks). */
export function listedArticleHrefs(html: string): string[] {
  const lists = [...html.matchAll(/<ol class="article-list"[^>]*>([\s\S]*?)<\/ol>/g)].map((m) => m[1] ?? '');
  return lists.flatMap((list) => [...list.matchAll(/<h[23] class="article-list__title"><a href="([^"]*)"/g)].map((m) => m[1] ?? ''));
}
