import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, openBrowserApp } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { listedArticleHrefs } from '../support/html.js';
import { describeWithTool } from '../support/required-tools.js';
import { addArticle, TEST_NOW, type TestApp } from '../support/test-app.js';

// The header search box as readers use it in real Chromium: suggestions as they type (a WAI-ARIA combobox),
// and the plain form when scripts are off. The search page's own layout is checked with axe at phone and
// desk widths, light and dark.

const WAIT_MS = 10_000;
const ago = (minutes: number) => new Date(TEST_NOW.getTime() - minutes * 60_000);

describeWithTool('chromium', 'search suggestions and the search page in real Chromium', () => {
  let app: TestApp;
  let base: string;
  let browser: Browser;
  let lighthouseHref: string;
  let stormHref: string;

  beforeAll(async () => {
    ({ app, base } = await openBrowserApp(testDatabases()[0]!));
    const lighthouse = await addArticle(app, {
      title: 'Lighthouse keepers return to the point',
      dek: 'The lamp is tended by hand again.',
      bodyMd: 'After twenty years of automation, the lighthouse on the point has keepers again.',
      categorySlug: 'international',
      tagNames: ['Coast'],
      publishedAt: ago(60),
    });
    const storm = await addArticle(app, {
      title: 'Storm closes the lighthouse road',
      bodyMd: 'The coast road to the lighthouse is shut until the weekend.',
      tagNames: ['Coast'],
      publishedAt: ago(30),
    });
    await addArticle(app, { title: '<img src=x onerror="document.title=\'pwned\'"> Gannet colony counted', publishedAt: ago(90) });
    lighthouseHref = `/${lighthouse.slug}`;
    stormHref = `/${storm.slug}`;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  async function openPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    return page;
  }

  /** Every suggestion request the page makes, by its q. */
  function watchRequests(page: Page): string[] {
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/search/suggest') asked.push(url.searchParams.get('q') ?? '');
    });
    return asked;
  }

  const box = (page: Page) => page.locator('#site-search-q');
  const options = (page: Page) => page.locator('#site-search-q-suggestions [role="option"]');

  it('offers suggestions once typing pauses, and says how many', async () => {
    const page = await openPage();
    try {
      const asked = watchRequests(page);
      await page.goto(`${base}/`);
      await expect.poll(() => box(page).getAttribute('role')).toBe('combobox');
      expect(await box(page).getAttribute('aria-expanded')).toBe('false');
      expect(await box(page).getAttribute('aria-autocomplete')).toBe('list');
      expect(await box(page).getAttribute('aria-controls')).toBe('site-search-q-suggestions');

      // One letter asks nothing.
      await box(page).pressSequentially('l');
      await page.waitForTimeout(600);
      expect(asked).toEqual([]);
      expect(await box(page).getAttribute('aria-expanded')).toBe('false');

      // Quick typing makes fewer requests than keystrokes, and the last one asks for the whole word.
      await box(page).pressSequentially('ighthous');
      await expect.poll(() => box(page).getAttribute('aria-expanded')).toBe('true');
      expect(asked.length).toBeLessThan(8);
      expect(asked.at(-1)).toBe('lighthous');
      expect(await options(page).allTextContents()).toEqual(['Storm closes the lighthouse road', 'Lighthouse keepers return to the pointInternational']);
      expect(await page.locator('#site-search-q-suggestions').getAttribute('role')).toBe('listbox');
      expect(await page.locator('.site-search [role="status"]').textContent()).toBe('2 suggestions');
      expect(await box(page).getAttribute('aria-activedescendant')).toBeNull();
    } finally {
      await page.context().close();
    }
  });

  it('moves with the arrow keys and opens the highlighted story with Enter', async () => {
    const page = await openPage();
    try {
      await page.goto(`${base}/`);
      await box(page).pressSequentially('lighthouse keep');
      await expect.poll(() => options(page).count()).toBe(1);
      await box(page).press('ArrowDown');
      const first = options(page).first();
      expect(await first.getAttribute('aria-selected')).toBe('true');
      expect(await box(page).getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
      await box(page).press('Enter');
      await page.waitForURL(`${base}${lighthouseHref}`);
    } finally {
      await page.context().close();
    }
  });

  it('wraps around with the arrow keys, and Enter with nothing highlighted submits the search', async () => {
    const page = await openPage();
    try {
      await page.goto(`${base}/`);
      await box(page).pressSequentially('lighthouse');
      await expect.poll(() => options(page).count()).toBe(2);
      await box(page).press('ArrowUp');
      expect(await box(page).getAttribute('aria-activedescendant')).toBe('site-search-q-suggestions-1');
      await box(page).press('ArrowDown');
      expect(await box(page).getAttribute('aria-activedescendant')).toBe('site-search-q-suggestions-0');
      await box(page).press('Escape');
      expect(await box(page).getAttribute('aria-activedescendant')).toBeNull();
      await box(page).press('Enter');
      await page.waitForURL(`${base}/search?q=lighthouse`);
      expect(listedArticleHrefs(await page.content())).toEqual([stormHref, lighthouseHref]);
    } finally {
      await page.context().close();
    }
  });

  it('closes with Escape and keeps what was typed', async () => {
    const page = await openPage();
    try {
      await page.goto(`${base}/`);
      await box(page).pressSequentially('lighthou');
      await expect.poll(() => box(page).getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('#site-search-q-suggestions').isVisible()).toBe(true);
      await box(page).press('Escape');
      expect(await box(page).getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#site-search-q-suggestions').isVisible()).toBe(false);
      expect(await box(page).inputValue()).toBe('lighthou');
      // Down opens it again.
      await box(page).press('ArrowDown');
      expect(await box(page).getAttribute('aria-expanded')).toBe('true');
    } finally {
      await page.context().close();
    }
  });

  it('opens a suggestion that is clicked', async () => {
    const page = await openPage();
    try {
      await page.goto(`${base}/`);
      await box(page).pressSequentially('storm');
      await expect.poll(() => options(page).count()).toBe(1);
      await options(page).first().click();
      await page.waitForURL(`${base}${stormHref}`);
    } finally {
      await page.context().close();
    }
  });

  it('drops an answer that arrives after a newer question was asked', async () => {
    const page = await openPage();
    try {
      // The first question's answer is held back until the second has been shown, then delivered (late, and made up).
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/search/suggest?*', async (route: Route) => {
        const q = new URL(route.request().url()).searchParams.get('q');
        if (q !== 'stor') return route.continue();
        await released;
        const late = { query: 'stor', suggestions: [{ title: 'A late answer', href: '/late', section: null }] };
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify(late) }).catch(() => undefined);
      });
      await page.goto(`${base}/`);
      const held = page.waitForRequest((request) => request.url().includes('q=stor'));
      await box(page).pressSequentially('stor');
      await held;
      await box(page).pressSequentially('m');
      await expect.poll(() => options(page).allTextContents()).toEqual(['Storm closes the lighthouse road']);
      release();
      await page.waitForTimeout(500);
      expect(await options(page).allTextContents()).toEqual(['Storm closes the lighthouse road']);
    } finally {
      await page.context().close();
    }
  });

  it('shows a headline with markup in it as text', async () => {
    const page = await openPage();
    try {
      await page.goto(`${base}/`);
      const title = await page.title();
      await box(page).pressSequentially('gann');
      await expect.poll(() => options(page).allTextContents()).toEqual(['<img src=x onerror="document.title=\'pwned\'"> Gannet colony counted']);
      expect(await page.locator('#site-search-q-suggestions img').count()).toBe(0);
      expect(await page.title()).toBe(title);
    } finally {
      await page.context().close();
    }
  });

  it('without JavaScript, the header box is a plain form that shows results on /search', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    try {
      await page.goto(`${base}/`);
      expect(await box(page).getAttribute('role')).toBeNull();
      await box(page).fill('lighthouse');
      await box(page).press('Enter');
      await page.waitForURL(`${base}/search?q=lighthouse`);
      // Both headlines hold the word: the newer first.
      expect(listedArticleHrefs(await page.content())).toEqual([stormHref, lighthouseHref]);
      expect(await page.locator('#site-search-q-suggestions').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  describe('axe on the search page with results and filters in force', () => {
    const SEARCH = '/search?q=lighthouse&sort=date&from=2026-01-01&to=2026-11-29&author=imran-qadir&tag=coast';
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        it(`has no violations at ${width} px in the ${colorScheme} scheme, with suggestions open too`, async () => {
          // bypassCSP lets the test inject axe; the site itself allows no inline script.
          const context = await browser.newContext({ colorScheme, bypassCSP: true, viewport: { width, height: 900 } });
          const page = await context.newPage();
          page.setDefaultTimeout(WAIT_MS);
          try {
            const response = await page.goto(base + SEARCH);
            expect(response?.status()).toBe(200);
            const html = await page.content();
            expect(listedArticleHrefs(html)).toEqual([stormHref, lighthouseHref]);
            expect(await page.locator('.search-chips__chip').allTextContents()).toEqual(['By Imran Qadir×', 'Tagged Coast×']);
            expect(await axeViolations(page), `${colorScheme} ${width}`).toEqual([]);

            // The big box on the search page is a combobox too; axe again with its list open.
            const big = page.locator('#search-q');
            await big.fill('');
            await big.pressSequentially('lighthou');
            await expect.poll(() => big.getAttribute('aria-expanded')).toBe('true');
            await big.press('ArrowDown');
            expect(await axeViolations(page), `${colorScheme} ${width}, list open`).toEqual([]);
          } finally {
            await context.close();
          }
        });
      }
    }
  });
});
