import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../src/core/articles/create-article.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { makeUser, PASSWORD } from '../support/admin-session.js';
import { axeViolations, launchChromium, openBrowserApp, signedInPage } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { describeWithTool } from '../support/required-tools.js';
import { TEST_NOW, type TestApp } from '../support/test-app.js';

/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;
const MINUTE = 60_000;
/** 60 drafts of the editor's, "Desk story 01" the oldest change, "Desk story 60" the newest: two pages of the list. */
const STORIES = Array.from({ length: 60 }, (_, i) => `Desk story ${String(i + 1).padStart(2, '0')}`);

async function sideways(page: Page): Promise<boolean> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  return widths.scroll > widths.client;
}

describeWithTool('chromium', "the desk's dashboard and list in real Chromium at 375 px", () => {
  for (const database of testDatabases()) {
    describe(`on ${database.name}`, () => {
      let app: TestApp;
      let browser: Browser;
      let base: string;
      let page: Page;

      beforeAll(async () => {
        ({ app, base } = await openBrowserApp(database, { seed: false, env: { NEWSDESK_TIME_ZONE: 'Asia/Karachi' } }));
        const editor = await makeUser(app, 'editor', 'Eda Editor');
        const deps = { store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 15, bus: app.bus };
        for (const [index, title] of STORIES.entries()) {
          await createArticle(deps, { title, bodyMd: 'A short body.', status: 'draft', authorIds: [editor.id], updatedAt: new Date(TEST_NOW.getTime() - (60 - index) * MINUTE) });
        }
        // A scheduled story, for the dashboard's queue with a time: 30 Nov 2026 09:00 UTC, 14:00 in Karachi.
        await createArticle(deps, { title: 'Harbour reopens on Monday', bodyMd: 'Soon.', status: 'published', publishedAt: new Date('2026-11-30T09:00:00.000Z'), authorIds: [editor.id], updatedAt: new Date(TEST_NOW.getTime() - 90 * MINUTE) });
        browser = await launchChromium();
        page = await signedInPage(browser, base, { email: 'editor@newsroom.test', password: PASSWORD, width: 375, height: 800, timeoutMs: ACTION_TIMEOUT_MS });
      }, 300_000);

      afterAll(async () => {
        await browser?.close();
        await app?.dispose();
      });

      it('lands on the dashboard after signing in: queues with counts, no sideways scrolling, and axe finds nothing', async () => {
        await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Dashboard');
        await expect(page.getByRole('region', { name: 'My drafts 60' }).count()).resolves.toBe(1);
        const scheduled = page.getByRole('region', { name: 'Scheduled 1' });
        await expect(scheduled.innerText()).resolves.toMatch(/Harbour reopens on Monday\s+Goes live 30 Nov 2026, 14:00/);
        await expect(page.getByRole('link', { name: 'See all 60 of my drafts' }).count()).resolves.toBe(1);
        expect(await sideways(page), 'the dashboard scrolls sideways').toBe(false);
        expect(await axeViolations(page)).toEqual([]);
      });

      it('ticks two rows of the list and publishes them with one Apply, then says so', async () => {
        await page.getByRole('link', { name: 'Articles', exact: true }).click();
        await page.waitForURL(`${base}/admin/articles`);
        expect(await sideways(page), 'the list scrolls sideways').toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        // The page's script adds a box that ticks every row of the page, and shows only the field an action needs.
        await page.getByRole('checkbox', { name: 'All', exact: true }).check();
        await expect(page.locator('input[name="ids"]:checked').count()).resolves.toBe(50);
        await page.getByRole('checkbox', { name: 'All', exact: true }).uncheck();
        await expect(page.locator('input[name="ids"]:checked').count()).resolves.toBe(0);
        await expect(page.getByLabel('Tag (for Add tag)').isVisible()).resolves.toBe(false);
        await page.getByLabel('Action').selectOption({ label: 'Add tag…' });
        await expect(page.getByLabel('Tag (for Add tag)').isVisible()).resolves.toBe(true);
        await page.getByRole('checkbox', { name: 'Pick Desk story 60' }).check();
        await page.getByRole('checkbox', { name: 'Pick Desk story 59' }).check();
        await page.getByLabel('Action').selectOption({ label: 'Publish now' });
        await page.getByRole('button', { name: 'Apply' }).click();
        await page.waitForURL(/\/admin\/articles\?done=publish&ok=\d+%2C\d+$/);
        await expect(page.locator('.bulk-result').innerText()).resolves.toBe('2 published.');
        const published = (await app.store.articles.adminList({ status: 'published', now: app.clock.now(), limit: 10 })).map((row) => row.title);
        expect(published.sort()).toEqual(['Desk story 59', 'Desk story 60']);
        expect(await axeViolations(page)).toEqual([]);
      });

      it('pages the list with Next and Previous at 375 px', async () => {
        await page.goto(`${base}/admin/articles?status=draft`);
        const titles = () => page.locator('table.list tbody tr td:nth-child(2)').allInnerTexts();
        // 58 drafts left: 50 on the first page, newest first (Desk story 58 down to 09), 8 on the second.
        await expect(titles()).resolves.toEqual(STORIES.slice(0, 58).reverse().slice(0, 50));
        await page.getByRole('link', { name: 'Next page →' }).click();
        await page.waitForURL(/\/admin\/articles\?status=draft&before=\d+\.\d+$/);
        await expect(titles()).resolves.toEqual(STORIES.slice(0, 8).reverse());
        await expect(page.getByRole('link', { name: 'Next page →' }).count()).resolves.toBe(0);
        expect(await sideways(page), 'the second page scrolls sideways').toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole('link', { name: '← Previous page' }).click();
        await page.waitForURL(/\/admin\/articles\?status=draft&after=\d+\.\d+$/);
        await expect(titles()).resolves.toEqual(STORIES.slice(0, 58).reverse().slice(0, 50));
        await expect(page.getByLabel('Status').inputValue()).resolves.toBe('draft');
      });
    });
  }
});
