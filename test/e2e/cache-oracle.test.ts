import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/app/argon2-hasher.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { createServer } from '../../src/http/create-server.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { testDatabases } from '../support/databases.js';
import { openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

/*
 * The cache oracle. The app runs with its page cache on. The test crawls every public address it can reach
 * (home, articles, archives and their older pages, every feed of every archive, every sitemap, robots.txt,
 * search), warms the cache, then makes one kind of write at a time through the real newsroom forms or the
 * API, and asks every address again twice: through the app (from its cache where it has an entry) and from a
 * fresh render. The fresh render comes from a second server on the same store and clock with no page cache
 * and no in-memory copy of the sections, so nothing it answers can be stale. Any difference in status,
 * content type, redirect target or body fails, naming the address and the write. The clock stands still, so
 * both sides render the same relative times; only once the schedule step has moved it do the words of a
 * relative time ("30 minutes ago") in a page cached earlier legitimately differ from a fresh render (the page's
 * script rewrites them in the reader's browser), and from then on those words alone are left out of the
 * comparison. Their datetime and title attributes are still compared.
 */

const SEEDS = ['/', '/rss.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt', '/search?q=pakistan', '/search?q=bank', '/search/suggest?q=pakis', '/search/suggest?q=bank%20'];
const FEEDS = ['rss.xml', 'atom.xml', 'feed.json'];
/** Far more than the demo site has; stops a crawl that runs away (a link loop through ?before=). */
const MAX_URLS = 1500;
const CIS = 'pakistan-cabinet-approves-cis-moa-with-united-states';
/** Time-out of one write and its comparison of every address: minutes on a busy machine, seconds alone. */
const STEP_MS = 600_000;

/** Same-site public addresses a response links to: href="/…", <loc>/<link>/"url" with the site's origin. */
function linksIn(body: string): string[] {
  const found: string[] = [];
  for (const match of body.matchAll(/(?:href="|https:\/\/news\.example\.test)(\/[^"'<>\s]*)/g)) {
    const path = match[1]!.replace(/&amp;/g, '&').split('#')[0]!;
    const [pathname = '', query = ''] = path.split('?');
    if (/^\/(admin|assets|media|api|search)(\/|$)/.test(pathname)) continue;
    // Only the archive pagination parameter names a distinct page; anything else is the same page.
    const before = new URLSearchParams(query).get('before');
    found.push(before === null ? pathname : `${pathname}?before=${encodeURIComponent(before)}`);
    const archive = /^\/(category|tag|author)\/[^/?]+$/.exec(pathname);
    if (archive) for (const feed of FEEDS) found.push(`${pathname}/${feed}`);
  }
  return found;
}

interface Seen {
  status: number;
  type: string;
  location: string;
  body: string;
}

const seen = (response: LightMyRequestResponse): Seen => ({
  status: response.statusCode,
  type: String(response.headers['content-type'] ?? ''),
  location: String(response.headers.location ?? ''),
  body: response.body,
});

/** The words of every relative time, left out once the clock has moved (see above). */
const withoutRelativeWords = (body: string) => body.replace(/(<time [^>]*data-relative>)[^<]*(<\/time>)/g, '$1$2');

/** Where two responses part, with a little context on each side. */
function difference(cachedSeen: Seen, freshSeen: Seen, clockMoved: boolean): string | undefined {
  for (const field of ['status', 'type', 'location'] as const) {
    if (cachedSeen[field] !== freshSeen[field]) return `${field}: cached ${JSON.stringify(cachedSeen[field])}, fresh ${JSON.stringify(freshSeen[field])}`;
  }
  const [cached, fresh] = clockMoved
    ? [{ body: withoutRelativeWords(cachedSeen.body) }, { body: withoutRelativeWords(freshSeen.body) }]
    : [cachedSeen, freshSeen];
  if (cached.body === fresh.body) return undefined;
  let at = 0;
  while (at < cached.body.length && cached.body[at] === fresh.body[at]) at++;
  const excerpt = (body: string) => JSON.stringify(body.slice(Math.max(0, at - 60), at + 120));
  return `body from character ${at}: cached ${excerpt(cached.body)}, fresh ${excerpt(fresh.body)}`;
}

for (const database of testDatabases()) {
  describe(`cache oracle on ${database.name}`, () => {
    const mediaDir = mkdtempSync(join(tmpdir(), 'newsdesk-oracle-'));
    let app: TestApp;
    let fresh: FastifyInstance;
    let editor: AdminClient;
    let reporter: AdminClient;
    let apiKey: string;
    const urls = new Set<string>();
    let clockMoved = false;

    const cachedGet = (url: string) => app.server.inject({ method: 'GET', url });
    const freshGet = (url: string) => fresh.inject({ method: 'GET', url });

    /** Follows links from `start` (through the fresh server) and adds every address found to `urls`. */
    async function crawl(start: Iterable<string>): Promise<void> {
      const queue = [...start].filter((url) => !urls.has(url));
      for (const url of queue) urls.add(url);
      while (queue.length > 0) {
        const url = queue.shift()!;
        const response = await freshGet(url);
        if (response.statusCode !== 200) continue;
        for (const link of linksIn(response.body)) {
          if (urls.has(link)) continue;
          if (urls.size >= MAX_URLS) throw new Error(`the crawl passed ${MAX_URLS} addresses; is a link looping?`);
          urls.add(link);
          queue.push(link);
        }
      }
    }

    /**
     * Asks every known address through the cache and fresh, returns each difference, and crawls what the
     * fresh pages newly link to (a renamed article's address, a new tag). Differing addresses are then
     * dropped from the cache so that one stale entry is reported once, by the write that left it.
     */
    async function compareEverything(write: string): Promise<{ problems: string[]; hits: number }> {
      const problems: string[] = [];
      const stale: string[] = [];
      let hits = 0;
      const newLinks = new Set<string>();
      for (const url of [...urls].sort()) {
        const cachedResponse = await cachedGet(url);
        const freshResponse = await freshGet(url);
        if (cachedResponse.headers['x-cache'] === 'HIT') hits++;
        const problem = difference(seen(cachedResponse), seen(freshResponse), clockMoved);
        if (problem) {
          problems.push(`after "${write}", ${url} differs: ${problem}`);
          stale.push(url);
        }
        if (freshResponse.statusCode === 200) for (const link of linksIn(freshResponse.body)) if (!urls.has(link)) newLinks.add(link);
      }
      if (stale.length > 0) {
        app.pageCache.clear();
        for (const url of urls) await cachedGet(url);
      }
      if (newLinks.size > 0) {
        await crawl(newLinks);
        for (const url of newLinks) await cachedGet(url);
      }
      return { problems, hits };
    }

    /** Runs a write, then the comparison; the write must have done something the site shows. */
    async function afterWrite(write: string, action: () => Promise<void>): Promise<void> {
      await action();
      const { problems, hits } = await compareEverything(write);
      expect(problems).toEqual([]);
      // The comparison means something only if much of it came from the cache.
      expect(hits, 'addresses answered from the cache').toBeGreaterThan(urls.size / 4);
    }

    const idOf = async (slug: string) => (await app.store.articles.findPublicBySlug(slug, app.clock.now()))!.id;
    const revisionOf = async (id: number) => (await app.store.articles.findById(id))!.revision;
    const sectionId = async (slug: string) => (await app.store.categories.findBySlug(slug))!.id;

    async function saveArticle(id: number, fields: Record<string, string | number>): Promise<void> {
      await editor.get(`/admin/articles/${id}`);
      const response = await editor.post(`/admin/articles/${id}`, { revision: await revisionOf(id), ...fields });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    }

    async function articleAction(id: number, action: string, extra: Record<string, string> = {}): Promise<void> {
      await editor.get(`/admin/articles/${id}`);
      const response = await editor.post(`/admin/articles/${id}/action`, { action, revision: await revisionOf(id), ...extra });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    }

    async function newDraft(fields: Record<string, string>): Promise<number> {
      await editor.get('/admin/articles/new');
      const created = await editor.post('/admin/articles', { title: fields.title! });
      expect(created.statusCode).toBe(303);
      const id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))?.[1]);
      await saveArticle(id, fields);
      return id;
    }

    async function section(id: number, fields: { name: string; slug: string; description: string; parentId: number | null }): Promise<void> {
      await editor.get('/admin/sections');
      const response = await editor.post(`/admin/sections/${id}`, { ...fields, parentId: fields.parentId === null ? '' : String(fields.parentId) });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    }

    async function picture(colour: { r: number; g: number; b: number }): Promise<Buffer> {
      return sharp({ create: { width: 1200, height: 675, channels: 3, background: colour } }).png().toBuffer();
    }

    async function featuredPicture(slug: string, colour: { r: number; g: number; b: number }, alt: string): Promise<void> {
      const id = await idOf(slug);
      await editor.get(`/admin/articles/${id}`);
      const response = await editor.upload(`/admin/articles/${id}/image`, { revision: await revisionOf(id), alt }, { name: 'picture.png', type: 'image/png', data: await picture(colour) });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      // The story is live: the picture waits in its working copy until Update.
      const updated = await editor.post(`/admin/articles/${id}`, { revision: await revisionOf(id), intent: 'update' });
      expect(updated.headers.location).toBe(`/admin/articles/${id}?done=updated`);
    }

    beforeAll(async () => {
      // Three items a page, so that every archive has older pages (?before=) to crawl and keep fresh.
      app = await openTestApp(database, { env: { NEWSDESK_CACHE_MB: '64', NEWSDESK_PAGE_SIZE: '3', NEWSDESK_MEDIA_DIR: mediaDir } });
      expect(app.pageCache.enabled).toBe(true);
      fresh = await createServer({ config: app.config, store: app.store, clock: app.clock, logger: false });
      await makeUser(app, 'editor', 'Desk Editor', 'desk@newsroom.test');
      editor = await new AdminClient(app).signIn('desk@newsroom.test', PASSWORD);
      // A demo reporter who signs in to change their own byline name, address and portrait.
      const imran = (await app.store.users.findBySlug('imran-qadir'))!;
      await app.store.accounts.setPassword(imran.id, await argon2Hasher.hash(PASSWORD));
      reporter = await new AdminClient(app).signIn(imran.email, PASSWORD);
      apiKey = newApiToken();
      await app.store.apiKeys.create({ name: 'oracle', role: 'editor', tokenHash: hashApiToken(apiKey) });
      await crawl(SEEDS);
      for (const url of urls) await cachedGet(url);
    }, 300_000);

    afterAll(async () => {
      await fresh?.close();
      await app?.dispose();
      rmSync(mediaDir, { recursive: true, force: true });
    });

    it('crawls the whole public site: every kind of address is there', () => {
      const list = [...urls];
      for (const pattern of [
        /^\/$/,
        new RegExp(`^/${CIS}$`),
        /^\/category\/banking$/,
        /^\/category\/economy\?before=/,
        /^\/tag\/pakistan$/,
        /^\/tag\/[^/]+\?before=/,
        /^\/author\/imran-qadir$/,
        /^\/author\/[^/]+\?before=/,
        /^\/category\/economy\/rss\.xml$/,
        /^\/tag\/pakistan\/atom\.xml$/,
        /^\/author\/imran-qadir\/feed\.json$/,
        /^\/sitemaps\/articles-\d{4}-\d{2}\.xml$/,
        /^\/sitemaps\/(tags|categories|authors|pages)\.xml$/,
        /^\/news-sitemap\.xml$/,
        /^\/robots\.txt$/,
        /^\/search\?q=/,
        /^\/search\/suggest\?q=/,
      ]) {
        expect(list.some((url) => pattern.test(url)), String(pattern)).toBe(true);
      }
      expect(urls.size).toBeGreaterThan(150);
    });

    it('agrees with itself before anything is written', async () => {
      await afterWrite('nothing', async () => undefined);
    }, STEP_MS);

    it('article: a live story edited in the newsroom, the changes not yet published', async () => {
      // The edit waits in the story's working copy: no page changes, so nothing may be purged.
      await afterWrite('article: working copy saved', async () =>
        saveArticle(await idOf(CIS), { title: 'Cabinet weighs security pact with Washington', bodyMd: 'The cabinet discussed the agreement.' }),
      );
    }, STEP_MS);

    it('article: headline and body edited in the newsroom', async () => {
      await afterWrite('article: headline and body edited', async () =>
        saveArticle(await idOf(CIS), { title: 'Cabinet clears security pact with Washington', bodyMd: 'The cabinet **approved** the agreement on Tuesday.', intent: 'update' }),
      );
    }, STEP_MS);

    it('article: moved to another section, with other tags', async () => {
      await afterWrite('article: section and tags changed', async () =>
        saveArticle(await idOf('freight-rates-ease-as-global-shipping-demand-cools'), {
          title: 'Freight rates ease as global shipping demand cools',
          categoryId: String(await sectionId('defence')),
          tags: 'Shipping, Pakistan',
          intent: 'update',
        }),
      );
    }, STEP_MS);

    it('article: byline changed', async () => {
      await afterWrite('article: byline changed', async () =>
        saveArticle(await idOf('state-bank-holds-policy-rate-as-inflation-slows'), {
          title: 'State bank holds policy rate as inflation slows',
          authors: 'claire-donnelly, imran-qadir',
          intent: 'update',
        }),
      );
    }, STEP_MS);

    it('article: a new story published', async () => {
      await afterWrite('article: new story published', async () => {
        const id = await newDraft({
          title: 'Harbour authority publishes dredging plan',
          bodyMd: 'The port will be deepened over two years.',
          categoryId: String(await sectionId('business')),
          tags: 'Harbours, Trade',
        });
        await articleAction(id, 'publish');
      });
    }, STEP_MS);

    it('article: unpublished', async () => {
      await afterWrite('article: unpublished', async () => articleAction(await idOf('world-food-day-what-the-observance-is-for'), 'unpublish'));
    }, STEP_MS);

    it('article: archived', async () => {
      await afterWrite('article: archived', async () => articleAction(await idOf('textile-trade-fair-in-karachi-draws-foreign-buyers'), 'archive'));
    }, STEP_MS);

    it('article: restored from the archive and published again', async () => {
      await afterWrite('article: restored and published again', async () => {
        const id = (await app.store.articles.adminList({ limit: 100, status: 'archived', now: app.clock.now() })).find((row) => row.title.startsWith('Textile trade fair'))!.id;
        await articleAction(id, 'restore');
        await articleAction(id, 'publish');
      });
    }, STEP_MS);

    it('schedule: a story scheduled two minutes ahead, then its time comes', async () => {
      let id = 0;
      await afterWrite('schedule: story scheduled for 12:02', async () => {
        id = await newDraft({ title: 'Monsoon shelters open along the coast', bodyMd: 'Shelters are ready.', categoryId: String(await sectionId('international')), tags: 'Monsoon, Pakistan' });
        await articleAction(id, 'schedule', { at: '2026-11-29T12:02' });
      });
      await afterWrite('schedule: 12:02 comes', async () => {
        app.clock.set(new Date(TEST_NOW.getTime() + 120_000));
        clockMoved = true;
        // What the outbox worker does within a second of the time in production (tests poll it by hand).
        await app.jobs.drain();
      });
      expect((await cachedGet('/')).body).toContain('Monsoon shelters open along the coast');
    }, STEP_MS);

    it('article: headline and address changed through the API', async () => {
      await afterWrite('API: headline and address changed', async () => {
        const id = await idOf('aid-agencies-warn-of-funding-gap-ahead-of-afghan-winter');
        const response = await app.server.inject({
          method: 'PATCH',
          url: `/api/v1/articles/${id}`,
          headers: { authorization: `Bearer ${apiKey}` },
          payload: { revision: await revisionOf(id), title: 'Aid agencies warn of a winter funding gap', slug: 'aid-agencies-warn-of-winter-funding-gap' },
        });
        expect(response.statusCode, response.body).toBe(200);
      });
    }, STEP_MS);

    it('section: renamed', async () => {
      await afterWrite('section: renamed', async () => {
        const economy = (await app.store.categories.findBySlug('economy'))!;
        await section(economy.id, { name: 'Economy & Markets', slug: 'economy', description: economy.description, parentId: economy.parentId });
      });
    }, STEP_MS);

    it('section: moved under another parent', async () => {
      await afterWrite('section: banking moved from economy to international', async () => {
        const banking = (await app.store.categories.findBySlug('banking'))!;
        await section(banking.id, { name: banking.name, slug: banking.slug, description: banking.description, parentId: await sectionId('international') });
      });
    }, STEP_MS);

    it('section: moved under a section that has a parent itself', async () => {
      await afterWrite('section: defence moved under banking (inside international)', async () => {
        const defence = (await app.store.categories.findBySlug('defence'))!;
        await section(defence.id, { name: defence.name, slug: defence.slug, description: defence.description, parentId: await sectionId('banking') });
      });
    }, STEP_MS);

    it('section: address changed', async () => {
      await afterWrite('section: important-days becomes observances', async () => {
        const days = (await app.store.categories.findBySlug('important-days'))!;
        await section(days.id, { name: days.name, slug: 'observances', description: days.description, parentId: days.parentId });
      });
    }, STEP_MS);

    it('tag: renamed', async () => {
      await afterWrite('tag: renamed', async () => {
        const tag = (await app.store.tags.findBySlug('pakistan'))!;
        await editor.get('/admin/tags');
        const response = await editor.post(`/admin/tags/${tag.id}`, { name: 'Pakistan (country)' });
        expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
      });
    }, STEP_MS);

    it('tag: merged into another', async () => {
      await afterWrite('tag: inflation merged into interest-rates', async () => {
        const [from, into] = [(await app.store.tags.findBySlug('inflation'))!, (await app.store.tags.findBySlug('interest-rates'))!];
        await editor.get(`/admin/tags/${from.id}/merge?into=${into.id}`);
        const response = await editor.post(`/admin/tags/${from.id}/merge`, { into: into.id });
        expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
      });
    }, STEP_MS);

    it('tag: deleted', async () => {
      await afterWrite('tag: exports deleted', async () => {
        const tag = (await app.store.tags.findBySlug('exports'))!;
        await editor.get(`/admin/tags/${tag.id}/delete`);
        const response = await editor.post(`/admin/tags/${tag.id}/delete`, {});
        expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
      });
    }, STEP_MS);

    it('section: moved up in the navigation', async () => {
      await afterWrite('section: business moved up', async () => {
        await editor.get('/admin/sections');
        const response = await editor.post(`/admin/sections/${await sectionId('business')}/move`, { direction: 'up' });
        expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
      });
    }, STEP_MS);

    it('section: deleted, its stories moved to another', async () => {
      await afterWrite('section: observances deleted, stories to business', async () => {
        const observances = await sectionId('observances');
        await editor.get(`/admin/sections/${observances}/delete`);
        const response = await editor.post(`/admin/sections/${observances}/delete`, { moveTo: String(await sectionId('business')) });
        expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
      });
    }, STEP_MS);

    it('author: byline name, address and bio changed', async () => {
      await afterWrite('author: profile changed', async () => {
        await reporter.get('/admin/profile');
        const response = await reporter.post('/admin/profile', { displayName: 'Imran A. Qadir', bio: 'Economics correspondent.', slug: 'imran-a-qadir' });
        expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      });
    }, STEP_MS);

    it('author: new portrait', async () => {
      await afterWrite('author: portrait uploaded', async () => {
        await reporter.get('/admin/profile');
        const response = await reporter.upload('/admin/profile/avatar', {}, { name: 'me.png', type: 'image/png', data: await picture({ r: 200, g: 160, b: 120 }) });
        expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      });
    }, STEP_MS);

    it('picture: a featured picture attached, then replaced', async () => {
      await afterWrite('picture: attached', async () => featuredPicture('multinational-naval-exercise-concludes-in-arabian-sea', { r: 10, g: 60, b: 120 }, 'Ships in formation'));
      await afterWrite('picture: replaced', async () => featuredPicture('multinational-naval-exercise-concludes-in-arabian-sea', { r: 120, g: 60, b: 10 }, 'A frigate at dusk'));
    }, STEP_MS);
  });
}
