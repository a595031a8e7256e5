import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp, signedInPage } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { describeWithTool } from '../support/required-tools.js';
import type { TestApp } from '../support/test-app.js';

const DEMO_TOMORROW = 'Energy regulator publishes winter gas allocation plan';
const DRAFT = 'Parliamentary committee to examine port concession plan';
/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;

describeWithTool('chromium', 'the desk sees scheduled stories and reads the history in real Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    ({ app, base } = await openBrowserApp(testDatabases()[0]!, { env: { NEWSDESK_TIME_ZONE: 'Asia/Karachi' } }));
    await makeUser(app, 'editor');
    browser = await launchChromium();
    page = await signedInPage(browser, base, { email: 'editor@newsroom.test', password: PASSWORD, width: 375, height: 800, timeoutMs: ACTION_TIMEOUT_MS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('filters the list to scheduled stories with their times, and the list passes axe', async () => {
    await page.getByRole('link', { name: 'Articles', exact: true }).click();
    await page.waitForURL(`${base}/admin/articles`);
    await page.getByLabel('Status').selectOption({ label: 'Scheduled' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(`${base}/admin/articles?status=scheduled**`);
    const rows = page.locator('table.list tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toMatch(/Energy regulator publishes winter gas allocation plan\s+Scheduled\s+30 Nov 2026, 17:00/);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/admin/articles`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows Scheduled and when it goes live in the editor's header, which passes axe", async () => {
    await page.getByRole('link', { name: DEMO_TOMORROW }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    await expect(page.locator('main p').first().innerText().then((text) => text.replace(/\s+/g, ' '))).resolves.toContain('Scheduled Goes live 30 Nov 2026, 17:00');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a revision at 375 px without sideways scrolling, even for long words, and the history and revision pages pass axe', async () => {
    // Edits made over HTTP by the same editor (another session): a save with very long unbroken words, then autosaves.
    const desk = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
    const id = (await app.store.articles.adminList({ limit: 100, now: app.clock.now() })).find((row) => row.title === DRAFT)!.id;
    const revision = async () => (await app.store.articles.findById(id))!.revision;
    await desk.get(`/admin/articles/${id}`);
    const longWord = `https://example.test/${'a-very-long-path-segment-'.repeat(12)}end`;
    const saved = await desk.post(`/admin/articles/${id}`, { revision: await revision(), title: DRAFT, bodyMd: `See ${longWord} for the plan.\n\n${'Committee members said the concession would be reviewed. '.repeat(20)}` });
    expect(saved.statusCode).toBe(303);
    for (const extra of ['One more line.', 'One more line, and another.']) {
      const autosave = await desk.post(`/admin/articles/${id}/autosave`, { revision: await revision(), title: DRAFT, bodyMd: `Rewritten: ${longWord}\n\n${extra}` });
      expect(autosave.statusCode).toBe(200);
    }

    await page.goto(`${base}/admin/articles/${id}`);
    await expect(page.locator('details summary').innerText()).resolves.toMatch(/^2 autosaves, revisions 3 to 4/);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/admin/articles/${id}/revisions/2`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Revision 2: Save');
    await expect(page.locator('dd.diff del').count()).resolves.toBeGreaterThan(0);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.client);
    expect(await axeViolations(page)).toEqual([]);
  });
});
