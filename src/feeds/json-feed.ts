import { withoutInvalidXmlChars } from '../core/text/xml.js';
import type { FeedModel } from './feed-model.js';

const clean = (text: string) => withoutInvalidXmlChars(text);

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function renderJsonFeed(feed: FeedModel): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(feed.title),
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrls.json,
    description: clean(feed.description),
    language: feed.language,
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: clean(item.title),
      summary: clean(item.summary),
      content_html: clean(item.contentHtml),
      date_published: item.published.toISOString(),
      date_modified: item.updated.toISOString(),
      authors: item.authors.map((author) => ({ name: clean(author.name), url: author.url })),
      tags: item.categories.map(clean),
    })),
  });
}
