import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArticles } from '../../src/app/demo/demo-content.js';
import { readCorpus } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { jsonLd, listedArticleHrefs } from '../support/html.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

const CIS = '/pakistan-cabinet-approves-cis-moa-with-united-states';
const DRAFT = demoArticles.find((a) => a.status === 'draft')!;
const SCHEDULED = demoArticles.find((a) => a.status === 'scheduled')!;

for (const database of testDatabases()) {
  describe(`search on ${database.name}`, () => {
    let app: TestApp;
    const search = async (q: string, extra = '') => {
      const response = await app.server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}${extra}` });
      return { status: response.statusCode, html: response.body, hrefs: listedArticleHrefs(response.body) };
    };

    beforeAll(async () => {
      app = await openTestApp(database);
    });
    afterAll(async () => app.dispose());

    it('finds the CIS-MOA report first for its acronym and for words of its headline', async () => {
      expect((await search('CIS-MOA')).hrefs[0]).toBe(CIS);
      expect((await search('cabinet security communications agreement')).hrefs[0]).toBe(CIS);
    });

    it('requires every word and matches word forms', async () => {
      const both = await search('karachi textile');
      expect(both.hrefs).toEqual(['/textile-trade-fair-in-karachi-draws-foreign-buyers']);
      expect((await search('karachi zzyzxnotaword')).hrefs).toEqual([]);
      expect((await search('agreements')).hrefs).toContain(CIS);
    });

    it('never finds drafts or articles scheduled for later', async () => {
      const draftWords = DRAFT.title.split(' ').slice(0, 4).join(' ');
      const scheduledWords = SCHEDULED.title.split(' ').slice(0, 4).join(' ');
      expect((await search(draftWords)).hrefs).not.toContain(`/${DRAFT.slug}`);
      expect((await search(scheduledWords)).hrefs).not.toContain(`/${SCHEDULED.slug}`);
    });

    it('finds a scheduled article once it is published', async () => {
      const later = await openTestApp(database);
      try {
        later.clock.set(new Date(TEST_NOW.getTime() + 25 * 3_600_000));
        const response = await later.server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(SCHEDULED.title)}` });
        expect(listedArticleHrefs(response.body)).toContain(`/${SCHEDULED.slug}`);
      } finally {
        await later.dispose();
      }
    });

    it('pages through many results, 20 at a time', async () => {
      for (let i = 0; i < 23; i++) await addArticle(app, { title: `Quokka census number ${i}`, publishedAt: new Date(TEST_NOW.getTime() - (i + 1) * 60_000) });
      const first = await search('quokka');
      expect(first.hrefs).toHaveLength(20);
      expect(first.html).toMatch(/href="\/search\?q=quokka&(amp;)?page=2" rel="next"/);
      const second = await search('quokka', '&page=2');
      expect(second.hrefs).toHaveLength(3);
      expect(new Set([...first.hrefs, ...second.hrefs]).size).toBe(23);
      expect((await search('quokka', '&page=999')).status).toBe(400);
    });

    it('explains an empty query and a query with no results', async () => {
      expect((await search('')).html).toContain('Type a few words to search every article.');
      expect((await search('zzyzxnotaword')).html).toContain('Nothing matched “zzyzxnotaword”.');
    });

    it('survives every SQL injection payload of the corpus with a normal page', async () => {
      const payloads = readCorpus('payloads/sqli-payloads.txt').split('\n').filter(Boolean);
      expect(payloads.length).toBeGreaterThan(500);
      for (const payload of payloads) {
        const { status } = await search(payload.slice(0, 200));
        expect(status, payload).toBe(200);
      }
      expect(await app.store.articles.count()).toBeGreaterThan(0);
    });

    it('is advertised as the WebSite SearchAction on the home page', async () => {
      const home = await app.server.inject({ method: 'GET', url: '/' });
      const site = jsonLd(home.body).find((item) => item['@type'] === 'WebSite') as { potentialAction: { target: { urlTemplate: string } } };
      expect(site.potentialAction.target.urlTemplate).toBe('https://news.example.test/search?q={search_term_string}');
    });
  });
}
