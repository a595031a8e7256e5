import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeTime } from '../../src/core/time/relative-time.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { axeViolations, launchChromium, listenForBrowser } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { describeWithTool } from '../support/required-tools.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const PAGES = ['/', '/pakistan-cabinet-approves-cis-moa-with-united-states', '/category/international', '/search?q=pakistan'];

describeWithTool('chromium', 'the reading site in real Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // The server lives two days in the past, so every relative time it renders is stale in the browser,
    // exactly like a page served from a cache two days ago.
    app = await openTestApp(testDatabases()[0]!, { seed: false });
    app.clock.set(new Date(Date.now() - 2 * DAY));
    await seedDemo({ store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 15 });
    base = await listenForBrowser(app);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  for (const path of PAGES) {
    describe(path, () => {
      it('refreshes every relative time to the browser clock', async () => {
        const page = await browser.newPage();
        try {
          const response = await page.goto(base + path);
          expect(response?.status()).toBe(200);
          const serverTexts = [...(await response!.text()).matchAll(/data-relative[^>]*>([^<]+)</g)].map((m) => m[1]);
          await page.waitForSelector('html[data-relative-times]');
          const refreshedAt = Number(await page.getAttribute('html', 'data-relative-times'));
          const times = await page.$$eval('time[data-relative]', (nodes) =>
            nodes.map((node) => ({ iso: node.getAttribute('datetime') ?? '', text: node.textContent ?? '' })),
          );
          expect(times.length).toBeGreaterThan(0);
          expect(times).toHaveLength(serverTexts.length);
          for (const [index, time] of times.entries()) {
            expect(time.text).toBe(relativeTime(new Date(time.iso), new Date(refreshedAt), 'en-GB'));
            expect(time.text).not.toBe(serverTexts[index]);
          }
        } finally {
          await page.close();
        }
      });

      it('has no axe-core violations, in light and dark mode', async () => {
        for (const colorScheme of ['light', 'dark'] as const) {
          // bypassCSP lets the test inject axe; the site itself allows no inline script.
          const page = await browser.newPage({ colorScheme, bypassCSP: true });
          try {
            await page.goto(base + path);
            expect(await axeViolations(page), colorScheme).toEqual([]);
          } finally {
            await page.close();
          }
        }
      });

      it('fits a phone screen without sideways scrolling', async () => {
        const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
        try {
          await page.goto(base + path);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
        } finally {
          await page.close();
        }
      });
    });
  }

  it('has an axe check that does catch a violation (so a clean result means something)', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent('<html><body><img src="x.png"><a href="/x"></a></body></html>');
      const found = await axeViolations(page);
      expect(found.some((line) => line.startsWith('image-alt'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('works without JavaScript: the page is complete, times are already written', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(base + PAGES[1]);
      expect(await page.textContent('h1')).toContain('Pakistan');
      expect(await page.$$eval('time[data-relative]', (nodes) => nodes.every((n) => (n.textContent ?? '').length > 0))).toBe(true);
      expect(await page.getAttribute('html', 'data-relative-times')).toBeNull();
    } finally {
      await context.close();
    }
  });
});
