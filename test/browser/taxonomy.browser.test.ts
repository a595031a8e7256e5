import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp, signedInPage } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { makeUser, PASSWORD } from '../support/admin-session.js';
import { describeWithTool } from '../support/required-tools.js';
import type { TestApp } from '../support/test-app.js';

const DRAFT = 'Parliamentary committee to examine port concession plan';
/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;

for (const database of testDatabases()) {
  describeWithTool('chromium', `tags, bylines and sections in real Chromium on ${database.name}`, () => {
    let app: TestApp;
    let browser: Browser;
    let base: string;
    let page: Page;

    beforeAll(async () => {
      ({ app, base } = await openBrowserApp(database));
      await makeUser(app, 'editor');
      browser = await launchChromium();
      page = await signedInPage(browser, base, { email: 'editor@newsroom.test', password: PASSWORD, width: 1000, height: 900, timeoutMs: ACTION_TIMEOUT_MS });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await app?.dispose();
    });

    it('chooses tags and a byline with the keyboard alone, creates a tag inline, and the saved article has them', async () => {
      const id = (await app.store.articles.adminList({ limit: 100, now: app.clock.now() })).find((row) => row.title === DRAFT)!.id;
      await page.goto(`${base}/admin/articles/${id}`);
      const tags = page.getByRole('combobox', { name: 'Tags' });
      const chosenTags = page.locator('input[name="tags"] + .combobox .chip__label');
      await expect(chosenTags.allInnerTexts()).resolves.toEqual(['Ports', 'Trade']);

      // Focus moves to the field as a Tab would (locator.focus is no click); from here on, only keys.
      await tags.focus();
      await page.keyboard.type('Pak');
      const listbox = page.locator(`[id="${await tags.getAttribute('aria-controls')}"]`);
      await expect(listbox.getAttribute('role')).resolves.toBe('listbox');
      await listbox.getByRole('option', { name: /Pakistan/ }).waitFor();
      await expect(tags.getAttribute('aria-expanded')).resolves.toBe('true');
      await page.keyboard.press('ArrowDown');
      const active = await tags.getAttribute('aria-activedescendant');
      await expect(page.locator(`[id="${active}"]`).innerText()).resolves.toContain('Pakistan');
      await expect(page.locator(`[id="${active}"]`).getAttribute('aria-selected')).resolves.toBe('true');
      expect(await axeViolations(page), 'the editor with the list open').toEqual([]);
      await page.keyboard.press('Enter');
      await expect(tags.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(tags.inputValue()).resolves.toBe('');
      // Screen readers hear what happened through the field's live region.
      await expect.poll(() => page.locator('.combobox [role="status"]').first().innerText()).toBe('Pakistan added.');

      // A name that is not in the list is offered as a new tag.
      await page.keyboard.type('Desalination');
      await listbox.getByRole('option', { name: 'Create tag “Desalination”' }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(chosenTags.allInnerTexts()).resolves.toEqual(['Ports', 'Trade', 'Pakistan', 'Desalination']);
      await expect(page.getByRole('button', { name: 'Remove Desalination' }).count()).resolves.toBe(1);

      // Escape closes the list and keeps the text; a second Escape clears the text.
      await page.keyboard.type('Bank');
      await listbox.getByRole('option', { name: /Banking regulation/ }).waitFor();
      await page.keyboard.press('Escape');
      await expect(listbox.isHidden()).resolves.toBe(true);
      await expect(tags.inputValue()).resolves.toBe('Bank');
      await page.keyboard.press('Escape');
      await expect(tags.inputValue()).resolves.toBe('');
      // The form still carries one comma-separated field, as without the script.
      await expect(page.locator('input[name="tags"]').inputValue()).resolves.toBe('Ports, Trade, Pakistan, Desalination');

      const byline = page.getByRole('combobox', { name: 'Byline (author slugs, in order)' });
      await expect(page.locator('input[name="authors"] + .combobox .chip__label').allInnerTexts()).resolves.toEqual(['Claire Donnelly']);
      await byline.focus();
      await page.keyboard.type('farah');
      await page.locator(`[id="${await byline.getAttribute('aria-controls')}"]`).getByRole('option', { name: /Farah Siddiqui/ }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page.locator('input[name="authors"]').inputValue()).resolves.toBe('claire-donnelly, farah-siddiqui');

      await page.getByRole('button', { name: 'Save', exact: true }).focus();
      await Promise.all([page.waitForURL(`${base}/admin/articles/${id}?done=saved`), page.keyboard.press('Enter')]);
      const saved = (await app.store.articles.tags([id])).get(id)!.map((tag) => tag.name);
      expect(saved.sort()).toEqual(['Desalination', 'Pakistan', 'Ports', 'Trade']);
      const bylines = (await app.store.articles.bylines([id])).get(id)!.map((byline) => byline.displayName);
      expect(bylines).toEqual(['Claire Donnelly', 'Farah Siddiqui']);
      await expect(page.locator('input[name="tags"] + .combobox .chip__label').allInnerTexts()).resolves.toEqual(['Desalination', 'Pakistan', 'Ports', 'Trade']);
    });

    it('the tags page, a merge confirmation, the sections page and a section deletion pass axe', async () => {
      for (const path of ['/admin/tags', '/admin/sections']) {
        await page.goto(`${base}${path}`);
        expect(await axeViolations(page), path).toEqual([]);
      }
      await page.goto(`${base}/admin/tags`);
      await page.getByRole('link', { name: 'Merge Inflation', exact: true }).click();
      await page.getByLabel('Into the tag').selectOption({ label: 'Interest rates (3 articles)' });
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: 'Merge Inflation into Interest rates?' }).waitFor();
      expect(await axeViolations(page), 'merge confirmation').toEqual([]);
      await page.goto(`${base}/admin/sections`);
      await page.getByRole('link', { name: 'Delete Important Days', exact: true }).click();
      await page.getByRole('heading', { name: 'Delete the section Important Days?' }).waitFor();
      expect(await axeViolations(page), 'section deletion').toEqual([]);
    });

    it('moves a section up with the buttons, and the public navigation follows', async () => {
      await page.goto(`${base}/admin/sections`);
      await page.getByRole('button', { name: 'Move up: International' }).click();
      await page.waitForURL(/\/admin\/sections\?done=moved#order-\d+$/);
      await page.getByRole('button', { name: 'Move up: International' }).click();
      await page.waitForURL(/done=moved/);
      await page.goto(base);
      const top = await page.locator('nav[aria-label="Sections"] > ul > li > a').allInnerTexts();
      expect(top).toEqual(['Business', 'Defence', 'International', 'Economy', 'Important Days']);
    });

    it('reaches a subsection from the navigation at 375 px by keyboard, without JavaScript, and the header stays compact', async () => {
      const phone = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
      try {
        const reader = await phone.newPage();
        reader.setDefaultTimeout(ACTION_TIMEOUT_MS);
        await reader.goto(base);
        const header = reader.locator('header.site-header');
        const closedHeight = (await header.boundingBox())!.height;
        // At most a third of the phone's screen, so the news starts on the first screen.
        expect(closedHeight).toBeLessThanOrEqual(800 / 3);
        const nav = reader.getByRole('navigation', { name: 'Sections' });
        const banking = nav.getByRole('link', { name: 'Banking', exact: true });
        await expect(banking.isVisible()).resolves.toBe(false);

        // Tab from the Economy link to its disclosure, open it with Enter, Tab to the subsection, follow it.
        await nav.getByRole('link', { name: 'Economy', exact: true }).focus();
        await reader.keyboard.press('Tab');
        const disclosure = reader.locator('summary', { hasText: 'Economy: subsections' });
        await expect(disclosure.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
        await reader.keyboard.press('Enter');
        await expect(banking.isVisible()).resolves.toBe(true);
        // The open list lies over the page: the header keeps its height, and nothing scrolls sideways.
        expect((await header.boundingBox())!.height).toBe(closedHeight);
        const box = (await reader.locator('.site-nav__panel').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(375);
        const widths = await reader.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.scroll).toBeLessThanOrEqual(widths.client);
        await reader.keyboard.press('Tab');
        await expect(banking.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
        await Promise.all([reader.waitForURL(`${base}/category/banking`), reader.keyboard.press('Enter')]);
        await expect(reader.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Banking');
      } finally {
        await phone.close();
      }
      // axe needs a script of its own: the same page and open menu, with JavaScript on.
      const checked = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } });
      try {
        const reader = await checked.newPage();
        await reader.goto(base);
        await reader.locator('summary', { hasText: 'Economy: subsections' }).focus();
        await reader.keyboard.press('Enter');
        await reader.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Banking', exact: true }).waitFor();
        expect(await axeViolations(reader), 'home with the menu open').toEqual([]);
      } finally {
        await checked.close();
      }
    });
  });
}
