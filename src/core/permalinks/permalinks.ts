/** First path segments that belong to the site itself; no article slug may take one (DESIGN.md §5). */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'category', 'tag', 'author', 'topic', 'search', 'digest', 'admin', 'api', 'media', 'assets',
  'sitemaps', 'sitemap', 'news-sitemap', 'feed', 'rss', 'atom', 'robots', 'healthz', 'favicon',
]);

const seg = (slug: string): string => encodeURIComponent(slug);

export const articlePath = (slug: string): string => `/${seg(slug)}`;
export const categoryPath = (slug: string): string => `/category/${seg(slug)}`;
export const tagPath = (slug: string): string => `/tag/${seg(slug)}`;
export const authorPath = (slug: string): string => `/author/${seg(slug)}`;
export const mediaPath = (file: string): string => `/media/${seg(file)}`;

/** `path` with `?before=cursor` when a cursor is given. */
export function pagedPath(path: string, before?: string): string {
  return before ? `${path}?before=${encodeURIComponent(before)}` : path;
}

/** Absolute URL of a site path under the configured site URL (which has no trailing slash). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl}${path}`;
}
