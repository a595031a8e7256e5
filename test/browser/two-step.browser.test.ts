import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { codeAt } from '../support/one-time-codes.js';
import { describeWithTool } from '../support/required-tools.js';
import type { TestApp } from '../support/test-app.js';

/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;
const EMAIL = 'browser-two-step@newsroom.test';

describeWithTool('chromium', 'two-step sign-in in real Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let secret: string;

  beforeAll(async () => {
    ({ app, base } = await openBrowserApp(testDatabases()[0]!, { seed: false }));
    await makeUser(app, 'editor', 'Browser Two Step', EMAIL);
    // Turned on through the profile pages, as in the end-to-end tests.
    const me = await new AdminClient(app).signIn(EMAIL, PASSWORD);
    secret = /<code>([A-Z2-7]{32})<\/code>/.exec((await me.get('/admin/profile/two-step')).body)![1]!;
    expect((await me.post('/admin/profile/two-step/enable', { code: codeAt(secret, app.clock.now()) })).statusCode).toBe(200);
    app.clock.advance(30_000);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('asks for the code after the password, and signs in only with it', async () => {
    // bypassCSP lets the test inject axe-core; the newsroom itself allows no inline script.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(`${base}/admin/profile`);
    await page.waitForURL(/\/admin\/login\?next=/);
    await expect(page.getByRole('link', { name: 'Forgot password?' }).count()).resolves.toBe(1);
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/login\/code\?next=/);
    expect(await axeViolations(page)).toEqual([]);
    // Not signed in yet: the newsroom sends the browser back to sign in.
    const peek = await browser.newPage();
    await peek.goto(`${base}/admin`);
    expect(new URL(peek.url()).pathname).toBe('/admin/login');
    await peek.close();

    await page.getByLabel('Code').fill('000000' === codeAt(secret, app.clock.now()) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('That code is not right').count()).resolves.toBe(1);
    await page.getByLabel('Code').fill(codeAt(secret, app.clock.now()));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${base}/admin/profile`);
    await expect(page.getByRole('heading', { name: 'Your profile' }).count()).resolves.toBe(1);
    await expect(page.getByText('Two-step sign-in is on').count()).resolves.toBe(1);
    await page.goto(`${base}/admin/profile/two-step`);
    expect(await axeViolations(page)).toEqual([]);
    const cookies = await page.context().cookies();
    expect(cookies.map((cookie) => cookie.name)).toContain('newsdesk_session');
    expect(cookies.map((cookie) => cookie.name)).not.toContain('newsdesk_pending');
  });
});
