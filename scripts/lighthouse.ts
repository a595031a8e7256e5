// Prints Lighthouse's four category scores for the home, an article and a section page, served from a fresh
// SQLite database with the demo content. Usage: npm run lighthouse [-- --form-factor desktop]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createApp } from '../src/app/create-app.js';
import { loadConfig } from '../src/config/config.js';
import { freePort } from '../bench/processes.js';

const PAGES = ['/', '/pakistan-cabinet-approves-cis-moa-with-united-states', '/category/international'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const formFactor = process.argv.includes('desktop') ? 'desktop' : 'mobile';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-lighthouse-'));
mkdirSync(join(dir, 'profile'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const app = await createApp({
  config: loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'site.sqlite')}`, NEWSDESK_SITE_URL: base, NEWSDESK_LOG_LEVEL: 'warn' }),
  logger: false,
});
await app.server.listen({ port, host: '127.0.0.1' });
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  userDataDir: join(dir, 'profile'),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  console.log(`Lighthouse (${formFactor}) against ${base}`);
  console.log(['page'.padEnd(58), ...CATEGORIES.map((c) => c.padStart(15))].join(''));
  for (const page of PAGES) {
    const result = await lighthouse(base + page, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      formFactor,
      screenEmulation: formFactor === 'desktop' ? { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false } : undefined,
    });
    if (!result) throw new Error(`no Lighthouse result for ${page}`);
    const scores = CATEGORIES.map((c) => Math.round((result.lhr.categories[c]?.score ?? 0) * 100));
    console.log([page.padEnd(58), ...scores.map((s) => String(s).padStart(15))].join(''));
    for (const category of CATEGORIES) {
      for (const ref of result.lhr.categories[category]?.auditRefs ?? []) {
        const audit = result.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`    ${category}: ${audit.id} ${audit.score} — ${audit.title}`);
        }
      }
    }
    if ((result.lhr.categories.seo?.score ?? 0) < 1) failed = true;
  }
} finally {
  await chrome.kill();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
