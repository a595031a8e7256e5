import { xmlAttribute, xmlText } from '../core/text/xml.js';
import type { FeedModel } from './feed-model.js';

/** Atom 1.0: every author its own <author>, the body as escaped HTML content. */
export function renderAtom(feed: FeedModel): string {
  const entries = feed.items
    .map((item) =>
      [
        '<entry>',
        `<id>${xmlText(item.id)}</id>`,
        `<title type="text">${xmlText(item.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${xmlText(item.url)}"/>`,
        `<published>${item.published.toISOString()}</published>`,
        `<updated>${item.updated.toISOString()}</updated>`,
        ...item.authors.map((author) => `<author><name>${xmlText(author.name)}</name><uri>${xmlText(author.url)}</uri></author>`),
        ...item.categories.map((category) => `<category term="${xmlAttribute(category)}"/>`),
        `<summary type="text">${xmlText(item.summary)}</summary>`,
        `<content type="html">${xmlText(item.contentHtml)}</content>`,
        '</entry>',
      ].join(''),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">
<id>${xmlText(feed.feedUrls.atom)}</id>
<title type="text">${xmlText(feed.title)}</title>
<subtitle type="text">${xmlText(feed.description)}</subtitle>
<updated>${feed.updated.toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${xmlText(feed.feedUrls.atom)}"/>
<link rel="alternate" type="text/html" href="${xmlText(feed.homeUrl)}"/>
<generator>Newsdesk</generator>
${entries}
</feed>
`;
}
