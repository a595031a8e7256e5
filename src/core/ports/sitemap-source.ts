// What sitemaps and the news sitemap list: public, indexable articles.

/** Public, indexable articles as crawlers are told about them. */
export interface SitemapSource {
  /** Public, indexable articles per month ('YYYY-MM', UTC), oldest month first, with the latest update. */
  sitemapMonths(now: Date): Promise<SitemapMonth[]>;
  /** One page of a month's public, indexable articles, oldest first (published_at, id). */
  sitemapEntries(query: { now: Date; from: Date; to: Date; offset: number; limit: number }): Promise<SitemapEntry[]>;
  /** Public, indexable articles published at or after `since`, newest first. */
  recentForNews(query: { now: Date; since: Date; offset: number; limit: number }): Promise<NewsEntry[]>;
  countRecentForNews(query: { now: Date; since: Date }): Promise<number>;
}

export interface SitemapMonth {
  month: string;
  count: number;
  lastModified: Date;
}

export interface SitemapEntry {
  slug: string;
  updatedAt: Date;
  /** File name of the featured picture's 16:9 crop, when there is one. */
  image?: string;
}

export interface NewsEntry {
  id: number;
  slug: string;
  title: string;
  publishedAt: Date;
}
