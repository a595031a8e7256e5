import { htmlText, xmlText } from '../core/text/xml.js';
import type { FeedModel } from './feed-model.js';

/**
 * RSS 2.0 with content:encoded for the full body, dc:creator for every author and atom:link to itself.
 * Readers treat `<description>` (item and channel) and `content:encoded` as HTML, so plain text put there is
 * HTML-escaped before it is XML-escaped; titles, creators and categories are text and are XML-escaped once.
 */
export function renderRss(feed: FeedModel): string {
  const items = feed.items
    .map((item) =>
      [
        '<item>',
        `<title>${xmlText(item.title)}</title>`,
        `<link>${xmlText(item.url)}</link>`,
        `<guid isPermaLink="true">${xmlText(item.id)}</guid>`,
        `<pubDate>${item.published.toUTCString()}</pubDate>`,
        ...item.authors.map((author) => `<dc:creator>${xmlText(author.name)}</dc:creator>`),
        ...item.categories.map((category) => `<category>${xmlText(category)}</category>`),
        `<description>${xmlText(htmlText(item.summary))}</description>`,
        `<content:encoded>${xmlText(item.contentHtml)}</content:encoded>`,
        '</item>',
      ].join(''),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(feed.title)}</title>
<link>${xmlText(feed.homeUrl)}</link>
<description>${xmlText(htmlText(feed.description))}</description>
<language>${xmlText(feed.language)}</language>
<lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>
<generator>Newsdesk</generator>
<atom:link href="${xmlText(feed.feedUrls.rss)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}
