/**
 * Import benchmark: the WordPress theme unit test data (../shared/corpus) repeated to N posts (each copy's
 * ids, names and addresses made unique) is imported by `newsdesk import wordpress` into a fresh database, as
 * a child process run as the executable runs (its first line's V8 flags); prints items and posts per second
 * and the child's peak resident memory.
 *
 *   npx tsx bench/import.ts [--posts 10000] [--database-url URL]
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchDatabase } from './database.js';
import { rssMb } from './processes.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'wxr', 'themeunittestdata.wordpress.xml');
const MAIN = join(ROOT, 'dist', 'app', 'main.js');

async function writeRepeated(target: string, posts: number): Promise<{ items: number; copies: number }> {
  const text = readFileSync(CORPUS, 'utf8');
  const first = text.indexOf('<item>');
  const last = text.lastIndexOf('</item>') + '</item>'.length;
  const items = text.slice(first, last);
  const postsPerCopy = (items.match(/<wp:post_type><!\[CDATA\[post\]\]><\/wp:post_type>|<wp:post_type>post<\/wp:post_type>/g) ?? []).length;
  const copies = Math.ceil(posts / postsPerCopy);
  const out = createWriteStream(target);
  const write = (chunk: string) => new Promise<void>((resolve) => (out.write(chunk) ? resolve() : out.once('drain', () => resolve())));
  await write(text.slice(0, first));
  for (let copy = 1; copy <= copies; copy++) {
    await write(
      items
        .replace(/<wp:post_id>(\d+)<\/wp:post_id>/g, (_m, id: string) => `<wp:post_id>${Number(id) + copy * 1_000_000}</wp:post_id>`)
        .replace(/<wp:post_name>(?:<!\[CDATA\[)?([^<\]]+)(?:\]\]>)?<\/wp:post_name>/g, (_m, name: string) => `<wp:post_name>${name}-${copy}</wp:post_name>`)
        .replace(/<link>([^<]+)<\/link>/g, (_m, link: string) => `<link>${link.replace(/\/?$/, `-${copy}/`)}</link>`),
    );
  }
  await write(text.slice(last));
  await new Promise<void>((resolve) => out.end(resolve));
  return { items: copies * (items.match(/<item>/g) ?? []).length, copies };
}

/** The node flags the executable's `#!/usr/bin/env -S node …` line gives it. */
function shebangFlags(file: string): string[] {
  const first = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!.*\bnode\b(.*)$/.exec(first);
  return match ? match[1]!.trim().split(/\s+/).filter(Boolean) : [];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { posts: { type: 'string' }, 'database-url': { type: 'string' } } });
  const posts = Number(values.posts ?? 10_000);
  if (!Number.isInteger(posts) || posts < 1) throw new Error('--posts must be a whole number above 0');
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first.`);
  const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-import-bench-'));
  const database = createBenchDatabase(values['database-url']);
  try {
    const file = join(scratch, 'export.xml');
    const { items, copies } = await writeRepeated(file, posts);
    process.stderr.write(`Wrote ${items.toLocaleString('en')} items (${copies} copies of the theme unit test data), ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB.\n`);
    const started = performance.now();
    // As `npx newsdesk import` runs it: with the V8 flags of the executable's first line.
    const child = spawn(process.execPath, [...shebangFlags(MAIN), MAIN, 'import', 'wordpress', file], {
      env: { ...process.env, DATABASE_URL: database.url, NEWSDESK_MEDIA_DIR: join(scratch, 'media') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let report = '';
    child.stdout.on('data', (chunk) => (report += String(chunk)));
    let peak = 0;
    const sampler = setInterval(() => {
      const rss = child.pid === undefined ? undefined : rssMb(child.pid);
      if (rss !== undefined) peak = Math.max(peak, rss);
    }, 100);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`the import exited with ${code}:\n${report}`);
    const created = Number(/articles: (\d+) new/.exec(report)?.[1] ?? 0);
    process.stdout.write(
      `\n${report}\nNewsdesk import benchmark (${database.config.kind}, Node ${process.version}): ${items.toLocaleString('en')} items, ` +
        `${created.toLocaleString('en')} posts in ${seconds.toFixed(1)} s: ${(items / seconds).toFixed(0)} items/s, ${(created / seconds).toFixed(0)} posts/s; ` +
        `peak resident memory ${peak.toFixed(0)} MB (sampled every 100 ms)\n`,
    );
  } finally {
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
