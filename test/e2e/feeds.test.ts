import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArticles } from '../../src/app/demo/demo-content.js';
import { testDatabases } from '../support/databases.js';
import { wellFormedErrors } from '../support/xmllint.js';
import { requireTool } from '../support/required-tools.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

const SITE = 'https://news.example.test';
const HOUR = 3_600_000;
const published = demoArticles.filter((a) => !a.status || a.status === 'published').sort((a, b) => a.hoursAgo - b.hoursAgo);

type Item = { title: string; url: string; authors: string[]; published: string; categories: string[] };

/* eslint-disable @typescript-eslint/no-explicit-any -- feedsmith's parsed shapes differ per format */
/** Parses any of our feeds with feedsmith (an independent parser) into one shape. */
function parse(body: string): { format: string; title: string; items: Item[] } {
  const { format, feed } = parseFeed(body) as { format: string; feed: Record<string, unknown> };
  const text = (value: unknown) => (typeof value === 'object' && value !== null ? String((value as { value: string }).value) : String(value ?? ''));
  if (format === 'rss') {
    const items = (feed.items as Array<Record<string, any>>) ?? [];
    return {
      format,
      title: text(feed.title),
      items: items.map((item) => ({
        title: text(item.title),
        url: item.link,
        authors: item.dc?.creators ?? [],
        published: new Date(item.pubDate).toISOString(),
        categories: (item.categories ?? []).map((c: { name: string }) => c.name),
      })),
    };
  }
  if (format === 'atom') {
    const entries = (feed.entries as Array<Record<string, any>>) ?? [];
    return {
      format,
      title: text(feed.title),
      items: entries.map((entry) => ({
        title: text(entry.title),
        url: entry.links?.[0]?.href,
        authors: (entry.authors ?? []).map((a: { name: string }) => a.name),
        published: new Date(entry.published).toISOString(),
        categories: (entry.categories ?? []).map((c: { term: string }) => c.term),
      })),
    };
  }
  const items = (feed.items as Array<Record<string, any>>) ?? [];
  return {
    format,
    title: text(feed.title),
    items: items.map((item) => ({
      title: item.title,
      url: item.url,
      authors: (item.authors ?? []).map((a: { name: string }) => a.name),
      published: new Date(item.date_published).toISOString(),
      categories: item.tags ?? [],
    })),
  };
}

const FILES = [
  ['rss.xml', 'application/rss+xml; charset=utf-8', 'rss'],
  ['atom.xml', 'application/atom+xml; charset=utf-8', 'atom'],
  ['feed.json', 'application/feed+json; charset=utf-8', 'json'],
] as const;

for (const database of testDatabases()) {
  describe(`feeds on ${database.name}`, () => {
    let app: TestApp;
    const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });

    beforeAll(async () => {
      app = await openTestApp(database);
    });
    afterAll(async () => app.dispose());

    for (const [file, contentType, format] of FILES) {
      describe(`/${file}`, () => {
        it('lists the public articles newest first with titles, links, every author, dates and categories', async () => {
          const response = await get(`/${file}`);
          expect(response.statusCode).toBe(200);
          expect(response.headers['content-type']).toBe(contentType);
          const feed = parse(response.body);
          expect(feed.format).toBe(format);
          expect(feed.title).toBe('Newsdesk');
          expect(feed.items.map((item) => item.title)).toEqual(published.map((a) => a.title));
          expect(feed.items.map((item) => item.url)).toEqual(published.map((a) => `${SITE}/${a.slug}`));
          const cis = feed.items.find((item) => item.url.endsWith('/pakistan-cabinet-approves-cis-moa-with-united-states'))!;
          expect(cis.authors).toEqual(['Imran Qadir', 'Farah Siddiqui']);
          expect(cis.published).toBe(new Date(TEST_NOW.getTime() - 5 * HOUR).toISOString());
          expect(cis.categories).toEqual(['International', 'CIS-MOA', 'Defence cooperation', 'Pakistan', 'United States']);
        });

        it('has a section, tag and author version', async () => {
          const section = parse((await get(`/category/economy/${file}`)).body);
          expect(section.title).toBe('Newsdesk: Economy');
          const economy = published.filter((a) => ['economy', 'banking'].includes(a.categorySlug)).map((a) => a.title);
          expect(section.items.map((item) => item.title)).toEqual(economy);
          const tag = parse((await get(`/tag/pakistan/${file}`)).body);
          expect(tag.items.map((item) => item.title)).toEqual(published.filter((a) => a.tagNames.includes('Pakistan')).map((a) => a.title));
          const author = parse((await get(`/author/claire-donnelly/${file}`)).body);
          expect(author.items.length).toBeGreaterThan(0);
          for (const item of author.items) expect(item.authors).toContain('Claire Donnelly');
          expect((await get(`/tag/no-such-tag/${file}`)).statusCode).toBe(404);
        });

        it('answers a conditional GET with 304, by ETag and by Last-Modified', async () => {
          const first = await get(`/${file}`);
          const etag = String(first.headers.etag);
          const lastModified = String(first.headers['last-modified']);
          expect(etag).toMatch(/^"[\w-]+"$/);
          expect(new Date(lastModified).getTime()).toBe(Math.floor((TEST_NOW.getTime() - 0.5 * HOUR) / 1000) * 1000);
          expect((await get(`/${file}`, { 'if-none-match': etag })).statusCode).toBe(304);
          expect((await get(`/${file}`, { 'if-none-match': `W/${etag}, "other"` })).statusCode).toBe(304);
          expect((await get(`/${file}`, { 'if-modified-since': lastModified })).statusCode).toBe(304);
          expect((await get(`/${file}`, { 'if-none-match': '"stale"' })).statusCode).toBe(200);
          expect((await get(`/${file}`, { 'if-modified-since': new Date(0).toUTCString() })).statusCode).toBe(200);
        });
      });
    }

    it('keeps at most 20 items', async () => {
      for (let i = 0; i < 6; i++) await addArticle(app, { title: `Filler story number ${i}`, publishedAt: new Date(TEST_NOW.getTime() - 200 * HOUR) });
      for (const [file] of FILES) expect(parse((await get(`/${file}`)).body).items).toHaveLength(20);
    });

    it('escapes <, &, ]]>, emoji, right-to-left text and control characters validly in every format', async () => {
      const title = 'Rates <b>&</b> "quotes" ]]> 🚀 مرحبا \u202Ebidi\u202C \u0001\u0008\u000B\u001F end';
      await addArticle(app, {
        title,
        slug: 'hostile-characters',
        dek: 'Dek with ]]> and <script>alert(1)</script>',
        bodyMd: 'Body with ]]> and <![CDATA[x]]> and \u0002 control & <img src=x onerror=alert(1)>',
        tagNames: ['<Tag & "Co">'],
        publishedAt: new Date(TEST_NOW.getTime() - 60_000),
      });
      const expectedTitle = 'Rates <b>&</b> "quotes" ]]> 🚀 مرحبا \u202Ebidi\u202C  end';
      for (const [file] of FILES) {
        const body = (await get(`/${file}`)).body;
        if (file !== 'feed.json' && requireTool('xmllint')) expect(wellFormedErrors(body), file).toEqual([]);
        const feed = parse(body);
        const item = feed.items.find((entry) => entry.url === `${SITE}/hostile-characters`);
        expect(item?.title, file).toBe(expectedTitle);
        expect(item?.categories, file).toContain('<Tag & "Co">');
        // eslint-disable-next-line no-control-regex -- looking for control characters
        expect(body).not.toMatch(/[\u0001\u0002\u0008\u000B\u001F]/);
      }
    });
  });
}
