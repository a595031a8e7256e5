import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp, signedInPage } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { makeUser, PASSWORD } from '../support/admin-session.js';
import { describeWithTool } from '../support/required-tools.js';
import type { TestApp } from '../support/test-app.js';

/** Longest wait for one browser step; only catches a hang. */
const ACTION_TIMEOUT_MS = 90_000;
const HEADLINE = 'Storm shelters open along the coast';

describeWithTool('chromium', 'the visual editor in real Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const database of testDatabases()) {
    describe(`on ${database.name}`, () => {
      let app: TestApp;
      let base: string;
      let page: Page;
      let id: number;
      const body = () => page.locator('textarea[name="bodyMd"]');
      const markdown = () => body().inputValue();
      const editable = () => page.getByRole('textbox', { name: 'Body', exact: true });
      const button = (name: string) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });

      beforeAll(async () => {
        ({ app, base } = await openBrowserApp(database));
        await makeUser(app, 'editor');
        page = await signedInPage(browser, base, { email: 'editor@newsroom.test', password: PASSWORD, width: 1280, height: 900, timeoutMs: ACTION_TIMEOUT_MS });
        await page.goto(`${base}/admin/articles/new`);
        await page.getByLabel('Headline').fill(HEADLINE);
        await page.getByRole('button', { name: 'Start the draft' }).click();
        await page.waitForURL(/\/admin\/articles\/\d+$/);
        id = Number(/\/admin\/articles\/(\d+)/.exec(page.url())![1]);
      }, 300_000);

      afterAll(async () => {
        await page?.context().close();
        await app?.dispose();
      });

      it('opens in visual mode, with the Markdown textarea hidden, and passes axe', async () => {
        await expect(page.getByRole('button', { name: 'Visual', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
        await expect(page.getByRole('button', { name: 'Markdown', exact: true }).getAttribute('aria-pressed')).resolves.toBe('false');
        await expect(body().isHidden()).resolves.toBe(true);
        await expect(editable().isVisible()).resolves.toBe(true);
        await expect(page.locator('[data-body-stats]').innerText()).resolves.toBe('No words yet');
        expect(await axeViolations(page)).toEqual([]);
      });

      it('turns Markdown typed at the start of lines and around words into formatting, and writes Markdown back', async () => {
        await editable().click();
        await page.keyboard.type('## What officials say');
        await page.keyboard.press('Enter');
        await page.keyboard.type('Fleets are **hauled** ashore and *tied* down.');
        await page.keyboard.press('Enter');
        await page.keyboard.type('- nets stowed');
        await page.keyboard.press('Enter');
        await page.keyboard.type('boats roped');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.keyboard.type('1. call the harbour');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.keyboard.type('> Shelters are ready.');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.keyboard.type('Run `sirens` at noon.');
        await expect(page.locator('.visual-body-text h2').innerText()).resolves.toBe('What officials say');
        await expect(page.locator('.visual-body-text strong').innerText()).resolves.toBe('hauled');
        await expect(markdown()).resolves.toBe(
          [
            '## What officials say',
            'Fleets are **hauled** ashore and *tied* down.',
            '- nets stowed\n- boats roped',
            '1. call the harbour',
            '> Shelters are ready.',
            'Run `sirens` at noon.',
          ].join('\n\n'),
        );
        await expect(page.locator('[data-body-stats]').innerText()).resolves.toBe('24 words · 1 min read');
      });

      it('formats with the toolbar buttons and their keyboard shortcuts, and undoes', async () => {
        await page.keyboard.press('Enter');
        await button('Bold').click();
        await page.keyboard.type('Curfew');
        await button('Bold').click();
        await expect(button('Bold').getAttribute('aria-pressed')).resolves.toBe('false');
        await page.keyboard.type(' from ');
        await page.keyboard.press('Control+i');
        await page.keyboard.type('dusk');
        await page.keyboard.press('Control+i');
        await page.keyboard.type('. ');
        page.once('dialog', (dialog) => void dialog.accept('https://example.com/curfew'));
        await button('Link').click();
        await page.keyboard.press('Enter');
        await button('Heading 3').click();
        await page.keyboard.type('Later');
        await page.keyboard.press('Enter');
        await button('Divider').click();
        await page.keyboard.type('Oops');
        await button('Undo').click();
        await expect(markdown()).resolves.toMatch(
          /\n\n\*\*Curfew\*\* from \*dusk\*\. <https:\/\/example\.com\/curfew>\n\n### Later\n\n---$/,
        );
        await button('Redo').click();
        await expect(markdown()).resolves.toMatch(/\n\n---\n\nOops$/);
      });

      it('is used from the keyboard alone: one tab stop for the toolbar, arrows between buttons, focus back to the text', async () => {
        await editable().press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Shift+Tab');
        await expect(page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null)).resolves.toBe(true);
        await page.keyboard.press('Home');
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Bold');
        await page.keyboard.press('ArrowRight');
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Italic');
        await page.keyboard.press('Enter');
        await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('textbox');
        await page.keyboard.type('softly');
        await expect(markdown()).resolves.toMatch(/\n\n\*softly\*$/);
        // The toolbar remembers the last button used: Shift+Tab lands on Italic again.
        await page.keyboard.press('Shift+Tab');
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Italic');
        await page.keyboard.press('End');
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Redo');
        await page.keyboard.press('ArrowRight');
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Bold');
        const shortcuts = await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button').evaluateAll((buttons) =>
          buttons.map((b) => `${b.textContent}=${b.getAttribute('aria-keyshortcuts')}`),
        );
        expect(shortcuts).toEqual([
          'Bold=Control+B',
          'Italic=Control+I',
          'Link=Control+K',
          'Heading 2=Control+Alt+2',
          'Heading 3=Control+Alt+3',
          'Bulleted list=Control+Shift+8',
          'Numbered list=Control+Shift+7',
          'Quote=Control+Shift+9',
          'Code=Control+E',
          'Divider=Control+Shift+-',
          'Undo=Control+Z',
          'Redo=Control+Shift+Z',
        ]);
        expect(await axeViolations(page)).toEqual([]);
      });

      it('shows the same body as Markdown one click away, and back', async () => {
        const written = await markdown();
        await page.getByRole('button', { name: 'Markdown', exact: true }).click();
        await expect(page.getByRole('button', { name: 'Markdown', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
        await expect(page.getByRole('toolbar', { name: 'Formatting' }).isHidden()).resolves.toBe(true);
        await expect(page.getByLabel('Body (Markdown)').inputValue()).resolves.toBe(written);
        expect(await axeViolations(page)).toEqual([]);

        // Markdown typed here shows in the visual view; a picture in the body survives visual edits.
        await page.getByLabel('Body (Markdown)').fill(`${written}\n\n![Boats on the beach](/media/boats.jpg "Dawn")`);
        await expect(page.locator('[data-body-stats]').innerText()).resolves.toMatch(/^\d+ words · 1 min read$/);
        await page.getByRole('button', { name: 'Visual', exact: true }).click();
        await expect(editable().getByRole('img', { name: 'Boats on the beach' }).getAttribute('src')).resolves.toBe('/media/boats.jpg');
        await editable().press('Control+End');
        await page.keyboard.type(' Photo: desk.');
        await expect(markdown()).resolves.toBe(`${written}\n\n![Boats on the beach](/media/boats.jpg "Dawn") Photo: desk.`);
      });

      it('reads pasted plain text as Markdown', async () => {
        const before = await markdown();
        await editable().press('Control+End');
        await page.keyboard.press('Enter');
        await editable().evaluate((element) => {
          const data = new DataTransfer();
          data.setData('text/plain', 'Pasted **bold** and [a link](https://example.com/pasted).\n\n- one\n- two');
          element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        });
        await expect(markdown()).resolves.toBe(`${before}\n\nPasted **bold** and [a link](https://example.com/pasted).\n\n- one\n- two`);
        await expect(editable().locator('strong', { hasText: 'bold' }).count()).resolves.toBe(1);
      });

      it('saves; the preview has the formatting; the choice of view is remembered', async () => {
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await expect(page.getByRole('status').first().textContent()).resolves.toContain('Saved.');
        // A browser posts a textarea's line breaks as CRLF.
        const saved = (await app.store.articles.findById(id))!.bodyMd.replace(/\r\n/g, '\n');
        expect(saved).toMatch(/^## What officials say\n\nFleets are \*\*hauled\*\* ashore/);
        await expect(page.locator('[data-body-stats]').innerText()).resolves.toMatch(/^\d+ words · 1 min read$/);

        await page.goto(`${base}/admin/articles/${id}/preview`);
        const html = await page.locator('body').innerHTML();
        for (const fragment of [
          '<h2 id="what-officials-say">What officials say</h2>',
          '<strong>hauled</strong>',
          '<em>tied</em>',
          '<li>nets stowed</li>',
          '<blockquote>',
          '<code>sirens</code>',
          '<a href="https://example.com/curfew" rel="noopener">https://example.com/curfew</a>',
          '<hr>',
          '<em>softly</em>',
        ]) expect(html, fragment).toContain(fragment);

        await page.goto(`${base}/admin/articles/${id}`);
        await page.getByRole('button', { name: 'Markdown', exact: true }).click();
        await page.reload();
        await expect(page.getByRole('button', { name: 'Markdown', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
        await expect(body().isVisible()).resolves.toBe(true);
        await page.getByRole('button', { name: 'Visual', exact: true }).click();
      });

      it('works without JavaScript: the Markdown textarea and the word count computed on the server', async () => {
        const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
        try {
          const plain = await context.newPage();
          await plain.goto(`${base}/admin/articles/${id}`);
          await expect(plain.getByLabel('Body (Markdown)').isVisible()).resolves.toBe(true);
          await expect(plain.getByRole('toolbar').count()).resolves.toBe(0);
          await expect(plain.locator('[data-body-stats]').innerText()).resolves.toMatch(/^\d+ words · 1 min read$/);
        } finally {
          await context.close();
        }
      });
    });
  }
});
