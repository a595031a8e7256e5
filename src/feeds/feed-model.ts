import type { FeedData } from '../core/articles/site-queries.js';
import { absoluteUrl, articlePath, authorPath } from '../core/permalinks/permalinks.js';

/**
 * One feed, whatever its format. URLs are absolute. Every field is plain text except `contentHtml`, which is
 * the sanitised body HTML exactly as the article page shows it; each format escapes text for its own rules.
 */
export interface FeedModel {
  title: string;
  description: string;
  /** The HTML page this feed follows. */
  homeUrl: string;
  /** The site root, for Atom's id and generator-independent identity. */
  siteUrl: string;
  /** This feed's own URL (per format). */
  feedUrls: { rss: string; atom: string; json: string };
  language: string;
  /** Newest update among the items, or `fallbackUpdated` when there are none. */
  updated: Date;
  items: FeedItem[];
}

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  /** The excerpt, plain text. */
  summary: string;
  /** The body as the page shows it (sanitised when it was rendered). */
  contentHtml: string;
  published: Date;
  updated: Date;
  authors: Array<{ name: string; url: string }>;
  /** The section first, then the tags. */
  categories: string[];
}

export function feedModel(input: {
  data: FeedData;
  siteUrl: string;
  title: string;
  description: string;
  /** Site path of the listing the feed follows: '' for the site, '/category/economy' for a section. */
  basePath: string;
  locale: string;
  fallbackUpdated: Date;
}): FeedModel {
  const { data, siteUrl } = input;
  const items = data.items.map((item): FeedItem => {
    const url = absoluteUrl(siteUrl, articlePath(item.slug));
    const section = item.primaryCategoryId === null ? undefined : data.categories.get(item.primaryCategoryId);
    return {
      id: url,
      url,
      title: item.title,
      summary: item.excerpt,
      contentHtml: withAbsolutePictures(data.bodies.get(item.id) ?? '', siteUrl),
      published: item.publishedAt,
      updated: item.updatedAt > item.publishedAt ? item.updatedAt : item.publishedAt,
      authors: (data.bylines.get(item.id) ?? []).map((byline) => ({
        name: byline.displayName,
        url: absoluteUrl(siteUrl, authorPath(byline.slug)),
      })),
      categories: [...(section ? [section.name] : []), ...(data.tags.get(item.id) ?? []).map((tag) => tag.name)],
    };
  });
  const updated = items.reduce((latest, item) => (item.updated > latest ? item.updated : latest), new Date(0));
  const feedBase = `${siteUrl}${input.basePath}`;
  return {
    title: input.title,
    description: input.description,
    homeUrl: input.basePath === '' ? `${siteUrl}/` : feedBase,
    siteUrl,
    feedUrls: { rss: `${feedBase}/rss.xml`, atom: `${feedBase}/atom.xml`, json: `${feedBase}/feed.json` },
    language: input.locale,
    updated: items.length > 0 ? updated : input.fallbackUpdated,
    items,
  };
}

/**
 * A body's pictures (the sanitiser lets only the site's own through, as `src="/media/…"`) with the site's
 * address in front: a feed reader has no page to resolve a path against.
 */
function withAbsolutePictures(html: string, siteUrl: string): string {
  return html.replace(/(<img src=")(\/media\/)/g, (_match, start: string, path: string) => `${start}${siteUrl}${path}`);
}
