import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp, signInInBrowser } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { describeWithTool } from '../support/required-tools.js';
import { TEST_NOW, type TestApp } from '../support/test-app.js';

const HEADLINE = 'Coastal towns prepare for the monsoon season';
/** Longest wait for one browser step (a page load, a click's navigation, the live preview); only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;

describeWithTool('chromium', 'the newsroom in real Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ app, base } = await openBrowserApp(testDatabases()[0]!));
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  async function signIn(email: string, password: string): Promise<Page> {
    // bypassCSP lets the test inject axe-core; the newsroom itself allows no inline script.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await signInInBrowser(page, base, email, password);
    return page;
  }

  const publicHas = async (path: string) => {
    const response = await fetch(base + path);
    return response.status === 200 && (await response.text()).includes(HEADLINE);
  };

  it('takes a story from set-up to a scheduled publication', async () => {
    // 1. Set up the first admin on the empty install.
    const setup = await browser.newPage();
    setup.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await setup.goto(`${base}/admin`);
    await setup.waitForURL(/\/admin\/setup$/);
    await setup.getByLabel('Name as shown in bylines').fill('Amina Shah');
    await setup.getByLabel('E-mail').fill('amina@newsroom.test');
    await setup.getByLabel('Password (at least 10 characters)').fill('admin password 123');
    await setup.getByRole('button', { name: 'Create administrator' }).click();
    // Set up, and signed in at once: the newsroom opens with the new admin's name.
    await setup.waitForURL(`${base}/admin`);
    await expect(setup.getByRole('button', { name: 'Sign out Amina Shah' }).count()).resolves.toBe(1);
    await setup.close();

    // 2. The admin adds a contributor and an editor.
    const admin = await signIn('amina@newsroom.test', 'admin password 123');
    for (const [name, email, role] of [
      ['Ravi Menon', 'ravi@newsroom.test', 'contributor'],
      ['Elena Petrova', 'elena@newsroom.test', 'editor'],
    ] as const) {
      await admin.goto(`${base}/admin/users`);
      await admin.getByLabel('Name as shown in bylines').fill(name);
      await admin.getByLabel('E-mail').fill(email);
      await admin.getByLabel('Role', { exact: true }).selectOption(role);
      await admin.getByLabel(/First password/).fill('member password 123');
      await admin.getByRole('button', { name: 'Add person' }).click();
      await expect(admin.getByRole('status').textContent()).resolves.toContain(`${name} was added as ${role}.`);
    }

    await admin.goto(`${base}/admin/users`);
    expect(await axeViolations(admin), 'people page').toEqual([]);

    // 3. The contributor writes and submits.
    const contributor = await signIn('ravi@newsroom.test', 'member password 123');
    await contributor.goto(`${base}/admin/articles/new`);
    await contributor.getByLabel('Headline').fill(HEADLINE);
    await contributor.getByRole('button', { name: 'Start the draft' }).click();
    await contributor.waitForURL(/\/admin\/articles\/\d+$/);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(contributor.url())?.[1]);
    // The body opens in the visual editor; this writer types Markdown (one click away).
    await contributor.getByRole('button', { name: 'Markdown', exact: true }).click();
    await contributor.getByLabel('Body (Markdown)').fill('Fishing fleets are being **hauled ashore**.\n\n## What officials say\n\nShelters are ready.');
    await expect.poll(() => contributor.locator('#preview h2').textContent(), { timeout: ACTION_TIMEOUT_MS }).toBe('What officials say');
    await contributor.getByLabel('Section').selectOption({ label: 'International' });
    await contributor.getByLabel('Tags').fill('Weather, Monsoon');
    await contributor.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(contributor.getByRole('status').first().textContent()).resolves.toContain('Saved.');
    expect(await contributor.getByRole('button', { name: 'Publish now' }).count()).toBe(0);
    await contributor.getByRole('button', { name: 'Submit for review' }).click();
    await expect(contributor.getByRole('status').first().textContent()).resolves.toContain('Submitted for review.');

    // 4. The editor schedules it two minutes ahead (the site's clock is injected; its zone is UTC).
    const editor = await signIn('elena@newsroom.test', 'member password 123');
    await editor.goto(`${base}/admin/articles?status=in_review`);
    expect(await axeViolations(editor), 'article list').toEqual([]);
    await editor.getByRole('link', { name: HEADLINE }).click();
    expect(await axeViolations(editor), 'editor page').toEqual([]);
    await editor.getByLabel('Date and time (UTC)').fill('2026-11-29T12:02');
    await editor.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(editor.getByRole('status').first().textContent()).resolves.toContain('Scheduled: it goes live at the time shown above.');

    // 5. Readers see nothing before the time, and the story everywhere after it.
    const slug = (await app.store.articles.findById(id))!.slug;
    for (const path of ['/', '/category/international', `/${slug}`]) expect(await publicHas(path), `${path} before`).toBe(false);
    app.clock.set(new Date(TEST_NOW.getTime() + 120_000));
    for (const path of ['/', '/category/international', `/${slug}`]) expect(await publicHas(path), `${path} after`).toBe(true);
    const reader = await browser.newPage();
    reader.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await reader.goto(`${base}/${slug}`);
    await expect(reader.locator('h1').textContent()).resolves.toBe(HEADLINE);
    await expect(reader.locator('.article__byline').textContent()).resolves.toBe('By Ravi Menon');
    // Five sign-ins (argon2id), about thirty page loads and three axe runs: minutes on a busy machine.
  }, 600_000);
});
