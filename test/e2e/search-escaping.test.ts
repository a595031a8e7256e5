import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { listedArticleHrefs } from '../support/html.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';
import { unsafeMarkup } from '../support/unsafe-markup.js';

// The search page shows the query and, for every result, a snippet with the matched words in <mark>. Both are
// text from strangers: every XSS payload of the corpus (../shared/corpus/payloads/xss-payloads.txt) goes in as
// a query and as article text, and what comes back must be escaped: no markup of the payload's own, only ours.

const payloads = readCorpus('payloads/xss-payloads.txt')
  .split('\n')
  .filter((line) => line.trim() !== '');
const WORD = 'quillfeather';
/** Payloads written into articles: a spread over the whole list. */
const inArticles = payloads.filter((_payload, index) => index % 16 === 0);
/** The tags a result list may hold: ours (list, headline, link, snippet, meta, time) and <mark>. */
const LIST_TAGS = new Set(['ol', 'li', 'article', 'h2', 'h3', 'a', 'p', 'time', 'mark', 'span', 'div', 'strong', 'em', 'small']);
/** A payload that would show up as a tag if the page put it out raw. */
const looksLikeMarkup = (text: string) => /<[a-z!/?]/i.test(text);
/** Every tag of our HTML, its quoted attribute values included (where "<" is only text). */
const TAG = /<[a-zA-Z][\w:-]*(?:\s+[^\s=/>]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g;
/** The page with every quoted attribute value emptied: what is left is markup and text, where a raw payload would be live. */
const outsideAttributes = (html: string) => html.replace(TAG, (tag) => tag.replace(/=("[^"]*"|'[^']*')/g, '=""'));
const HOUR = 3_600_000;

for (const database of testDatabases()) {
  describe(`search escapes queries and snippets on ${database.name}`, () => {
    let app: TestApp;
    const search = (q: string, page = 1) =>
      app.server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}` });

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
      await app.store.users.create({ slug: 'xss-writer', displayName: 'Xss Writer', email: 'xss@escaping.test', role: 'author', passwordHash: null });
      for (const [index, payload] of inArticles.entries()) {
        await addArticle(app, {
          title: `A ${WORD} note, number ${index + 1}`,
          dek: `The ${WORD} standfirst quotes ${payload}`,
          bodyMd: `Before the ${WORD} payload: ${payload} and after it, ${WORD} again.`,
          authorSlugs: ['xss-writer'],
          publishedAt: new Date(TEST_NOW.getTime() - (index + 1) * HOUR),
        });
      }
    }, 300_000);
    afterAll(async () => app?.dispose());

    it(`sends every one of the ${payloads.length} XSS payloads back escaped when it is the query`, async () => {
      expect(payloads.length).toBeGreaterThan(300);
      for (const payload of payloads) {
        const q = [...payload].slice(0, 200).join('');
        const response = await search(q);
        expect(response.statusCode, payload).toBe(200);
        expect(unsafeMarkup(response.body), payload).toEqual([]);
        if (looksLikeMarkup(q)) expect(outsideAttributes(response.body).includes(q), `raw payload in the page: ${payload}`).toBe(false);
      }
    });

    it('shows no live markup from article text in result snippets, and marks the matched word', async () => {
      const pages = [(await search(WORD)).body, (await search(WORD, 2)).body];
      const hrefs = pages.flatMap(listedArticleHrefs);
      expect(hrefs).toHaveLength(inArticles.length);
      for (const html of pages) {
        expect(unsafeMarkup(html)).toEqual([]);
        const lists = [...html.matchAll(/<ol class="article-list"[^>]*>[\s\S]*?<\/ol>/g)].map((match) => match[0]).join('');
        const tags = new Set([...lists.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((match) => match[1]!.toLowerCase()));
        expect([...tags].filter((tag) => !LIST_TAGS.has(tag))).toEqual([]);
        for (const payload of inArticles) if (looksLikeMarkup(payload)) expect(outsideAttributes(lists).includes(payload), payload).toBe(false);
        expect(lists).toMatch(new RegExp(`<mark>${WORD}</mark>`, 'i'));
      }
    });
  });
}
