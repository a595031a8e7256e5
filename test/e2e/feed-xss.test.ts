import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from 'feedsmith';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/render/sanitize-html.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { readCorpus } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { canonicalHtml, htmlTextContent, scriptVectors } from '../support/html-check.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const payloads = readCorpus('payloads/xss-payloads.txt').split('\n').filter((line) => line.trim() !== '');
const at = (i: number) => payloads[i % payloads.length]!;
/** Feeds hold 20 items: one round of 20 articles, one per writer, fills them. */
const WRITERS = 20;
const ROUNDS = Math.ceil(payloads.length / WRITERS);

// XML 1.0 cannot carry these at all; every format drops them (tested on their own in feeds.test.ts).
// eslint-disable-next-line no-control-regex -- control characters are the point
const withoutControls = (text: string) => text.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, '');

/* eslint-disable @typescript-eslint/no-explicit-any -- feedsmith's parsed shapes differ per format */
interface ParsedItem {
  url: string;
  /** Text fields: what a reader shows as text. */
  title: string;
  authors: string[];
  categories: string[];
  /** The excerpt: plain text in Atom and JSON Feed, HTML in RSS (`<description>`). */
  summary: { text?: string; html?: string };
  contentHtml: string;
}
interface ParsedFeed {
  title: string;
  description: { text?: string; html?: string };
  items: ParsedItem[];
}

const value = (field: unknown): string => (typeof field === 'object' && field !== null ? String((field as { value: string }).value) : String(field ?? ''));

/** Parses one of our feeds with feedsmith, a real feed parser, keeping each field as the format types it. */
function parse(body: string): ParsedFeed {
  const { format, feed } = parseFeed(body) as { format: string; feed: Record<string, any> };
  if (format === 'rss') {
    return {
      title: value(feed.title),
      description: { html: value(feed.description) },
      items: (feed.items ?? []).map((item: Record<string, any>) => ({
        url: item.link,
        title: value(item.title),
        authors: item.dc?.creators ?? [],
        categories: (item.categories ?? []).map((c: { name: string }) => c.name),
        summary: { html: value(item.description) },
        contentHtml: value(item.content?.encoded),
      })),
    };
  }
  if (format === 'atom') {
    expect(feed.subtitle?.type).toBe('text');
    return {
      title: value(feed.title),
      description: { text: value(feed.subtitle) },
      items: (feed.entries ?? []).map((entry: Record<string, any>) => {
        expect([entry.title?.type, entry.summary?.type, entry.content?.type]).toEqual(['text', 'text', 'html']);
        return {
          url: entry.links?.[0]?.href,
          title: value(entry.title),
          authors: (entry.authors ?? []).map((a: { name: string }) => a.name),
          categories: (entry.categories ?? []).map((c: { term: string }) => c.term),
          summary: { text: value(entry.summary) },
          contentHtml: value(entry.content),
        };
      }),
    };
  }
  expect(format).toBe('json');
  return {
    title: feed.title,
    description: { text: feed.description },
    items: (feed.items ?? []).map((item: Record<string, any>) => ({
      url: item.url,
      title: item.title,
      authors: (item.authors ?? []).map((a: { name: string }) => a.name),
      categories: item.tags ?? [],
      summary: { text: item.summary },
      contentHtml: item.content_html,
    })),
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Problems with one HTML field: script it could run, or anything our sanitiser would still change. */
function htmlProblems(html: string): string[] {
  const problems = scriptVectors(html);
  const sanitised = canonicalHtml(sanitizeHtml(html));
  if (sanitised !== canonicalHtml(html)) problems.push(`changed by sanitising: ${JSON.stringify(html.slice(0, 120))} → ${JSON.stringify(sanitised.slice(0, 120))}`);
  return problems;
}

describe('the feed field checks', () => {
  it('find live markup, and pass HTML that only shows markup as text', () => {
    expect(scriptVectors('<p>x</p><img src=x onerror=alert(1)>')).toEqual(['attribute onerror on <img>']);
    expect(scriptVectors('<a href="jav&#x09;ascript:alert(1)">x</a><SCRIPT>alert(1)</SCRIPT><div style="width: expression(alert(1))">')).toHaveLength(3);
    expect(scriptVectors('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).toEqual([]);
    expect(htmlProblems('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).toEqual([]);
    expect(htmlProblems('<p><img src=x></p>')).toHaveLength(1);
    expect(htmlTextContent('&lt;b&gt; &amp; <em>x</em>')).toBe('<b> & x');
  });
});

for (const database of testDatabases()) {
  describe(`every XSS payload (${payloads.length}) in every field a writer controls, through RSS, Atom and JSON Feed, on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    let mediaDir: string;
    const writers: Array<{ client: AdminClient; slug: string; name: string }> = [];
    const picture = { name: 'tiny.png', type: 'image/png', data: Buffer.alloc(0) };

    beforeAll(async () => {
      mediaDir = mkdtempSync(join(tmpdir(), 'newsdesk-feed-xss-'));
      // No page cache: this test is about what the serialisers write, and profiles change between rounds.
      app = await openTestApp(database, { seed: false, env: { NEWSDESK_MEDIA_DIR: mediaDir, NEWSDESK_CACHE_MB: '0' } });
      picture.data = await sharp({ create: { width: 16, height: 12, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer();
      await makeUser(app, 'editor', 'Edith Editor', 'editor@newsroom.test');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      for (let s = 0; s < WRITERS; s++) {
        const email = `writer${s}@newsroom.test`;
        const user = await makeUser(app, 'contributor', `Writer ${s}`, email);
        writers.push({ client: await new AdminClient(app).signIn(email, PASSWORD), slug: user.slug, name: user.displayName });
      }
    }, 120_000);

    afterAll(async () => {
      await app?.dispose();
      if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
    });

    it('gives text fields back as the exact text and HTML fields as the page HTML, with nothing live', async () => {
      const problems: string[] = [];
      const check = (where: string, found: string[]) => problems.push(...found.map((problem) => `${where}: ${problem}`));
      const sameText = (where: string, actual: string | undefined, expected: string) => {
        expected = withoutControls(expected);
        if (actual !== expected) problems.push(`${where}: text ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
      };
      /** A field typed HTML: nothing live, unchanged by our sanitiser, and showing `text` (or being `html`). */
      const htmlField = (where: string, html: string | undefined, expected: { text?: string; html?: string }) => {
        if (html === undefined) return problems.push(`${where}: missing`);
        check(where, htmlProblems(html));
        if (expected.text !== undefined) sameText(where, htmlTextContent(html), expected.text);
        // Parsers trim a field's outer white space (the body ends with a line feed).
        if (expected.html !== undefined && canonicalHtml(html).trim() !== canonicalHtml(withoutControls(expected.html)).trim()) {
          problems.push(`${where}: HTML ${JSON.stringify(html.slice(0, 120))} is not the page's ${JSON.stringify(expected.html.slice(0, 120))}`);
        }
      };
      /** A field that is text in one format and HTML in another. */
      const textOrHtml = (where: string, field: { text?: string; html?: string }, expected: string) =>
        field.html !== undefined ? htmlField(where, field.html, { text: expected }) : sameText(where, field.text, expected);

      let checkedItems = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const expected = new Map<string, { title: string; author: string; id: number }>();
        const tagSlugs = new Set<string>();
        for (let s = 0; s < WRITERS && round * WRITERS + s < payloads.length; s++) {
          const i = round * WRITERS + s;
          const writer = writers[s]!;
          // The writer's byline name and bio (the name is one line of at most 120 characters).
          const name = withoutControls(at(i + 8)).replace(/\s+/g, ' ').trim().slice(0, 120).trim() || `Writer ${s}`;
          const profile = await writer.client.post('/admin/profile', { displayName: name, bio: at(i + 9).slice(0, 2000) });
          expect(profile.statusCode, profile.body.slice(0, 300)).toBe(200);
          writer.name = name;

          const title = [...at(i)].slice(0, 300).join('');
          await writer.client.get('/admin/articles/new');
          const created = await writer.client.post('/admin/articles', { title });
          expect(created.statusCode, created.body.slice(0, 300)).toBe(303);
          const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
          const revision = async () => (await app.store.articles.findById(id))!.revision;
          const saved = await writer.client.post(`/admin/articles/${id}`, {
            revision: await revision(),
            title,
            dek: at(i + 1).slice(0, 300),
            bodyMd: at(i + 2),
            // Within the article limits (core/articles/limits.ts: the same for the newsroom and the API), so the
            // payloads themselves, not their length, are what is tested here.
            tags: at(i + 3).split(',').map((tag) => [...tag].slice(0, 100).join('')).slice(0, 50).join(','),
            seoTitle: [...at(i + 4)].slice(0, 300).join(''),
            seoDescription: [...at(i + 5)].slice(0, 1000).join(''),
            excerpt: [...at(i + 6)].slice(0, 1000).join(''),
          });
          expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
          const alt = at(i + 7).trim().slice(0, 500).trim() || 'A picture';
          const uploaded = await writer.client.upload(`/admin/articles/${id}/image`, { revision: await revision(), alt }, picture);
          expect(uploaded.statusCode, uploaded.body.slice(0, 300)).toBe(200);
          app.clock.advance(60_000);
          await editor.get(`/admin/articles/${id}`);
          const published = await editor.post(`/admin/articles/${id}/action`, { action: 'publish', revision: await revision() });
          expect(published.statusCode).toBe(303);
          const article = (await app.store.articles.findById(id))!;
          expected.set(`https://news.example.test/${encodeURIComponent(article.slug)}`, { title: withoutControls(title).trim(), author: name, id });
          for (const tag of (await app.store.articles.tags([id])).get(id) ?? []) tagSlugs.add(tag.slug);
        }

        for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
          const response = await app.server.inject({ method: 'GET', url: `/${file}` });
          expect(response.statusCode).toBe(200);
          const feed = parse(response.body);
          expect(feed.items).toHaveLength(20);
          // The newest items are this round's (the last round is shorter: older ones follow it).
          for (const item of feed.items.slice(0, expected.size)) {
            const want = expected.get(item.url);
            if (!want) {
              problems.push(`${file}: unexpected item ${item.url}`);
              continue;
            }
            const article = (await app.store.articles.findById(want.id))!;
            const tags = ((await app.store.articles.tags([want.id])).get(want.id) ?? []).map((tag) => tag.name);
            const where = `${file} article ${want.id}`;
            sameText(`${where} title`, item.title, want.title);
            sameText(`${where} authors`, JSON.stringify(item.authors), JSON.stringify([withoutControls(want.author)]));
            sameText(`${where} categories`, JSON.stringify(item.categories), JSON.stringify(tags.map(withoutControls)));
            textOrHtml(`${where} summary`, item.summary, article.excerpt);
            htmlField(`${where} content`, item.contentHtml, { html: article.bodyHtml });
            checkedItems += 1;
          }
        }

        // The name of an author or a tag is also the title and description of its own feeds.
        const subjects = [
          ...writers.map((writer) => ({ path: `/author/${writer.slug}`, name: writer.name })),
          ...(await Promise.all([...tagSlugs].map(async (slug) => ({ path: `/tag/${slug}`, name: (await app.store.tags.findBySlug(slug))!.name })))),
        ];
        for (const subject of subjects) {
          for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
            const response = await app.server.inject({ method: 'GET', url: `${encodeURI(subject.path)}/${file}` });
            expect(response.statusCode, `${subject.path}/${file}`).toBe(200);
            const feed = parse(response.body);
            sameText(`${subject.path}/${file} title`, feed.title, `Newsdesk: ${subject.name}`);
            textOrHtml(`${subject.path}/${file} description`, feed.description, `The latest ${subject.name} articles from Newsdesk.`);
          }
        }
      }
      expect(checkedItems).toBe(3 * payloads.length);
      expect(problems.slice(0, 40)).toEqual([]);
    }, 900_000);
  });
}
