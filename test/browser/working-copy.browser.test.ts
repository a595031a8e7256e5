import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp, signInInBrowser } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { makeUser, PASSWORD } from '../support/admin-session.js';
import { describeWithTool } from '../support/required-tools.js';
import { addArticle, TEST_NOW, type TestApp } from '../support/test-app.js';

/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;
const HOUR = 3_600_000;

describeWithTool('chromium', 'a desk that loses nothing, in real Chromium', () => {
  for (const database of testDatabases()) {
    describe(`on ${database.name}`, () => {
      let app: TestApp;
      let browser: Browser;
      let base: string;
      const contexts: BrowserContext[] = [];

      async function signedIn(email: string): Promise<Page> {
        // bypassCSP lets the test inject axe-core; the newsroom itself allows no inline script.
        const context = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } });
        contexts.push(context);
        const page = await context.newPage();
        page.setDefaultTimeout(ACTION_TIMEOUT_MS);
        await page.clock.install({ time: TEST_NOW });
        await signInInBrowser(page, base, email, PASSWORD);
        return page;
      }
      const publicTitle = async (slug: string) => {
        const html = (await app.server.inject({ method: 'GET', url: `/${slug}` })).body;
        return /<h1 class="article__title">([^<]*)<\/h1>/.exec(html)?.[1];
      };
      const live = (title: string) =>
        addArticle(app, { title, bodyMd: 'The first version of the story.', status: 'published', publishedAt: new Date(TEST_NOW.getTime() - HOUR), authorSlugs: ['editor-person'] });

      beforeAll(async () => {
        ({ app, base } = await openBrowserApp(database, { seed: false }));
        await makeUser(app, 'editor');
        await makeUser(app, 'admin');
        browser = await launchChromium();
      }, 300_000);

      afterAll(async () => {
        for (const context of contexts) await context.close().catch(() => undefined);
        await browser?.close();
        await app?.dispose();
      });

      it('autosaves a live story into its working copy; readers see the change only after Update', async () => {
        const story = await live('Harbour bridge reopens');
        const page = await signedIn('editor@newsroom.test');
        await page.goto(`${base}/admin/articles/${story.id}`);
        await page.getByLabel('Headline').fill('Harbour bridge reop');
        await page.clock.fastForward(11_000);
        await expect(page.locator('#autosave-status')).toBeDefined();
        await page.waitForFunction(() => document.getElementById('autosave-status')?.textContent?.startsWith('Saved as unpublished changes'));
        expect(await page.locator('#pending-badge').isVisible()).toBe(true);
        expect(await publicTitle(story.slug)).toBe('Harbour bridge reopens');
        expect(await axeViolations(page)).toEqual([]);

        await page.getByLabel('Headline').fill('Harbour bridge reopens to lorries');
        await page.getByRole('button', { name: 'Update: publish the changes' }).click();
        await page.waitForURL(`${base}/admin/articles/${story.id}?done=updated`);
        await expect(page.getByRole('status').first().innerText()).resolves.toContain('Updated: readers now see your changes.');
        expect(await publicTitle(story.slug)).toBe('Harbour bridge reopens to lorries');
        expect(await page.locator('#pending-badge').isVisible()).toBe(false);
      });

      it('uploads a picture without reloading, after saving the edits typed before it, and keeps one revision for the page', async () => {
        const story = await addArticle(app, { title: 'Ferry terminal upgrade', status: 'draft', authorSlugs: ['editor-person'] });
        const page = await signedIn('editor@newsroom.test');
        await page.goto(`${base}/admin/articles/${story.id}`);
        await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
        // The body opens in the visual editor; the Markdown view is one click away.
        await page.getByRole('button', { name: 'Markdown', exact: true }).click();
        await page.getByLabel('Body (Markdown)').fill('Typed just before the upload, never saved by hand.');
        const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2a6f97' } }).png().toBuffer();
        await page.getByLabel('Alt text (what the picture shows)').fill('A blue test card');
        await page.getByLabel('Picture (JPEG, PNG, WebP, GIF or AVIF)').setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: png });
        await page.getByRole('button', { name: 'Upload and use' }).click();
        await page.waitForFunction(() => document.getElementById('upload-status')?.textContent === 'Picture uploaded and saved.');
        expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
        expect(await page.locator('#picture-current img').getAttribute('alt')).toBe('A blue test card');
        const stored = (await app.store.articles.findById(story.id))!;
        expect(stored.bodyMd).toBe('Typed just before the upload, never saved by hand.');
        expect(stored.featuredMediaId).not.toBeNull();
        expect(await page.locator('form[data-editor] input[name="revision"]').inputValue()).toBe(String(stored.revision));

        // Every button after that names the newest revision: submitting is not refused as someone else's save.
        await page.getByRole('button', { name: 'Submit for review' }).click();
        await page.waitForURL(`${base}/admin/articles/${story.id}?done=submitted`);
        expect((await app.store.articles.findById(story.id))!.status).toBe('in_review');
      });

      it('warns before leaving with unsaved changes', async () => {
        const story = await addArticle(app, { title: 'Night bus routes', status: 'draft', authorSlugs: ['editor-person'] });
        const page = await signedIn('editor@newsroom.test');
        await page.goto(`${base}/admin/articles/${story.id}`);
        await page.getByLabel('Standfirst (dek)').fill('Three new routes from January.');
        const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
        await page.getByRole('link', { name: 'New article' }).click({ noWaitAfter: true });
        expect(await dialog).toBe('beforeunload');
        expect(page.url()).toBe(`${base}/admin/articles/${story.id}`);
      });

      it('merges two editors: different fields both kept; the same field chosen on a comparison page that passes axe', async () => {
        const story = await addArticle(app, { title: 'Water rates rise', dek: 'The old standfirst.', status: 'draft', authorSlugs: ['editor-person'] });
        const [first, second] = [await signedIn('editor@newsroom.test'), await signedIn('admin@newsroom.test')];
        await first.goto(`${base}/admin/articles/${story.id}`);
        await second.goto(`${base}/admin/articles/${story.id}`);
        await first.getByLabel('Standfirst (dek)').fill('Households pay more from April.');
        await first.getByRole('button', { name: 'Save', exact: true }).click();
        await first.waitForURL(/done=saved/);
        await second.getByLabel('Headline').fill('Water rates rise by 8 per cent');
        await second.getByRole('button', { name: 'Save', exact: true }).click();
        await second.waitForURL(/done=auto-merged/);
        let stored = (await app.store.articles.findById(story.id))!;
        expect([stored.title, stored.dek]).toEqual(['Water rates rise by 8 per cent', 'Households pay more from April.']);

        // Now both change the headline.
        await first.goto(`${base}/admin/articles/${story.id}`);
        await second.goto(`${base}/admin/articles/${story.id}`);
        await first.getByLabel('Headline').fill('Water rates rise by 9 per cent');
        await first.getByRole('button', { name: 'Save', exact: true }).click();
        await first.waitForURL(/done=saved/);
        await second.getByLabel('Headline').fill('Water bills to rise in April');
        await second.getByRole('button', { name: 'Save', exact: true }).click();
        await second.waitForURL(/\/conflicts\/\d+$/);
        expect(await axeViolations(second)).toEqual([]);
        const widths = await second.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.scroll, 'the comparison scrolls sideways').toBeLessThanOrEqual(widths.client);
        await second.getByRole('radio', { name: /Keep theirs/ }).check();
        await second.getByRole('button', { name: 'Save the merged version' }).click();
        await second.waitForURL(/done=merged/);
        stored = (await app.store.articles.findById(story.id))!;
        expect(stored.title).toBe('Water rates rise by 9 per cent');
        const history = await app.store.articles.revisions(story.id);
        const notKept = await app.store.articles.revision(story.id, history.find((entry) => entry.kind === 'unmerged')!.revision);
        expect(notKept?.snapshot.title).toBe('Water bills to rise in April');
      });

      it('asks before publishing and shows a faithful preview; both pass axe', async () => {
        const story = await addArticle(app, { title: 'Tram line extension approved', status: 'draft', authorSlugs: ['editor-person'] });
        const page = await signedIn('editor@newsroom.test');
        await page.goto(`${base}/admin/articles/${story.id}`);
        await page.getByRole('button', { name: 'Save and preview' }).click();
        await page.waitForURL(`${base}/admin/articles/${story.id}/preview`);
        await expect(page.locator('.preview-banner').innerText()).resolves.toBe('Preview — not published');
        await expect(page.locator('.article__dates').innerText()).resolves.toBe('Not published yet');
        expect(await axeViolations(page)).toEqual([]);
        await page.goto(`${base}/admin/articles/${story.id}`);
        await page.getByRole('button', { name: 'Publish now…' }).click();
        await page.waitForURL(`${base}/admin/articles/${story.id}/confirm?action=publish`);
        expect(await axeViolations(page)).toEqual([]);
        expect((await app.store.articles.findById(story.id))!.status).toBe('draft');
        await page.getByRole('button', { name: 'Yes, publish now' }).click();
        await page.waitForURL(`${base}/admin/articles/${story.id}?done=published`);
        expect((await app.store.articles.findById(story.id))!.status).toBe('published');
        // A refresh of the result repeats nothing.
        const revision = (await app.store.articles.findById(story.id))!.revision;
        await page.reload();
        expect((await app.store.articles.findById(story.id))!.revision).toBe(revision);
      });
    });
  }
});
