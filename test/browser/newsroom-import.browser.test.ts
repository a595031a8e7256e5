import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp, signedInPage } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { makeUser, PASSWORD } from '../support/admin-session.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { describeWithTool } from '../support/required-tools.js';
import type { TestApp } from '../support/test-app.js';

/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;

describeWithTool('chromium', 'an admin imports a WordPress export from the newsroom in real Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let page: Page;
  const importDir = mkdtempSync(join(tmpdir(), 'newsdesk-browser-imports-'));

  beforeAll(async () => {
    // A runner that looks for queued imports every 200 ms, as a server does every second.
    ({ app, base } = await openBrowserApp(testDatabases()[0]!, { seed: false, jobIntervalMs: 200, env: { NEWSDESK_IMPORT_DIR: importDir } }));
    await makeUser(app, 'admin');
    browser = await launchChromium();
    page = await signedInPage(browser, base, { email: 'admin@newsroom.test', password: PASSWORD, width: 390, height: 844, timeoutMs: ACTION_TIMEOUT_MS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('sends the file, follows the import live until its report, and both pages pass axe', async () => {
    await page.getByRole('link', { name: 'Export and import' }).click();
    await page.waitForURL(`${base}/admin/site`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('WordPress export (.xml)').check();
    await page.getByLabel('File', { exact: true }).setInputFiles(`${CORPUS_DIR}wxr/themeunittestdata.wordpress.xml`);
    const polled: number[] = [];
    page.on('response', (response) => {
      if (/\/admin\/imports\/\d+\/progress$/.test(response.url())) polled.push(response.status());
    });
    await page.getByRole('button', { name: 'Start the import' }).click();
    await page.waitForURL(/\/admin\/imports\/\d+$/);

    // Nobody reloads the page: its script asks for progress and shows the report when the import ends.
    await page.getByRole('heading', { name: 'Report' }).waitFor();
    expect(polled.length).toBeGreaterThan(0);
    expect(polled.every((status) => status === 200)).toBe(true);
    await expect(page.getByRole('status').innerText()).resolves.toBe('Done.');
    await expect(page.locator('main').innerText()).resolves.toContain('articles: 58 new (published 56, scheduled 1, draft 1, in review 0)');
    expect(await axeViolations(page)).toEqual([]);
    expect(readdirSync(importDir)).toEqual([]);
    const articles = await app.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(articles.n)).toBe(58);
  });
});
