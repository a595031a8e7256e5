import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

// GET /search/suggest?q=…: what the header search box offers while a reader types. The expectations are written
// by hand from the stories each test adds (all with made-up words the demo content does not use).

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(TEST_NOW.getTime() - minutes * MINUTE);

interface Suggestions {
  query: string;
  suggestions: Array<{ title: string; href: string; section: string | null }>;
}

for (const database of testDatabases()) {
  describe(`search suggestions on ${database.name}`, () => {
    let app: TestApp;
    const suggest = async (q: string) => {
      const response = await app.server.inject({ method: 'GET', url: `/search/suggest?q=${encodeURIComponent(q)}` });
      return { response, status: response.statusCode, json: response.json<Suggestions>() };
    };
    const titles = async (q: string) => (await suggest(q)).json.suggestions.map((s) => s.title);

    beforeAll(async () => {
      app = await openTestApp(database, { env: { NEWSDESK_CACHE_MB: '16' } });
    }, 300_000);
    afterAll(async () => app?.dispose());

    it('completes the word being typed, and gives headline, address and section', async () => {
      const story = await addArticle(app, {
        title: 'Lighthouse keepers return to the point',
        bodyMd: 'Two keepers moved back in.',
        categorySlug: 'international',
        publishedAt: ago(30),
      });
      const { status, json, response } = await suggest('lightho');
      expect(status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(json).toEqual({
        query: 'lightho',
        suggestions: [{ title: 'Lighthouse keepers return to the point', href: `/${story.slug}`, section: 'International' }],
      });
      // Earlier words are whole words; only the last is completed, and its stem is what is completed.
      expect(await titles('lighthouse keep')).toEqual(['Lighthouse keepers return to the point']);
      expect(await titles('LIGHTHOUSE KEEPERS')).toEqual(['Lighthouse keepers return to the point']);
      expect(await titles('lightho keepers')).toEqual([]);
      // A space after the last word says it is finished: "lightho " is a whole word no story has.
      expect(await titles('lightho ')).toEqual([]);
      expect(await titles('lighthouse ')).toEqual(['Lighthouse keepers return to the point']);
    });

    it('puts headline matches before matches elsewhere, newest first within each', async () => {
      await addArticle(app, { title: 'Marzipan makers count the cost', bodyMd: 'Almond prices doubled.', publishedAt: ago(300) });
      await addArticle(app, { title: 'Harbour dues rise again', bodyMd: 'The marzipan boats pay most.', publishedAt: ago(10) });
      await addArticle(app, { title: 'Marzipan exports reach a record', bodyMd: 'Shipped in spring.', publishedAt: ago(200) });
      expect(await titles('marzi')).toEqual(['Marzipan exports reach a record', 'Marzipan makers count the cost', 'Harbour dues rise again']);
    });

    it('offers at most six, the newest headlines', async () => {
      for (let i = 1; i <= 8; i++) await addArticle(app, { title: `Quokka census number ${i}`, publishedAt: ago(100 - i) });
      expect(await titles('quok')).toEqual([8, 7, 6, 5, 4, 3].map((i) => `Quokka census number ${i}`));
    });

    it('never offers drafts, scheduled stories or noindex stories, and does offer the public one', async () => {
      await addArticle(app, { title: 'Zeppelin hangar draft plan', status: 'draft' });
      await addArticle(app, { title: 'Zeppelin hangar scheduled opening', publishedAt: new Date(TEST_NOW.getTime() + 3_600_000) });
      await addArticle(app, { title: 'Zeppelin hangar hidden notice', noindex: true, publishedAt: ago(5) });
      await addArticle(app, { title: 'Zeppelin hangar reopens to visitors', publishedAt: ago(50) });
      expect(await titles('zeppel')).toEqual(['Zeppelin hangar reopens to visitors']);
      expect(await titles('zeppelin hangar')).toEqual(['Zeppelin hangar reopens to visitors']);
    });

    it('returns titles with markup as plain JSON strings', async () => {
      const title = '<script>alert("x")</script> Gondola & "cable" line </title>';
      await addArticle(app, { title, publishedAt: ago(20) });
      const { json, response } = await suggest('gondo');
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(json.suggestions.map((s) => s.title)).toEqual([title]);
      // The query comes back as typed, also as a string.
      const typed = await suggest('<img src=x onerror=alert(1)> gondo');
      expect(typed.json.query).toBe('<img src=x onerror=alert(1)> gondo');
    });

    it('answers an empty list for nothing, one letter, or only very common words', async () => {
      for (const q of ['', '   ', 'g', 'the ', 'the', 'of and the', '-lighthouse']) {
        const { status, json } = await suggest(q);
        expect([q, status, json.suggestions]).toEqual([q, 200, []]);
      }
    });

    it('refuses a query longer than 200 characters with a readable JSON message', async () => {
      const response = await app.server.inject({ method: 'GET', url: `/search/suggest?q=${'a'.repeat(201)}` });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toMatchObject({ error: 'VALIDATION_FAILED', message: 'The query parameter "q" can have at most 200 characters.' });
      expect((await suggest('a'.repeat(200))).status).toBe(200);
      const unknown = await app.server.inject({ method: 'GET', url: '/search/suggest?q=x&page=2' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().message).toContain('Unknown field "page"');
    });

    it('answers a repeat from the cache, and drops it when a matching story is published', async () => {
      const first = await suggest('walrus');
      expect(first.json.suggestions).toEqual([]);
      expect(first.response.headers['x-cache']).toBe('MISS');
      expect((await suggest('walrus')).response.headers['x-cache']).toBe('HIT');
      expect((await suggest('  walrus')).response.headers['x-cache']).toBe('HIT');
      // A trailing space changes the question, so it is another entry.
      expect((await suggest('walrus ')).response.headers['x-cache']).toBe('MISS');

      await addArticle(app, { title: 'Walruses haul out on the beach', publishedAt: ago(1) });
      const after = await suggest('walrus');
      expect(after.response.headers['x-cache']).toBe('MISS');
      expect(after.json.suggestions.map((s) => s.title)).toEqual(['Walruses haul out on the beach']);
      expect((await suggest('walrus')).response.headers['x-cache']).toBe('HIT');
    });
  });
}
