import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '../../bench/processes.js';
import type { TestDatabase } from './databases.js';
import { openTestApp, type TestApp } from './test-app.js';

import { CHROMIUM_PATH } from './required-tools.js';

export { CHROMIUM_PATH };

/** Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no background network). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disk-cache-dir=${mkdtempSync(join(tmpdir(), 'newsdesk-chromium-'))}`,
    ],
  });
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's violations on the page, one line each. The page must allow the injected script (bypassCSP). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Starts the app on a free loopback port for the browser; returns its base URL. */
export async function listenForBrowser(app: { server: { listen(options: { port: number; host: string }): Promise<string>; server: { address(): unknown } } }): Promise<string> {
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.server.address() as { port: number }).port}`;
}

/**
 * The app served at the very address it believes is its own (NEWSDESK_SITE_URL), so that forms Chromium
 * posts carry an Origin the server's same-origin check accepts.
 */
export async function openBrowserApp(database: TestDatabase, options: Parameters<typeof openTestApp>[1] = {}): Promise<{ app: TestApp; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await openTestApp(database, { ...options, env: { NEWSDESK_SITE_URL: base, ...options.env } });
  await app.server.listen({ port, host: '127.0.0.1' });
  return { app, base };
}

/** Signs in through the newsroom's real form in this page, and waits for the newsroom's first page. */
export async function signInInBrowser(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/admin`);
}

/**
 * A page of its own (a fresh context, so its own cookies) signed in as `email`, at the given window size, with
 * the one-step wait given. bypassCSP lets tests inject axe-core; the newsroom itself allows no inline script.
 */
export async function signedInPage(
  browser: Browser,
  base: string,
  input: { email: string; password: string; width: number; height: number; timeoutMs: number },
): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: input.width, height: input.height } });
  const page = await context.newPage();
  page.setDefaultTimeout(input.timeoutMs);
  await signInInBrowser(page, base, input.email, input.password);
  return page;
}
