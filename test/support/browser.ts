import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium && process.env.CI) {
  // On a developer machine without Chromium the browser tests skip; in CI that would hide them.
  throw new Error(`CI: ${CHROMIUM_PATH} is missing; .ci/run installs the Debian package chromium.`);
}

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
