import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp, signInInBrowser } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { describeWithTool } from '../support/required-tools.js';
import { addArticle, TEST_NOW, type TestApp } from '../support/test-app.js';

/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;

// Every page of the newsroom, in light and in dark mode, at a phone's width: axe reports nothing on any of them.
describeWithTool('chromium', 'every newsroom page passes axe, light and dark', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;
  const pages: Array<{ name: string; path: string; then?: (page: Page) => Promise<void> }> = [];

  beforeAll(async () => {
    ({ app, base } = await openBrowserApp(testDatabases()[0]!));
    await makeUser(app, 'admin', 'Ayesha Admin');
    const desk = await new AdminClient(app).signIn('admin@newsroom.test', PASSWORD);
    const draft = await addArticle(app, { title: 'Dredging plan for the east wharf', status: 'draft', authorSlugs: ['ayesha-admin'] });
    const live = await addArticle(app, { title: 'Ferry fares frozen', status: 'published', publishedAt: new Date(TEST_NOW.getTime() - 3_600_000), authorSlugs: ['ayesha-admin'] });
    // A working copy on the live story, a picture in the library, and a version kept aside for a comparison.
    await desk.get(`/admin/articles/${live.id}`);
    await desk.post(`/admin/articles/${live.id}`, { revision: live.revision, title: 'Ferry fares frozen until March', bodyMd: 'Fares stay as they are.' });
    const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#2a6f97' } }).png().toBuffer();
    await desk.get(`/admin/articles/${draft.id}`);
    const uploaded = await desk.upload(`/admin/articles/${draft.id}/image`, { revision: draft.revision, alt: 'The east wharf at low tide' }, { name: 'wharf.png', type: 'image/png', data: png });
    const mediaId = uploaded.json<{ id: number }>().id;
    const current = (await app.store.articles.findById(draft.id))!;
    const kept = await app.store.pending.keepUnmerged({
      articleId: draft.id,
      userId: (await app.store.users.findBySlug('ayesha-admin'))!.id,
      baseRevision: 1,
      fields: {
        title: 'Dredging plan for the west wharf', dek: '', bodyMd: 'Another body.', excerpt: current.excerpt, slug: current.slug, primaryCategoryId: null,
        featuredMediaId: null, authorIds: [(await app.store.users.findBySlug('ayesha-admin'))!.id], tagNames: [], seoTitle: null, seoDescription: null, canonicalUrl: null, noindex: false,
      },
      against: 'working',
      createdAt: TEST_NOW,
    });
    await app.store.db.updateTable('articles').set({ title: 'Dredging plan approved for the east wharf' }).where('id', '=', draft.id).execute();
    const tag = (await app.store.tags.findBySlug('pakistan'))!;
    const section = (await app.store.categories.findBySlug('banking'))!;
    pages.push(
      { name: 'dashboard', path: '/admin' },
      { name: 'article list', path: '/admin/articles' },
      { name: 'new article', path: '/admin/articles/new' },
      { name: 'editor, visual', path: `/admin/articles/${draft.id}` },
      { name: 'editor, Markdown', path: `/admin/articles/${draft.id}`, then: (page) => page.getByRole('button', { name: 'Markdown', exact: true }).click() },
      { name: 'editor of a live story with unpublished changes', path: `/admin/articles/${live.id}` },
      { name: 'confirmation', path: `/admin/articles/${live.id}/confirm?action=unpublish` },
      { name: 'comparison', path: `/admin/articles/${draft.id}/conflicts/${kept}` },
      { name: 'revision', path: `/admin/articles/${draft.id}/revisions/1` },
      { name: 'picture picker', path: `/admin/articles/${draft.id}/picture` },
      { name: 'media library', path: '/admin/media' },
      { name: 'a picture', path: `/admin/media/${mediaId}` },
      { name: 'people', path: '/admin/users' },
      { name: 'audit log', path: '/admin/audit' },
      { name: 'export and import', path: '/admin/site' },
      { name: 'pages', path: '/admin/pages' },
      { name: 'new page', path: '/admin/pages/new' },
      { name: 'sections', path: '/admin/sections' },
      { name: 'section deletion', path: `/admin/sections/${section.id}/delete` },
      { name: 'tags', path: '/admin/tags' },
      { name: 'tag merge', path: `/admin/tags/${tag.id}/merge` },
      { name: 'tag deletion', path: `/admin/tags/${tag.id}/delete` },
      { name: 'profile', path: '/admin/profile' },
      { name: 'password', path: '/admin/password' },
      { name: 'two-step sign-in', path: '/admin/profile/two-step' },
      { name: 'newsroom 404', path: '/admin/no-such-page' },
    );
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no violation on any newsroom page in ${colorScheme} mode`, async () => {
      const context = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      const found: Record<string, string[]> = {};
      const check = async (name: string) => {
        const violations = await axeViolations(page);
        if (violations.length > 0) found[name] = violations;
      };
      for (const path of ['/admin/login', '/admin/forgot']) {
        await page.goto(`${base}${path}`);
        await check(`signed out: ${path}`);
      }
      await page.getByRole('link', { name: /sign in/i }).first().click().catch(() => undefined);
      await signInInBrowser(page, base, 'admin@newsroom.test', PASSWORD);
      const statuses: Record<string, number> = {};
      for (const entry of pages) {
        // Each page must be the page named (a typo would put axe on an error page and pass for nothing).
        statuses[entry.name] = (await page.goto(`${base}${entry.path}`))?.status() ?? 0;
        if (entry.then) await entry.then(page);
        await check(entry.name);
      }
      expect(found).toEqual({});
      expect(Object.entries(statuses).filter(([name, status]) => status !== (name === 'newsroom 404' ? 404 : 200))).toEqual([]);
      await context.close();
    }, 600_000);
  }
});
