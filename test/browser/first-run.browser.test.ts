import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp, signInInBrowser } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { describeWithTool } from '../support/required-tools.js';
import type { TestApp } from '../support/test-app.js';

/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;
const NOTE = 'The second paragraph needs a named source for the tonnage.';

for (const database of testDatabases()) {
  describeWithTool('chromium', `first run, review notes and newsroom errors in real Chromium on ${database.name}`, () => {
    let app: TestApp;
    let browser: Browser;
    let base: string;
    let chief: Page;
    let contexts: BrowserContext[] = [];
    let articleId: number;

    /** A page in a fresh browser profile (no cookies), allowed to take the injected axe script. */
    async function freshPage(): Promise<Page> {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      return page;
    }

    async function signIn(page: Page, email: string): Promise<void> {
      await signInInBrowser(page, base, email, PASSWORD);
    }

    beforeAll(async () => {
      ({ app, base } = await openBrowserApp(database, { env: { NEWSDESK_TIME_ZONE: 'Asia/Karachi' } }));
      browser = await launchChromium();
      chief = await freshPage();
    }, 300_000);

    afterAll(async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      contexts = [];
      await browser?.close();
      await app?.dispose();
    });

    it('sets the site up from the set-up page and is signed in at once; both pages pass axe', async () => {
      await chief.goto(`${base}/admin`);
      await chief.waitForURL(`${base}/admin/setup`);
      expect(await axeViolations(chief)).toEqual([]);
      await chief.getByLabel('Name as shown in bylines').fill('Zara Chief');
      await chief.getByLabel('E-mail').fill('zara@newsroom.test');
      await chief.getByLabel('Password (at least 10 characters)').fill(PASSWORD);
      await chief.getByRole('button', { name: 'Create administrator' }).click();
      await chief.waitForURL(`${base}/admin`);
      await expect(chief.getByRole('button', { name: 'Sign out Zara Chief' }).isVisible()).resolves.toBe(true);
      await expect(chief.getByRole('link', { name: 'People' }).isVisible()).resolves.toBe(true);
      expect(await axeViolations(chief)).toEqual([]);
    });

    it('shows the favicon drawn from the logo, and hides visually-hidden labels in the newsroom', async () => {
      const icon = await chief.evaluate(async () => {
        const link = document.querySelector('link[rel="icon"]')?.getAttribute('href');
        const image = new Image();
        image.src = '/favicon.ico';
        await image.decode();
        return { link, width: image.naturalWidth, height: image.naturalHeight };
      });
      expect(icon.link).toBe('/favicon.ico');
      expect(icon.width).toBeGreaterThanOrEqual(16);
      expect(icon.height).toBe(icon.width);
      // The people list labels each role menu for screen readers only.
      await chief.goto(`${base}/admin/users`);
      const label = chief.locator('label.visually-hidden').first();
      await expect(label.count()).resolves.toBeGreaterThan(0);
      const box = await label.boundingBox();
      expect(box === null || (box.width <= 1 && box.height <= 1), JSON.stringify(box)).toBe(true);
    });

    it('sends a submitted story back with a note and keeps desk notes in a panel that passes axe', async () => {
      await makeUser(app, 'contributor', 'Cam Writer');
      const writer = await new AdminClient(app).signIn('contributor@newsroom.test', PASSWORD);
      await writer.get('/admin/articles/new');
      const created = await writer.post('/admin/articles', { title: 'Dredging starts at the east wharf' });
      articleId = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
      await writer.get(`/admin/articles/${articleId}`);
      const revision = (await app.store.articles.findById(articleId))!.revision;
      expect([200, 303]).toContain((await writer.post(`/admin/articles/${articleId}/action`, { action: 'submit', revision })).statusCode);

      await chief.goto(`${base}/admin/articles/${articleId}`);
      await chief.getByLabel('Note to the writer: what should change?').fill(NOTE);
      await chief.getByRole('button', { name: 'Send back to the writer' }).click();
      await chief.waitForLoadState();
      await expect(chief.locator('.status').first().innerText()).resolves.toBe('Draft');
      await chief.getByLabel('Add a note').fill('Pictures of the dredger are in the library.');
      await chief.getByRole('button', { name: 'Add note' }).click();
      await chief.waitForURL(`${base}/admin/articles/${articleId}#notes`);
      const notes = chief.locator('#notes ol.notes > li');
      await expect(notes.count()).resolves.toBe(2);
      await expect(notes.nth(0).innerText()).resolves.toMatch(/^Note by Zara Chief, 29 Nov 2026, 17:00\s+Pictures of the dredger are in the library\.$/);
      await expect(notes.nth(1).innerText()).resolves.toMatch(new RegExp(`^Sent back by Zara Chief, 29 Nov 2026, 17:00\\s+${NOTE.replace('.', '\\.')}$`));
      expect(await axeViolations(chief)).toEqual([]);
    });

    it("shows the writer the note at the top of their editor, which passes axe", async () => {
      const page = await freshPage();
      await signIn(page, 'contributor@newsroom.test');
      await page.goto(`${base}/admin/articles/${articleId}`);
      const notice = page.getByRole('region', { name: 'Sent back to you' });
      await expect(notice.innerText()).resolves.toContain(NOTE);
      await expect(notice.innerText()).resolves.toContain('Sent back by Zara Chief, 29 Nov 2026, 17:00');
      await expect(page.getByRole('button', { name: 'Submit for review' }).isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      // A refusal is a page of the newsroom, with its navigation and a way back, and passes axe too.
      const refused = await page.goto(`${base}/admin/users`);
      expect(refused?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('You cannot do that');
      await expect(page.getByRole('link', { name: 'Back to the newsroom' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('navigation', { name: 'Newsroom' }).isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
