import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCorpus } from '../support/corpus.js';
import { launchChromium, listenForBrowser } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { describeWithTool } from '../support/required-tools.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { unsafeMarkup } from '../support/unsafe-markup.js';

const payloads = readCorpus('payloads/xss-payloads.txt').split('\n').filter((line) => line.trim() !== '');
const at = (i: number) => payloads[i % payloads.length]!;

/** What a page would run: foreign scripts, on* attributes, javascript: URLs, embedded objects. */
async function scan(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const script of Array.from(document.scripts)) {
      const own = script.src !== '' && new URL(script.src).pathname.startsWith('/assets/');
      if (!own && script.type !== 'application/ld+json') bad.push(`script ${script.outerHTML.slice(0, 60)}`);
    }
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) bad.push(`${attribute.name} on ${element.tagName}`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name.toLowerCase()) && /^\s*javascript:/i.test(attribute.value)) {
          bad.push(`javascript: in ${attribute.name} on ${element.tagName}`);
        }
      }
    }
    for (const element of Array.from(document.querySelectorAll('iframe, object, embed, base'))) bad.push(`element ${element.tagName}`);
    return bad;
  });
}

describeWithTool('chromium', `every XSS payload of the corpus (${payloads.length}) in every field a contributor controls, alt text included`, () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;
  const articleIds: number[] = [];
  let contributor: AdminClient;
  let editor: AdminClient;

  beforeAll(async () => {
    const tinyPicture = {
      name: 'tiny.png',
      type: 'image/png',
      data: await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer(),
    };
    app = await openTestApp(testDatabases()[0]!, { env: { NEWSDESK_MEDIA_DIR: mkdtempSync(join(tmpdir(), 'newsdesk-xss-media-')) } });
    await makeUser(app, 'contributor', 'Xavier Contributor', 'x@newsroom.test');
    await makeUser(app, 'editor', 'Edith Editor', 'e@newsroom.test');
    contributor = await new AdminClient(app).signIn('x@newsroom.test', PASSWORD);
    editor = await new AdminClient(app).signIn('e@newsroom.test', PASSWORD);
    await contributor.get('/admin/articles/new');
    for (let i = 0; i < payloads.length; i++) {
      let created = await contributor.post('/admin/articles', { title: at(i) });
      if (created.statusCode === 400) {
        // Too long for a headline: refused with a message a person can act on, then tried shortened.
        expect(created.body).toContain('A headline can have at most 300 characters.');
        created = await contributor.post('/admin/articles', { title: [...at(i)].slice(0, 300).join('') });
      }
      expect(created.statusCode, at(i)).toBe(303);
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      articleIds.push(id);
      const revision = (await app.store.articles.findById(id))!.revision;
      const saved = await contributor.post(`/admin/articles/${id}`, {
        revision,
        // Each payload within its field's limit (core/articles/limits.ts), so every one is saved and rendered.
        dek: [...at(i + 1)].slice(0, 1000).join(''),
        bodyMd: at(i + 2),
        tags: at(i + 3).split(',').map((tag) => [...tag].slice(0, 100).join('')).slice(0, 50).join(','),
        seoTitle: [...at(i + 4)].slice(0, 300).join(''),
        seoDescription: [...at(i + 5)].slice(0, 1000).join(''),
        excerpt: [...at(i + 6)].slice(0, 1000).join(''),
      });
      expect([303, 400], `${saved.statusCode} ${saved.body.slice(0, 200)}`).toContain(saved.statusCode);
      // The picture's alt text is one more field a contributor writes.
      const alt = at(i + 7);
      let uploaded = await contributor.upload(`/admin/articles/${id}/image`, { revision: (await app.store.articles.findById(id))!.revision, alt }, tinyPicture);
      if (uploaded.statusCode === 400 && alt.trim().length > 500) {
        uploaded = await contributor.upload(`/admin/articles/${id}/image`, { revision: (await app.store.articles.findById(id))!.revision, alt: alt.slice(0, 500) }, tinyPicture);
      }
      expect(uploaded.statusCode, `${alt}: ${uploaded.body.slice(0, 200)}`).toBe(200);
      await editor.get(`/admin/articles/${id}`);
      const published = await editor.post(`/admin/articles/${id}/action`, { action: 'publish', revision: (await app.store.articles.findById(id))!.revision });
      expect(published.statusCode).toBe(303);
    }
    base = await listenForBrowser(app);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('has checks that do find injected markup (so clean results mean something)', async () => {
    expect(unsafeMarkup('<p>x</p><img src=x onerror=alert(1)>')).toEqual(['attribute onerror on <img>']);
    expect(unsafeMarkup('<a href="javascript:alert(1)">x</a><script>alert(1)</script>').length).toBe(2);
    expect(unsafeMarkup('<script src="/assets/site.js"></script><p title="&lt;script&gt;">x</p>')).toEqual([]);
    const page = await browser.newPage();
    await page.setContent('<a href="javascript:void(0)">x</a><div onclick="x()"></div><iframe></iframe>');
    expect((await scan(page)).length).toBe(3);
    await page.close();
  });

  it('renders every public page and every editor without markup from the payloads (server HTML)', async () => {
    const pages = ['/', '/search?q=alert', ...articleIds.map((id) => `/admin/articles/${id}`)];
    for (const article of await app.store.articles.listPublic({ now: app.clock.now(), limit: 1000 })) pages.push(`/${encodeURIComponent(article.slug)}`);
    for (const tagPage of (await app.store.tags.listInUse({ now: app.clock.now(), offset: 0, limit: 2000 })).slice(0, 300)) pages.push(`/tag/${encodeURIComponent(tagPage.slug)}`);
    for (const url of pages) {
      const response = url.startsWith('/admin') ? await editor.get(url) : await app.server.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(unsafeMarkup(response.body), url).toEqual([]);
    }
  });

  it('puts every payload in an author bio without markup escaping', async () => {
    const me = (await app.store.users.findByEmail('x@newsroom.test'))!;
    await contributor.get('/admin/profile');
    for (const payload of payloads) {
      const saved = await contributor.post('/admin/profile', { displayName: 'Xavier Contributor', bio: payload });
      if (payload.length > 2000) {
        expect(saved.statusCode).toBe(400);
        expect(saved.body).toContain('A bio can have at most 2,000 characters.');
      } else {
        expect(saved.statusCode, payload).toBe(200);
      }
      const page = await app.server.inject({ method: 'GET', url: `/author/${me.slug}` });
      expect(unsafeMarkup(page.body), payload).toEqual([]);
      expect(unsafeMarkup(saved.body), payload).toEqual([]);
    }
  });

  it('loads the home page, article pages and editors in Chromium with no dialog and nothing injected', async () => {
    const dialogs: string[] = [];
    const context = await browser.newContext();
    context.on('page', (page) => page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }));
    await context.addCookies(
      [...editor.cookies].map(([name, value]) => ({ name, value, url: base })),
    );
    const slugs = (await app.store.articles.listPublic({ now: app.clock.now(), limit: 1000 })).map((article) => `/${encodeURIComponent(article.slug)}`);
    const urls = ['/', ...slugs, ...articleIds.map((id) => `/admin/articles/${id}`)];
    const found: string[] = [];
    const pages = await Promise.all([0, 1, 2, 3].map(() => context.newPage()));
    await Promise.all(
      pages.map(async (page, worker) => {
        for (let i = worker; i < urls.length; i += pages.length) {
          await page.goto(base + urls[i], { waitUntil: 'load' });
          for (const problem of await scan(page)) found.push(`${urls[i]}: ${problem}`);
        }
      }),
    );
    expect(urls.length).toBeGreaterThan(2 * payloads.length);
    expect(found).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  }, 900_000);
});
