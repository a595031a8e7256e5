import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { decodeEntities, links } from '../support/html.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

/*
 * The tags page (counts, add, merge, delete) and the sections page (hand order, delete with the stories
 * moved), through the real newsroom forms, with the public site read before and after through its page
 * cache. Counts and orders below are worked out by hand from the demo content (src/app/demo/demo-content.ts).
 */

const FEEDS = ['rss.xml', 'atom.xml', 'feed.json'];
const FREIGHT = '/freight-rates-ease-as-global-shipping-demand-cools';
const STATE_BANK = '/state-bank-holds-policy-rate-as-inflation-slows';
const EXPORTERS = '/exporters-press-for-faster-tax-refunds-as-trade-gap-widens';
const FOOD_DAY = '/world-food-day-what-the-observance-is-for';
const DISABILITIES = '/international-day-of-persons-with-disabilities-explained';
const BUDGET = '/mid-year-budget-review-shows-revenue-gap-narrowing';

/** Each row of the tags page: name (the rename field's value) and article count. */
function tagCounts(html: string): Map<string, number> {
  const rows = [...html.matchAll(/<tr>\s*<td>[\s\S]*?name="name"[^>]*value="([^"]*)"[\s\S]*?<td class="count">(\d+)<\/td>/g)];
  return new Map(rows.map((row) => [decodeEntities(row[1]!), Number(row[2])]));
}

/** The section navigation of a public page: top-level entries in order, each with the links behind its disclosure. */
function navigation(html: string): Array<{ text: string; children: string[] }> {
  const panels: string[] = [];
  const nav = (/<nav aria-label="Sections">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '').replace(/<details[\s\S]*?<\/details>/g, (panel) => `@@${panels.push(panel) - 1}@@`);
  return [...nav.matchAll(/<li\b[^>]*>\s*<a href="[^"]*">([^<]*)<\/a>\s*(?:@@(\d+)@@)?/g)].map((entry) => ({
    text: decodeEntities(entry[1]!),
    children: entry[2] === undefined ? [] : links(panels[Number(entry[2])]!).map((link) => link.text),
  }));
}

/** The tags an article page links to. */
const articleTags = (html: string) => links(/<nav aria-label="Tags"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '').map((link) => link.text);
/** The section an article page names above its headline. */
const articleSection = (html: string) => /class="article__section"[^>]*>[\s\S]*?<a [^>]*>([^<]*)<\/a>/.exec(html)?.[1];

for (const database of testDatabases()) {
  describe(`tags and sections managed in the newsroom on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    const get = (url: string) => app.server.inject({ method: 'GET', url });
    const tagId = async (slug: string) => (await app.store.tags.findBySlug(slug))!.id;
    const sectionId = async (slug: string) => (await app.store.categories.findBySlug(slug))!.id;

    /** Reads each address twice, so that the second answer came from the cache. */
    async function warm(urls: string[]): Promise<void> {
      for (const url of urls) await get(url);
      for (const url of urls) expect((await get(url)).headers['x-cache'], `${url} is cached`).toBe('HIT');
    }

    beforeAll(async () => {
      app = await openTestApp(database);
      await makeUser(app, 'editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
    });
    afterAll(async () => app.dispose());

    it('lists every tag with how many articles carry it, in any state', async () => {
      const counts = tagCounts((await editor.get('/admin/tags')).body);
      // Pakistan: the cabinet, budget, exporters, state bank, naval, textile stories and tomorrow's energy story (scheduled).
      expect(counts.get('Pakistan')).toBe(7);
      // Trade: exporters, freight, textile fair, cold storage, and the port concession draft.
      expect(counts.get('Trade')).toBe(5);
      expect(counts.get('United Nations')).toBe(4);
      expect(counts.get('Interest rates')).toBe(3);
      expect(counts.get('Inflation')).toBe(2);
      expect(counts.get('Ports')).toBe(1);
      const filtered = tagCounts((await editor.get('/admin/tags?q=INTER')).body);
      expect([...filtered.keys()]).toEqual(['Interest rates']);
    });

    it('adds a tag, and refuses one whose address is taken or reserved', async () => {
      const added = await editor.post('/admin/tags', { name: 'Water supply' });
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe('/admin/tags?done=created');
      const page = await editor.get('/admin/tags?done=created');
      expect(page.body).toContain('The tag was added.');
      expect(tagCounts(page.body).get('Water supply')).toBe(0);
      const again = await editor.post('/admin/tags', { name: 'water  SUPPLY' });
      expect(again.statusCode).toBe(409);
      expect(decodeEntities(again.body)).toContain('There is already a tag "Water supply" at /tag/water-supply.');
      expect((await editor.post('/admin/tags', { name: 'Admin' })).statusCode).toBe(400);
      expect((await editor.post('/admin/tags', { name: '   ' })).statusCode).toBe(400);
    });

    it('merges a tag into another after a confirmation page: articles retagged, a 301 from the old address and its feeds, cached pages dropped', async () => {
      const watched = [FREIGHT, STATE_BANK, '/tag/inflation', '/tag/interest-rates', ...FEEDS.map((feed) => `/tag/interest-rates/${feed}`), '/sitemaps/tags.xml'];
      await warm(watched);
      const from = await tagId('inflation');
      const into = await tagId('interest-rates');

      const choose = await editor.get(`/admin/tags/${from}/merge`);
      expect(choose.statusCode).toBe(200);
      expect(choose.body).toContain('<option value="' + into + '">Interest rates (3 articles)</option>');
      const confirm = await editor.get(`/admin/tags/${from}/merge?into=${into}`);
      expect(confirm.body).toContain('Merge Inflation into Interest rates?');
      expect(confirm.body).toContain('2 articles tagged Inflation will be tagged Interest rates instead.');
      // Nothing has changed yet: the confirmation page only asks.
      expect((await get('/tag/inflation')).statusCode).toBe(200);

      const merged = await editor.post(`/admin/tags/${from}/merge`, { into });
      expect(merged.statusCode).toBe(303);
      expect(merged.headers.location).toBe('/admin/tags?done=merged');

      const counts = tagCounts((await editor.get('/admin/tags')).body);
      expect(counts.has('Inflation')).toBe(false);
      // Budget, state bank and mortgages, plus freight (the state bank story carried both and keeps one).
      expect(counts.get('Interest rates')).toBe(4);

      for (const [old, now] of [['/tag/inflation', '/tag/interest-rates'], ...FEEDS.map((feed) => [`/tag/inflation/${feed}`, `/tag/interest-rates/${feed}`])]) {
        const response = await get(old!);
        expect(response.statusCode, old).toBe(301);
        expect(response.headers.location, old).toBe(now);
      }
      const freight = await get(FREIGHT);
      expect(freight.headers['x-cache']).toBe('MISS');
      expect(articleTags(freight.body)).toEqual(['Interest rates', 'Shipping', 'Trade']);
      expect(articleTags((await get(STATE_BANK)).body)).toEqual(['Interest rates', 'Monetary policy', 'Pakistan']);
      const archive = await get('/tag/interest-rates');
      expect(archive.headers['x-cache']).toBe('MISS');
      expect(archive.body).toContain(`href="${FREIGHT}"`);
      for (const feed of FEEDS) {
        const response = await get(`/tag/interest-rates/${feed}`);
        expect(response.headers['x-cache'], feed).toBe('MISS');
        expect(response.body, feed).toContain('freight-rates-ease-as-global-shipping-demand-cools');
      }
      const sitemap = await get('/sitemaps/tags.xml');
      expect(sitemap.headers['x-cache']).toBe('MISS');
      expect(sitemap.body).not.toContain('/tag/inflation<');
    });

    it('refuses to merge a tag into itself or into a tag that is gone', async () => {
      const id = await tagId('explainer');
      const self = await editor.post(`/admin/tags/${id}/merge`, { into: id });
      expect(self.statusCode).toBe(400);
      expect(self.body).toContain('a tag cannot be merged into itself');
      expect((await editor.post(`/admin/tags/${id}/merge`, { into: 999999 })).statusCode).toBe(404);
      expect((await editor.get('/admin/tags/999999/merge')).statusCode).toBe(404);
    });

    it('deletes a tag after a confirmation page: its articles lose it, its address is gone, cached pages dropped', async () => {
      await warm([EXPORTERS, '/tag/exports', '/tag/trade']);
      const id = await tagId('exports');
      const confirm = await editor.get(`/admin/tags/${id}/delete`);
      expect(confirm.body).toContain('Delete the tag Exports?');
      expect(confirm.body).toContain('2 articles carry it');
      expect((await get('/tag/exports')).statusCode).toBe(200);

      const deleted = await editor.post(`/admin/tags/${id}/delete`, {});
      expect(deleted.statusCode).toBe(303);
      expect(deleted.headers.location).toBe('/admin/tags?done=deleted');
      expect((await get('/tag/exports')).statusCode).toBe(404);
      const article = await get(EXPORTERS);
      expect(article.headers['x-cache']).toBe('MISS');
      expect(articleTags(article.body)).toEqual(['Pakistan', 'Trade', 'United States']);
      expect(tagCounts((await editor.get('/admin/tags')).body).get('Trade')).toBe(5);
      expect((await editor.post(`/admin/tags/${id}/delete`, {})).statusCode).toBe(404);
    });

    it('orders the sections by hand, and the cached navigation follows at once', async () => {
      await warm(['/', FOOD_DAY, '/category/business']);
      // Never ordered by hand: alphabetical, as before. Banking sits behind Economy's disclosure.
      expect(navigation((await get('/')).body)).toEqual([
        { text: 'Business', children: [] },
        { text: 'Defence', children: [] },
        { text: 'Economy', children: ['Banking'] },
        { text: 'Important Days', children: [] },
        { text: 'International', children: [] },
      ]);
      const international = await sectionId('international');
      await editor.get('/admin/sections');
      for (let i = 0; i < 2; i++) {
        const moved = await editor.post(`/admin/sections/${international}/move`, { direction: 'up' });
        expect(moved.statusCode).toBe(303);
        expect(moved.headers.location).toBe(`/admin/sections?done=moved#order-${international}`);
      }
      const expected = ['Business', 'Defence', 'International', 'Economy', 'Important Days'];
      for (const url of ['/', FOOD_DAY, '/category/business']) {
        const page = await get(url);
        expect(page.headers['x-cache'], url).toBe('MISS');
        expect(navigation(page.body).map((entry) => entry.text), url).toEqual(expected);
      }
      // The home page's section blocks follow the same order.
      const home = (await get('/')).body;
      const blocks = [...home.matchAll(/<section class="home-section"[^>]*>\s*<h2[^>]*>\s*<a [^>]*>([^<]*)<\/a>/g)].map((match) => match[1]);
      expect(blocks).toEqual(['Business', 'Defence', 'International', 'Economy', 'Important Days']);

      // A new section joins the end of a group ordered by hand; the first cannot move up, the last cannot move down.
      expect((await editor.post('/admin/sections', { name: 'Sport', parentId: '' })).statusCode).toBe(303);
      expect(navigation((await get('/')).body).map((entry) => entry.text)).toEqual([...expected, 'Sport']);
      const business = await sectionId('business');
      expect((await editor.post(`/admin/sections/${business}/move`, { direction: 'up' })).statusCode).toBe(303);
      const page = (await editor.get('/admin/sections')).body;
      expect(page).toMatch(new RegExp(`<li id="order-${business}"[^]*?<button[^>]*disabled[^>]*>Move up`));
      expect(navigation((await get('/')).body).map((entry) => entry.text)).toEqual([...expected, 'Sport']);
      expect((await editor.post(`/admin/sections/${business}/move`, { direction: 'sideways' })).statusCode).toBe(400);
    });

    it('deletes a section only once its stories have a section to go to, then moves them and deletes it in one step', async () => {
      const days = await sectionId('important-days');
      const international = await sectionId('international');
      await warm(['/', FOOD_DAY, '/category/important-days', '/category/international']);
      const confirm = await editor.get(`/admin/sections/${days}/delete`);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('It has 2 articles (in any state).');
      expect(confirm.body).not.toContain(`<option value="${days}"`);

      const refused = await editor.post(`/admin/sections/${days}/delete`, { moveTo: '' });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Important Days has 2 articles: choose the section they move to first.');
      expect((await editor.post(`/admin/sections/${days}/delete`, { moveTo: String(days) })).statusCode).toBe(400);
      expect((await get('/category/important-days')).statusCode).toBe(200);

      const deleted = await editor.post(`/admin/sections/${days}/delete`, { moveTo: String(international) });
      expect(deleted.statusCode).toBe(303);
      expect(deleted.headers.location).toBe('/admin/sections?done=deleted');
      expect(await app.store.categories.findBySlug('important-days')).toBeUndefined();

      for (const [old, now] of [['/category/important-days', '/category/international'], ...FEEDS.map((feed) => [`/category/important-days/${feed}`, `/category/international/${feed}`])]) {
        const response = await get(old!);
        expect(response.statusCode, old).toBe(301);
        expect(response.headers.location, old).toBe(now);
      }
      const article = await get(FOOD_DAY);
      expect(article.headers['x-cache']).toBe('MISS');
      expect(articleSection(article.body)).toBe('International');
      const section = await get('/category/international');
      expect(section.headers['x-cache']).toBe('MISS');
      expect(section.body).toContain(`href="${FOOD_DAY}"`);
      expect(section.body).toContain(`href="${DISABILITIES}"`);
      expect(navigation((await get('/')).body).map((entry) => entry.text)).toEqual(['Business', 'Defence', 'International', 'Economy', 'Sport']);
    });

    it('keeps the subsections of a deleted section: they move up to its parent, at the end of a group ordered by hand', async () => {
      const economy = await sectionId('economy');
      const business = await sectionId('business');
      await warm(['/', BUDGET, '/category/business', '/category/banking']);
      const confirm = await editor.get(`/admin/sections/${economy}/delete`);
      // The budget review, exporters, freight and tomorrow's energy story (scheduled).
      expect(confirm.body).toContain('It has 4 articles (in any state).');
      expect(confirm.body).toContain('Its subsections (Banking) are kept: they move up to the top level.');

      expect((await editor.post(`/admin/sections/${economy}/delete`, { moveTo: String(business) })).statusCode).toBe(303);
      expect((await app.store.categories.findBySlug('banking'))!.parentId).toBeNull();
      expect(navigation((await get('/')).body)).toEqual([
        { text: 'Business', children: [] },
        { text: 'Defence', children: [] },
        { text: 'International', children: [] },
        { text: 'Sport', children: [] },
        { text: 'Banking', children: [] },
      ]);
      const article = await get(BUDGET);
      expect(article.headers['x-cache']).toBe('MISS');
      expect(articleSection(article.body)).toBe('Business');
      expect((await get('/category/business')).body).toContain(`href="${BUDGET}"`);
      expect((await get('/category/economy')).headers.location).toBe('/category/business');
    });

    it('deletes a section without stories or parent: its address is simply gone', async () => {
      const sport = await sectionId('sport');
      const confirm = await editor.get(`/admin/sections/${sport}/delete`);
      expect(confirm.body).toContain('It has no articles.');
      expect(confirm.body).toContain('will no longer exist.');
      expect((await editor.post(`/admin/sections/${sport}/delete`, {})).statusCode).toBe(303);
      expect((await get('/category/sport')).statusCode).toBe(404);
      expect((await editor.get(`/admin/sections/${sport}/delete`)).statusCode).toBe(404);
      expect((await editor.post(`/admin/sections/${sport}/move`, { direction: 'up' })).statusCode).toBe(404);
    });

    it('suggests tags and people to the editor as small JSON answers that are never cached', async () => {
      const tags = await editor.get('/admin/lookup/tags?q=pak');
      expect(tags.statusCode).toBe(200);
      expect(String(tags.headers['cache-control']).split(/,\s*/)).toContain('no-store');
      expect(JSON.parse(tags.body)).toEqual({ items: [{ value: 'Pakistan', label: 'Pakistan', detail: '7 articles' }] });
      // Names that start with the text first, then a word inside a name.
      const ex = JSON.parse((await editor.get('/admin/lookup/tags?q=ex')).body) as { items: Array<{ value: string }> };
      expect(ex.items.map((item) => item.value)).toEqual(['Explainer', 'Naval exercise', 'Textiles']);
      const all = JSON.parse((await editor.get('/admin/lookup/tags')).body) as { items: unknown[] };
      expect(all.items).toHaveLength(10);

      const people = JSON.parse((await editor.get('/admin/lookup/people?q=qadir')).body);
      expect(people).toEqual({ items: [{ value: 'imran-qadir', label: 'Imran Qadir', detail: 'imran-qadir' }] });
      const named = JSON.parse((await editor.get('/admin/lookup/people?values=claire-donnelly,nobody,farah-siddiqui')).body) as { items: Array<{ label: string }> };
      expect(named.items.map((item) => item.label)).toEqual(['Claire Donnelly', 'Farah Siddiqui']);
      expect((await editor.get(`/admin/lookup/tags?q=${'x'.repeat(101)}`)).statusCode).toBe(400);
    });
  });
}
