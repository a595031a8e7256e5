import { MAX_URLS_PER_SITEMAP } from './sitemap-xml.js';

/** What one file under /sitemaps/ holds. */
export type SitemapFile =
  | { kind: 'articles'; month: string; page: number }
  | { kind: 'tags'; page: number }
  | { kind: 'pages' }
  | { kind: 'categories' }
  | { kind: 'authors' }
  | { kind: 'news'; page: number };

/** File name under /sitemaps/ for a part; page 1 has no suffix. */
export function sitemapFileName(file: SitemapFile): string {
  const suffix = 'page' in file && file.page > 1 ? `-${file.page}` : '';
  switch (file.kind) {
    case 'articles':
      return `articles-${file.month}${suffix}.xml`;
    case 'tags':
      return `tags${suffix}.xml`;
    case 'news':
      return `news${suffix}.xml`;
    default:
      return `${file.kind}.xml`;
  }
}

const NAME = /^(articles-(\d{4})-(0[1-9]|1[0-2])|tags|news|pages|categories|authors)(?:-([2-9]|[1-9]\d{1,4}))?\.xml$/;

/** The part a /sitemaps/ file name asks for, or undefined when the name is not one we make. */
export function parseSitemapFileName(name: string): SitemapFile | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const page = match[4] ? Number(match[4]) : 1;
  if (match[2]) return { kind: 'articles', month: `${match[2]}-${match[3]}`, page };
  if (match[1] === 'tags') return { kind: 'tags', page };
  if (match[1] === 'news') return { kind: 'news', page };
  if (page !== 1) return undefined;
  return { kind: match[1] as 'pages' | 'categories' | 'authors' };
}

/** Number of files needed for `count` URLs at `perFile` each (at least one). */
export function pagesFor(count: number, perFile = MAX_URLS_PER_SITEMAP): number {
  return Math.max(1, Math.ceil(count / perFile));
}

/** First instant of a 'YYYY-MM' month and of the month after it, in UTC. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, monthNumber - 1, 1)), to: new Date(Date.UTC(year, monthNumber, 1)) };
}
