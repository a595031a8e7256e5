import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

const FEEDS = ['rss.xml', 'atom.xml', 'feed.json'];
const STORY = 'Lighthouse keepers return to Skerry Point';
const STORY_PATH = '/lighthouse-keepers-return-to-skerry-point';

for (const database of testDatabases()) {
  describe(`moving and renaming sections on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    const get = (url: string) => app.server.inject({ method: 'GET', url });
    const section = async (slug: string) => (await app.store.categories.findBySlug(slug))!;

    async function addSection(name: string, slug: string, parentSlug?: string) {
      const parentId = parentSlug ? String((await section(parentSlug)).id) : '';
      expect((await editor.post('/admin/sections', { name, slug, parentId })).statusCode, slug).toBe(303);
    }

    async function saveSection(slug: string, changes: { slug?: string; parentSlug?: string | null }) {
      const current = await section(slug);
      const parentSlug = changes.parentSlug === undefined ? undefined : changes.parentSlug;
      const parentId =
        parentSlug === undefined ? (current.parentId === null ? '' : String(current.parentId)) : parentSlug === null ? '' : String((await section(parentSlug)).id);
      const response = await editor.post(`/admin/sections/${current.id}`, { name: current.name, slug: changes.slug ?? current.slug, description: current.description, parentId });
      expect(response.statusCode).toBe(303);
    }

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
      await makeUser(app, 'editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      await editor.get('/admin/sections');
      // G ⊃ B; A ⊃ C; the story is in C.
      await addSection('Regions', 'regions');
      await addSection('Coast', 'coast', 'regions');
      await addSection('Islands', 'islands');
      await addSection('Lighthouses', 'lighthouses', 'islands');
      await addSection('Weather', 'weather');
      await addArticle(app, { title: STORY, authorSlugs: ['editor-person'], categorySlug: 'lighthouses' });
    });
    afterAll(async () => app.dispose());

    it('drops the cached pages and feeds of every ancestor, old and new, when a section moves under a deeper parent', async () => {
      const watched = ['islands', 'coast', 'regions'].flatMap((slug) => [`/category/${slug}`, ...FEEDS.map((file) => `/category/${slug}/${file}`)]);
      for (const url of watched) await get(url);
      for (const url of watched) expect((await get(url)).headers['x-cache'], `${url} warm`).toBe('HIT');
      expect((await get('/category/islands')).body).toContain(STORY_PATH);
      expect((await get('/category/regions')).body).not.toContain(STORY_PATH);

      await saveSection('lighthouses', { parentSlug: 'coast' });

      for (const url of watched) {
        const response = await get(url);
        expect(response.headers['x-cache'], `${url} after the move`).toBe('MISS');
        expect(response.body.includes(STORY_PATH), `${url} lists the story`).toBe(!url.startsWith('/category/islands'));
      }
    });

    it('keeps a 301 from the old address of a renamed section, its feeds and its older pages', async () => {
      await get('/category/lighthouses');
      await saveSection('lighthouses', { slug: 'beacons' });
      const expected: Array<[string, string]> = [
        ['/category/lighthouses', '/category/beacons'],
        ['/category/lighthouses/rss.xml', '/category/beacons/rss.xml'],
        ['/category/lighthouses/atom.xml', '/category/beacons/atom.xml'],
        ['/category/lighthouses/feed.json', '/category/beacons/feed.json'],
        ['/category/lighthouses?before=abc', '/category/beacons?before=abc'],
      ];
      for (const [from, to] of expected) {
        const response = await get(from);
        expect(response.statusCode, from).toBe(301);
        expect(response.headers.location, from).toBe(to);
      }
      const page = await get('/category/beacons');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(STORY_PATH);
      expect((await get('/category/beacons/rss.xml')).body).toContain(STORY);
    });

    it('follows a section through two renames, a non-Latin slug included', async () => {
      await saveSection('weather', { slug: 'موسم' });
      await saveSection('موسم', { slug: 'forecasts' });
      for (const from of ['/category/weather', `/category/${encodeURIComponent('موسم')}`, `/category/${encodeURIComponent('موسم')}/rss.xml`]) {
        const response = await get(from);
        expect(response.statusCode, from).toBe(301);
        expect(String(response.headers.location), from).toMatch(/^\/category\/(forecasts|%D9%85%D9%88%D8%B3%D9%85)(\/rss\.xml)?$/);
      }
      const latest = await get(`/category/${encodeURIComponent('موسم')}/rss.xml`);
      expect(latest.headers.location).toBe('/category/forecasts/rss.xml');
      expect((await get('/category/forecasts')).statusCode).toBe(200);
    });

    it('gives the old address back to a new section that takes its slug', async () => {
      await addSection('Lighthouses again', 'lighthouses');
      expect((await get('/category/lighthouses')).statusCode).toBe(200);
    });
  });
}
