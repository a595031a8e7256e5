import { xmlText } from '../core/text/xml.js';

/** The sitemaps.org limits: URLs per file (bytes are checked by the caller's page size). */
export const MAX_URLS_PER_SITEMAP = 50_000;
/** Google News: at most 1,000 URLs per news sitemap. */
export const MAX_URLS_PER_NEWS_SITEMAP = 1_000;

export interface SitemapUrl {
  loc: string;
  lastmod?: Date;
  images?: string[];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function renderUrlset(urls: readonly SitemapUrl[]): string {
  const hasImages = urls.some((url) => (url.images?.length ?? 0) > 0);
  const body = urls
    .map(
      (url) =>
        `<url><loc>${xmlText(url.loc)}</loc>${url.lastmod ? `<lastmod>${url.lastmod.toISOString()}</lastmod>` : ''}${(url.images ?? [])
          .map((image) => `<image:image><image:loc>${xmlText(image)}</image:loc></image:image>`)
          .join('')}</url>`,
    )
    .join('\n');
  const imageNs = hasImages ? ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"' : '';
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${imageNs}>\n${body}\n</urlset>\n`;
}

export function renderSitemapIndex(entries: ReadonlyArray<{ loc: string; lastmod?: Date }>): string {
  const body = entries
    .map((entry) => `<sitemap><loc>${xmlText(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod.toISOString()}</lastmod>` : ''}</sitemap>`)
    .join('\n');
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

export interface NewsUrl {
  loc: string;
  title: string;
  publishedAt: string;
}

/** A Google News sitemap: publication name and language, publication date, title. */
export function renderNewsUrlset(input: { publication: string; language: string; urls: readonly NewsUrl[] }): string {
  const publication = `<news:publication><news:name>${xmlText(input.publication)}</news:name><news:language>${xmlText(input.language)}</news:language></news:publication>`;
  const body = input.urls
    .map(
      (url) =>
        `<url><loc>${xmlText(url.loc)}</loc><news:news>${publication}<news:publication_date>${xmlText(url.publishedAt)}</news:publication_date><news:title>${xmlText(url.title)}</news:title></news:news></url>`,
    )
    .join('\n');
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${body}\n</urlset>\n`;
}

/** Google News wants an ISO 639 code (2–3 letters), or zh-cn / zh-tw for Chinese. */
export function newsLanguage(locale: string): string {
  const [language = 'en', ...rest] = locale.toLowerCase().split('-');
  if (language === 'zh') return rest.includes('tw') || rest.includes('hant') || rest.includes('hk') ? 'zh-tw' : 'zh-cn';
  return language;
}

export function renderRobotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /admin/',
    'Disallow: /api/',
    'Allow: /',
    '',
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/news-sitemap.xml`,
    '',
  ].join('\n');
}
