import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp, signInInBrowser, signedInPage } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { describeWithTool } from '../support/required-tools.js';
import { addArticle, type TestApp } from '../support/test-app.js';

/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;
const LONG_NAME = `${'harbour-panorama-'.repeat(6)}final.png`;

async function picture(colour: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } }).png().toBuffer();
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.client);
}

for (const database of testDatabases()) {
  describeWithTool('chromium', `the media library in real Chromium on ${database.name}`, () => {
    let app: TestApp;
    let browser: Browser;
    let base: string;
    let page: Page;
    let draftId: number;
    let lighthouseId: number;

    beforeAll(async () => {
      ({ app, base } = await openBrowserApp(database, { env: { NEWSDESK_MEDIA_DIR: mkdtempSync(join(tmpdir(), 'newsdesk-library-browser-')) } }));
      await makeUser(app, 'editor');
      // Two pictures uploaded over HTTP the ordinary way, each the featured picture of a draft of its own.
      const desk = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      const upload = async (title: string, alt: string, name: string, data: Buffer) => {
        await desk.get('/admin/articles/new');
        const created = await desk.post('/admin/articles', { title });
        const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
        await desk.get(`/admin/articles/${id}`);
        const revision = (await app.store.articles.findById(id))!.revision;
        const response = await desk.upload(`/admin/articles/${id}/image`, { revision, alt }, { name, type: 'image/png', data });
        expect(response.statusCode, response.body).toBe(200);
        return { articleId: id, mediaId: response.json<{ id: number }>().id };
      };
      lighthouseId = (await upload('Lighthouse keepers return', 'A white lighthouse on a rocky point at dusk', LONG_NAME, await picture({ r: 30, g: 60, b: 200 }))).mediaId;
      draftId = (await upload('Ferry crossings resume', 'The morning ferry leaving the quay', 'ferry.png', await picture({ r: 20, g: 160, b: 60 }))).articleId;

      browser = await launchChromium();
      page = await signedInPage(browser, base, { email: 'editor@newsroom.test', password: PASSWORD, width: 375, height: 800, timeoutMs: ACTION_TIMEOUT_MS });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await app?.dispose();
    });

    it('shows the library at 375 px without sideways scrolling, searches it, and passes axe', async () => {
      await page.getByRole('link', { name: 'Pictures' }).click();
      await page.waitForURL(`${base}/admin/media`);
      await expect(page.locator('.media-card').count()).resolves.toBe(2);
      await expect(page.locator('.media-card').first().innerText()).resolves.toContain('The morning ferry leaving the quay');
      await noSidewaysScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Search alt text, captions, credits and file names').fill('LIGHTHOUSE');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(`${base}/admin/media?q=LIGHTHOUSE`);
      await expect(page.locator('.media-card').count()).resolves.toBe(1);
      await expect(page.locator('.media-card').innerText()).resolves.toContain(`1200 × 800 pixels · ${LONG_NAME}`);
      await noSidewaysScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    });

    it("edits a picture's alt text and sets its focal point with a click, and the picture's page passes axe", async () => {
      await page.getByRole('link', { name: 'A white lighthouse on a rocky point at dusk' }).click();
      await page.waitForURL(`${base}/admin/media/${lighthouseId}`);
      await noSidewaysScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Alt text (what the picture shows; required)').fill('');
      // The browser's own check would stop an empty field; the server's message is what a script-less post sees.
      await page.locator('#media-alt').evaluate((field) => field.removeAttribute('required'));
      await page.getByRole('button', { name: 'Save details' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.toBe('Alt text is required: describe what the picture shows, for readers who cannot see it.');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Alt text (what the picture shows; required)').fill('A white lighthouse at dusk');
      await page.getByLabel('Caption (shown under the picture)').fill('The keepers move back in on Monday.');
      await page.getByLabel('Credit (photographer or agency)').fill('Coastal Trust');
      await page.getByRole('button', { name: 'Save details' }).click();
      await page.waitForURL(`${base}/admin/media/${lighthouseId}?done=details`);
      await expect(page.getByRole('status').first().innerText()).resolves.toBe('The alt text, caption and credit were saved.');

      // A click a quarter of the way across and three quarters down the picture.
      const box = (await page.locator('#focal-image').boundingBox())!;
      await page.locator('#focal-image').click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
      const x = Number(await page.getByLabel('Across (x)').inputValue());
      const y = Number(await page.getByLabel('Down (y)').inputValue());
      expect(Math.abs(x - 0.25)).toBeLessThan(0.02);
      expect(Math.abs(y - 0.75)).toBeLessThan(0.02);
      await expect(page.locator('.focal-cross__x').getAttribute('x1')).resolves.toBe(String(x));
      await page.getByRole('button', { name: 'Cut the versions around this point' }).click();
      await page.waitForURL(`${base}/admin/media/${lighthouseId}?done=focal`);
      const stored = (await app.store.media.findById(lighthouseId))!;
      expect(stored.focal).toEqual({ x, y });
      expect([stored.alt, stored.caption, stored.credit]).toEqual(['A white lighthouse at dusk', 'The keepers move back in on Monday.', 'Coastal Trust']);
      await noSidewaysScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    });

    it("inserts a library picture into the body at the cursor from the editor's picker, with an input event", async () => {
      await page.goto(`${base}/admin/articles/${draftId}`);
      // The body opens in the visual editor; the Markdown view (where the cursor is a textarea's) is one click away.
      await page.getByRole('button', { name: 'Markdown', exact: true }).click();
      const body = page.locator('textarea[name="bodyMd"]');
      await body.fill('The ferry left at six.\n\nPassengers cheered.');
      // What the body held at each input event (what autosave would send).
      await page.evaluate(() => {
        const area = document.querySelector<HTMLTextAreaElement>('textarea[name="bodyMd"]')!;
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        area.addEventListener('input', () => seen.push(area.value));
        area.setSelectionRange('The ferry left at six.'.length, 'The ferry left at six.'.length);
      });
      await page.getByRole('link', { name: 'Choose from the library' }).click();
      const dialog = page.getByRole('dialog', { name: 'Pictures for “Ferry crossings resume”' });
      await dialog.waitFor();
      expect(page.url()).toBe(`${base}/admin/articles/${draftId}`);
      await dialog.getByLabel('Search the library').fill('lighthouse');
      await dialog.getByRole('button', { name: 'Search' }).click();
      // The list is fetched again inside the dialog; the page stays where it is.
      await dialog.getByText('1 picture matching “lighthouse”').waitFor();
      await expect(dialog.locator('.media-card').count()).resolves.toBe(1);
      await expect(dialog.locator('details.insert-markdown').isVisible()).resolves.toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Insert into body' }).click();
      await expect(dialog.isVisible()).resolves.toBe(false);
      const expected = `The ferry left at six.\n\n![A white lighthouse at dusk](/media/pictures/${lighthouseId}.jpg)\n\nPassengers cheered.`;
      await expect(body.inputValue()).resolves.toBe(expected);
      await expect(page.evaluate(() => (window as unknown as { seen: string[] }).seen.at(-1))).resolves.toBe(expected);
      // The cursor is left just after the picture, in the body.
      await expect(body.evaluate((area: HTMLTextAreaElement) => [document.activeElement === area, area.selectionStart])).resolves.toEqual([
        true,
        expected.indexOf('\n\nPassengers'),
      ]);
      await noSidewaysScroll(page);
    });

    it('offers the Markdown to copy on the picker page itself (and without JavaScript), which passes axe', async () => {
      await page.goto(`${base}/admin/articles/${draftId}/picture`);
      await expect(page.getByRole('button', { name: 'Insert into body' }).count()).resolves.toBe(0);
      await page.locator('summary', { hasText: 'Insert into body' }).first().click();
      await expect(page.locator('details.insert-markdown[open] input').inputValue()).resolves.toMatch(/^!\[.+\]\(\/media\/pictures\/\d+\.jpg\)$/);
      await noSidewaysScroll(page);
      expect(await axeViolations(page)).toEqual([]);

      const plain = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } })).newPage();
      await signInInBrowser(plain, base, 'editor@newsroom.test', PASSWORD);
      await plain.goto(`${base}/admin/articles/${draftId}`);
      await plain.getByRole('link', { name: 'Choose from the library' }).click();
      await plain.waitForURL(`${base}/admin/articles/${draftId}/picture`);
      const card = plain.locator('.media-card', { hasText: 'A white lighthouse at dusk' });
      await card.getByRole('button', { name: 'Use as featured picture' }).click();
      await plain.waitForURL(`${base}/admin/articles/${draftId}?done=saved`);
      expect((await app.store.articles.findById(draftId))!.featuredMediaId).toBe(lighthouseId);
      await plain.context().close();
    });

    it("shows the caption and credit under a story's featured picture and a library picture in its body, and the story passes axe", async () => {
      const story = await addArticle(app, {
        title: 'Keepers return to the lighthouse',
        bodyMd: `The keepers arrived by boat.\n\n![The lighthouse from the sea](/media/pictures/${lighthouseId}.jpg)\n\nThey will stay the winter.`,
      });
      await page.goto(`${base}/admin/articles/${story.id}/picture`);
      await page.locator('.media-card', { hasText: 'A white lighthouse at dusk' }).getByRole('button', { name: 'Use as featured picture' }).click();
      // A live story: the picture waits in its working copy until Update.
      await page.waitForURL(`${base}/admin/articles/${story.id}?done=saved-pending`);
      await page.getByRole('button', { name: 'Update: publish the changes' }).click();
      await page.waitForURL(`${base}/admin/articles/${story.id}?done=updated`);

      await page.goto(`${base}/${story.slug}`);
      await expect(page.locator('figure.article__image figcaption').innerText()).resolves.toBe('The keepers move back in on Monday.\nPicture: Coastal Trust');
      const inBody = page.locator('.article__body img');
      await expect(inBody.getAttribute('alt')).resolves.toBe('The lighthouse from the sea');
      await inBody.scrollIntoViewIfNeeded();
      // The stable address leads to the picture's current file, which the browser shows.
      await expect.poll(() => inBody.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
      await noSidewaysScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
