/**
 * Start-up time and resident memory with a full page cache, on a database that already holds articles
 * (fill one with `newsdesk bench-data --articles 100000`). Starts `newsdesk serve` from dist/ with the
 * flags `npm start` uses, times it from spawn to /healthz and to the first article page, then requests
 * distinct article pages (more than the cache holds, so it fills and evicts) and reads the server's RSS.
 * The same is done with the cache off, so the difference is what the cache costs. A report, never a test.
 *
 *   tsx bench/memory.ts --existing sqlite:./data/big.sqlite [--pages 6000] [--cache-mb 16]
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createStore } from '../src/storage/create-store.js';
import { existingDatabase } from './database.js';
import { freePort, killAllChildren, rssMb, startChild, waitForHttp } from './processes.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_MAIN = join(ROOT, 'dist', 'app', 'main.js');

const { values } = parseArgs({ options: { existing: { type: 'string' }, pages: { type: 'string' }, 'cache-mb': { type: 'string' } } });
if (!values.existing) {
  process.stderr.write('Usage: tsx bench/memory.ts --existing URL [--pages N] [--cache-mb MB]\n');
  process.exit(2);
}
const pages = Number(values.pages ?? 6000);
const cacheMb = Number(values['cache-mb'] ?? 16);

const database = existingDatabase(values.existing);
const store = await createStore(database.config);
const count = await store.articles.count();
const slugs = (await store.db.selectFrom('articles').select('slug').where('status', '=', 'published').orderBy('id', 'desc').limit(pages).execute()).map((row) => row.slug);
await store.close();

async function measure(megabytes: number) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const server = startChild(`newsdesk (cache ${megabytes} MB)`, process.execPath, ['--max-semi-space-size=4', '--max-old-space-size=256', SERVER_MAIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    ...process.env,
    DATABASE_URL: database.url,
    NEWSDESK_DEMO_CONTENT: 'off',
    NEWSDESK_LOG_LEVEL: 'warn',
    NEWSDESK_CACHE_MB: String(megabytes),
  });
  try {
    await waitForHttp(`${origin}/healthz`, server, 60_000);
    const healthMs = performance.now() - started;
    const first = await fetch(`${origin}/${encodeURIComponent(slugs[0]!)}`);
    await first.arrayBuffer();
    const firstPageMs = performance.now() - started;
    const idle = rssMb(server.pid);
    // Eight readers at a time, each page once, compressed as browsers ask for it.
    let next = 0;
    const reader = async () => {
      while (next < slugs.length) {
        const response = await fetch(`${origin}/${encodeURIComponent(slugs[next++]!)}`, { headers: { 'accept-encoding': 'br, gzip' } });
        await response.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 8 }, reader));
    const full = rssMb(server.pid);
    next = 0;
    await Promise.all(Array.from({ length: 8 }, reader));
    return { healthMs, firstPageMs, idle, full, again: rssMb(server.pid), status: first.status };
  } finally {
    await server.stop();
  }
}

process.on('exit', killAllChildren);
const mb = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(0));
const kind = database.config.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
process.stdout.write(`${count} articles, ${kind}; ${slugs.length} distinct article pages requested twice, 8 at a time\n\n`);
process.stdout.write('cache MB  start to /healthz  start to first article  RSS idle  RSS after 1st pass  RSS after 2nd pass\n');
for (const megabytes of [0, cacheMb]) {
  const row = await measure(megabytes);
  if (row.status !== 200) throw new Error(`The first article answered ${row.status}.`);
  process.stdout.write(
    `${String(megabytes).padStart(8)}  ${`${row.healthMs.toFixed(0)} ms`.padStart(16)}  ${`${row.firstPageMs.toFixed(0)} ms`.padStart(22)}  ` +
      `${mb(row.idle).padStart(8)}  ${mb(row.full).padStart(18)}  ${mb(row.again).padStart(18)}\n`,
  );
}
