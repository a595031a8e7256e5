/**
 * Search benchmark (issue 10): the real server, uncached (NEWSDESK_CACHE_MB=0), asked a mix of queries one at
 * a time: common words, rare words, two words, phrases, prefixes, filters, a deep page, and words that match
 * nothing. Prints p50/p95/p99 per kind and for the whole mix. Then checks that searching does not stall other
 * requests: cached article pages under load alone, and again while 4 clients search common words (each query
 * made unique with an exclusion of a word nobody wrote, so the page cache cannot answer it). A report, never a test.
 *
 *   tsx bench/search.ts --existing URL [--rounds N]      (a database filled by `newsdesk bench-data`)
 *   tsx bench/search.ts [--articles N] [--database-url URL]   (generates a fresh one, as bench/run.ts does)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticles } from '../src/app/bench-data/generate-articles.js';
import { createStore, type StoreHandle } from '../src/storage/create-store.js';
import { createBenchDatabase, existingDatabase } from './database.js';
import { runScenario, type Row, type Scenario } from './load.js';
import { freePort, killAllChildren, startChild, waitForHttp } from './processes.js';
import { median, runWrkScenario, wrkVersion } from './wrk.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_MAIN = join(ROOT, 'dist', 'app', 'main.js');
const log = (text: string) => process.stderr.write(`${text}\n`);

interface Query {
  kind: string;
  path: string;
}

function options() {
  // Options meant for bench/run.ts alone (npm run bench passes the same to both) are ignored here.
  const { values } = parseArgs({
    strict: false,
    options: {
      articles: { type: 'string' },
      rounds: { type: 'string' },
      existing: { type: 'string' },
      'database-url': { type: 'string' },
      duration: { type: 'string' },
    },
  });
  const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
  const int = (raw: string | undefined, fallback: number) => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`Expected a whole number, got ${raw}.`);
    return value;
  };
  return {
    articles: int(text(values.articles), 10_000),
    rounds: int(text(values.rounds), 8),
    duration: int(text(values.duration), 5),
    existing: text(values.existing),
    databaseUrl: text(values['database-url']),
  };
}

/** Words of the generated corpus by how many documents hold them (search_words), for each kind of query. */
async function pickQueries(store: StoreHandle): Promise<Query[]> {
  const band = async (min: number, max: number, n: number) =>
    (
      await store.db
        .selectFrom('search_words')
        .select('word')
        .where('docs', '>=', min)
        .where('docs', '<=', max)
        .where('word', 'like', '%a%')
        .orderBy('word')
        .limit(n)
        .execute()
    ).map((row) => row.word);
  const section = await store.db.selectFrom('categories').select('slug').orderBy('id').executeTakeFirst();
  const rare = await band(1, 20, 6);
  const middling = await band(200, 3000, 6);
  const now = new Date();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  const search = (kind: string, q: string, extra = '') => ({ kind, path: `/search?q=${encodeURIComponent(q)}${extra}` });
  return [
    ...['council', 'harbour', 'budget', 'railway', 'school', 'election'].map((q) => search('common word', q)),
    ...rare.map((q) => search('rare word', q)),
    ...middling.map((q) => search('middling word', q)),
    ...['council budget', 'harbour railway', 'school election', `budget ${middling[0] ?? 'tariff'}`, `${rare[0] ?? 'tram'} council`].map((q) =>
      search('two words', q),
    ),
    ...['"railway plan"', '"council budget"', '"local harbour"', '"talks in"', `"${middling[1] ?? 'flood'} council"`].map((q) => search('phrase', q)),
    ...['harb*', 'counc*', 'sch*', `${(middling[2] ?? 'tariff').slice(0, 4)}*`].map((q) => search('prefix', q)),
    ...['council -railway', 'budget -harbour -school'].map((q) => search('exclusion', q)),
    search('filtered', 'council', section ? `&section=${section.slug}` : ''),
    search('filtered', 'budget', `&from=${weekAgo}`),
    search('filtered', 'harbour', '&sort=date'),
    ...['council', 'budget'].map((q) => search('page 25', q, '&page=25')),
    ...['qqxzv', 'zzyzx wombat', '"council wombat"'].map((q) => search('no match', q)),
  ];
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timeQueries(origin: string, queries: readonly Query[], rounds: number): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>();
  // One warm-up round: the first answer of each statement pays SQLite's and PostgreSQL's planning.
  for (const query of queries) await (await fetch(origin + query.path)).arrayBuffer();
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const started = performance.now();
      const response = await fetch(origin + query.path);
      await response.arrayBuffer();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`${query.path} answered ${response.status}`);
      for (const kind of [query.kind, 'ALL (the mix)']) {
        const list = times.get(kind) ?? [];
        list.push(elapsed);
        times.set(kind, list);
      }
    }
  }
  return times;
}

const STALL_ROUNDS = 3;
const STALL_WARMUP_SECONDS = 5;

/** Each figure the median of the rounds' (throughput, p50, p99 each on its own). */
function medianRow(rows: readonly Row[]): Row {
  return { ...rows[0]!, rps: median(rows.map((row) => row.rps)), p50: median(rows.map((row) => row.p50)), p99: median(rows.map((row) => row.p99)) };
}

/** Clients searching common words back to back until `stop` resolves; returns how many searches they made. */
async function searchLoad(origin: string, clients: number, stop: Promise<void>): Promise<number> {
  let running = true;
  void stop.then(() => (running = false));
  let done = 0;
  const words = ['council', 'harbour', 'budget', 'railway', 'school'];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; running; i++) {
        const q = `${words[(i + client) % words.length]} -zq${client}x${i}`;
        await (await fetch(`${origin}/search?q=${encodeURIComponent(q)}`)).arrayBuffer();
        done++;
      }
    }),
  );
  return done;
}

async function startServer(name: string, url: string, env: Record<string, string>) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = startChild(name, process.execPath, ['--max-semi-space-size=4', '--max-old-space-size=256', SERVER_MAIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    ...process.env,
    DATABASE_URL: url,
    NEWSDESK_DEMO_CONTENT: 'off',
    NEWSDESK_LOG_LEVEL: 'warn',
    ...env,
  });
  await waitForHttp(`${origin}/healthz`, child);
  return { child, origin };
}

async function main(): Promise<void> {
  const opts = options();
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run "npm run build" first.`);
  const database = opts.existing ? existingDatabase(opts.existing) : createBenchDatabase(opts.databaseUrl);
  const store = await createStore(database.config);
  try {
    await store.migrate();
    if (!opts.existing) {
      log(`Generating ${opts.articles} articles…`);
      await generateArticles({ store, count: opts.articles, now: new Date() });
    }
    const articles = await store.articles.count();
    const queries = await pickQueries(store);
    const article = await store.db.selectFrom('articles').select('slug').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await store.close();

    const plain = await startServer('newsdesk (no page cache)', database.url, { NEWSDESK_CACHE_MB: '0' });
    log(`Timing ${queries.length} queries × ${opts.rounds} rounds, one at a time, uncached…`);
    const times = await timeQueries(plain.origin, queries, opts.rounds);
    plain.child.stop();

    const cached = await startServer('newsdesk (cached)', database.url, {});
    const page = { name: 'article, cached', origin: cached.origin, paths: [`/${article.slug}`], pid: cached.child.pid };
    // wrk (a separate C process, microsecond latencies) when installed; autocannon shares this process with the
    // searching clients and rounds latencies to whole milliseconds.
    const wrk = wrkVersion();
    const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-search-bench-'));
    const load = (scenario: Scenario, warmup = 0) => (wrk ? runWrkScenario(scenario, { connections: 10, duration: opts.duration, warmup, scratch }) : runScenario(scenario, 10, opts.duration));
    const besidePage = { ...page, name: 'article, cached, while 4 clients search' };
    /** Article pages under load while `clients` search, until the load ends. */
    const whileSearching = async (run: () => Promise<Row>): Promise<{ row: Row; searches: number; seconds: number }> => {
      let finish: () => void = () => undefined;
      const stop = new Promise<void>((resolve) => (finish = resolve));
      const searching = searchLoad(cached.origin, 4, stop);
      const started = performance.now();
      let row: Row;
      try {
        row = await run();
      } finally {
        finish();
      }
      return { row, searches: await searching, seconds: (performance.now() - started) / 1000 };
    };
    // Both code paths warm first (ADR 0011: one second left V8 compiling during the measured run), then the
    // two conditions alternate, so background load on this shared machine falls on both alike.
    await whileSearching(() => load(page, STALL_WARMUP_SECONDS));
    const alones: Row[] = [];
    const besides: Row[] = [];
    let searches = 0;
    let searchSeconds = 0;
    for (let round = 0; round < STALL_ROUNDS; round++) {
      alones.push(await load(page));
      const measured = await whileSearching(() => load(besidePage));
      besides.push(measured.row);
      searches += measured.searches;
      searchSeconds += measured.seconds;
    }
    rmSync(scratch, { recursive: true, force: true });
    const searchRate = searches / searchSeconds;
    const floor = wrk ? 0.001 : 1;
    const stallRatios = besides.map((row, round) => row.p99 / Math.max(alones[round]!.p99, floor));
    const alone = medianRow(alones);
    const beside = medianRow(besides);
    cached.child.stop();

    const kind = database.config.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const rows = [...times].map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return [name, String(list.length), percentile(sorted, 50).toFixed(1), percentile(sorted, 95).toFixed(1), percentile(sorted, 99).toFixed(1)];
    });
    const header = ['query kind', 'requests', 'p50 ms', 'p95 ms', 'p99 ms'];
    const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    const stall = (row: Row) => `${row.name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms`;
    process.stdout.write(
      `\nNewsdesk search benchmark: ${articles} articles, ${kind}, Node ${process.version}, uncached /search over HTTP, one request at a time\n\n` +
        [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') +
        `\n\nStalls (${wrk ?? 'autocannon'}, 10 connections on a cached article page, ${opts.duration} s each, ${STALL_ROUNDS} rounds alone and with searches in turn after a ${STALL_WARMUP_SECONDS} s warm-up; medians):\n  ${stall(alone)}\n  ${stall(beside)}` +
        `\n  searches made meanwhile: ${searchRate.toFixed(0)}/s; p99 with searches / p99 alone = ${(beside.p99 / Math.max(alone.p99, floor)).toFixed(2)}× (median p99s); round by round: ${stallRatios.map((value) => `${value.toFixed(2)}×`).join(', ')}\n`,
    );
  } finally {
    await database.drop();
  }
}

process.on('exit', killAllChildren);
try {
  await main();
} catch (error) {
  process.exitCode = 1;
  log(`\nbench/search: ${error instanceof Error ? error.message : String(error)}`);
}
