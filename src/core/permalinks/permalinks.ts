/**
 * First path segments of the site's own routes (DESIGN.md §5), and of routes planned for them. At start-up
 * the server checks that the first segment of every route it registers is here (`http/reserved-routes.ts`),
 * so a new route cannot leave its address open to a slug.
 */
const ROUTE_SEGMENTS = [
  'category', 'tag', 'author', 'topic', 'search', 'digest', 'quiz', 'admin', 'api', 'media', 'assets',
  'sitemaps', 'sitemap', 'news-sitemap', 'feed', 'rss', 'atom', 'robots', 'healthz', 'readyz', 'livez', 'favicon',
];

/**
 * Addresses that scanners, feed readers and browsers try on any site (WordPress, Ghost, AMP, well-known
 * files, sitemap and feed guesses): no story, section, tag or person may answer one. Only names a slug could
 * have are listed (wp-login for /wp-login.php is; robots.txt, with its dot, never could be a slug).
 */
const PROBE_SEGMENTS = [
  'wp-admin', 'wp-login', 'wp-content', 'wp-includes', 'wp-json', 'wp-cron', 'wp-signup', 'wordpress', 'xmlrpc',
  'ghost', 'amp', 'administrator', 'phpmyadmin', 'cgi-bin', 'well-known', 'feeds', 'sitemap-index', 'sitemap-news',
  'login', 'logout',
];

/** The one list of slugs that no article, section, tag or author may take. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([...ROUTE_SEGMENTS, ...PROBE_SEGMENTS]);

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
