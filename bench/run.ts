/**
 * Load benchmark (DESIGN.md §10): generates articles in a fresh database, starts the real server and a
 * raw node:http "ceiling" server serving one article page's bytes as child processes, loads each scenario
 * with autocannon on 127.0.0.1 one after another, and prints a table. A report, never a test.
 *
 *   tsx bench/run.ts [--articles N] [--duration S] [--connections C] [--database-url URL]
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticles } from '../src/app/bench-data/generate-articles.js';
import { createStore } from '../src/storage/create-store.js';
import { createBenchDatabase, existingDatabase, pickTargets, type Targets } from './database.js';
import { formatTable, runScenario, stopLoad, type Row, type Scenario } from './load.js';
import { freePort, killAllChildren, RAW_SERVER_SCRIPT, startChild, waitForHttp } from './processes.js';
import { runWrkRounds, runWrkScenario, wrkVersion } from './wrk.js';

const USAGE = `Usage: tsx bench/run.ts [--articles N] [--duration S] [--connections C] [--database-url URL]
  --articles N        articles to generate (default 10000)
  --duration S        seconds of load per scenario, after a 1 s warm-up (default 5)
  --connections C     concurrent connections (default 10)
  --wrk-connections C connections of the wrk article scenarios (default 50; they run when wrk is installed)
  --wrk-only          run only the wrk article scenarios
  --wrk-duration S    seconds of each wrk run (default 15), after a 5 s warm-up per server
  --wrk-rounds N      times the wrk ceiling and cached article alternate (default 3; medians reported)
  --database-url URL  postgres://… (a fresh schema is made and dropped) or sqlite:<new file>;
                      default a temp SQLite file
  --existing URL      benchmark a database that already holds articles (e.g. one filled by
                      newsdesk bench-data); nothing is generated or dropped; --articles is ignored
`;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_MAIN = join(ROOT, 'dist', 'app', 'main.js');
const SPREAD = 500;
/**
 * Seconds of wrk load each server gets before it is measured. One second left V8 compiling the render path
 * during the measured run: uncached pages measured 990 req/s with p99 1.2 s cold and 1,670 req/s with
 * p99 71 ms warm, same server, same command (ADR 0011).
 */
const WRK_WARMUP_SECONDS = 5;

function options(): { articles: number; duration: number; connections: number; wrkConnections: number; wrkDuration: number; wrkRounds: number; wrkOnly: boolean; databaseUrl?: string; existing?: string } {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'wrk-connections': { type: 'string' },
      'wrk-only': { type: 'boolean' },
      'wrk-duration': { type: 'string' },
      'wrk-rounds': { type: 'string' },
      'database-url': { type: 'string' },
      existing: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, fallback: number, min: number, max: number): number => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}.\n\n${USAGE}`);
    return value;
  };
  return {
    articles: int('articles', values.articles, 10_000, 1, 10_000_000),
    duration: int('duration', values.duration, 5, 1, 600),
    connections: int('connections', values.connections, 10, 1, 1000),
    wrkConnections: int('wrk-connections', values['wrk-connections'], 50, 1, 1000),
    wrkDuration: int('wrk-duration', values['wrk-duration'], 15, 1, 600),
    wrkRounds: int('wrk-rounds', values['wrk-rounds'], 3, 1, 20),
    wrkOnly: values['wrk-only'] ?? false,
    ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
    ...(values.existing ? { existing: values.existing } : {}),
  };
}

/** Newest modification time of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const log = (text: string) => process.stderr.write(`${text}\n`);
const cleanups: Array<() => Promise<unknown>> = [];
let interrupted = false;

async function cleanup(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) await step().catch((error: unknown) => log(`cleanup: ${String(error)}`));
}

interface Target {
  origin: string;
  pid: number;
}

function scenarios(cached: Target, uncached: Target, ceiling: Target, targets: Targets): Scenario[] {
  const on = (server: Target, name: string, paths: string[]): Scenario => ({ name, origin: server.origin, paths, pid: server.pid });
  const category = `/category/${encodeURIComponent(targets.categorySlug)}`;
  const article = `/${encodeURIComponent(targets.articleSlug)}`;
  return [
    on(ceiling, 'ceiling (raw node:http)', ['/']),
    on(cached, 'article, cached', [article]),
    on(uncached, 'article, uncached', [article]),
    on(uncached, `article, uncached, ${targets.slugs.length} slugs`, targets.slugs.map((slug) => `/${encodeURIComponent(slug)}`)),
    on(cached, 'home, cached', ['/']),
    on(uncached, 'home, uncached', ['/']),
    on(uncached, 'category p1, uncached', [category]),
    on(uncached, 'category 90% back, uncached', [`${category}?before=${encodeURIComponent(targets.deepCursor)}`]),
    on(uncached, 'tag p1, uncached', [`/tag/${encodeURIComponent(targets.tagSlug)}`]),
    on(cached, 'RSS, cached', ['/rss.xml']),
    on(uncached, 'RSS, uncached', ['/rss.xml']),
  ];
}

/** The article scenarios wrk runs at many connections, beside the same ceiling. */
function wrkScenarios(cached: Target, uncached: Target, uncachedTwo: Target, ceiling: Target, targets: Targets): Scenario[] {
  const on = (server: Target, name: string, paths: string[]): Scenario => ({ name, origin: server.origin, paths, pid: server.pid });
  const slugs = targets.slugs.map((slug) => `/${encodeURIComponent(slug)}`);
  return [
    on(ceiling, 'wrk: ceiling (raw node:http)', ['/']),
    on(cached, 'wrk: article, cached', [`/${encodeURIComponent(targets.articleSlug)}`]),
    on(uncached, `wrk: article, uncached, ${targets.slugs.length} slugs`, slugs),
    on(uncachedTwo, `wrk: article, uncached, ${targets.slugs.length} slugs, serve --workers 2`, slugs),
  ];
}

/** Starts `newsdesk serve` from dist/ and returns it once /healthz answers, with how long that took. */
async function startServer(name: string, databaseUrl: string, extraEnv: Record<string, string>, extraArgs: string[] = []) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  // The same V8 flag the `newsdesk` executable's first line and `npm start` pass.
  const server = startChild(name, process.execPath, ['--max-semi-space-size=4', '--max-old-space-size=256', SERVER_MAIN, 'serve', '--port', String(port), '--host', '127.0.0.1', ...extraArgs], {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEWSDESK_DEMO_CONTENT: 'off',
    NEWSDESK_LOG_LEVEL: 'warn',
    ...extraEnv,
  });
  cleanups.push(() => server.stop());
  await waitForHttp(`${origin}/healthz`, server);
  return { server, origin, startMs: performance.now() - startedAt };
}

async function main(): Promise<void> {
  const opts = options();
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run "npm run build" (or "npm run bench", which builds first).`);
  if (newestMtime(join(ROOT, 'src')) > statSync(SERVER_MAIN).mtimeMs) log('Note: src/ has changes newer than dist/; the server under test is the built one.');

  const database = opts.existing ? existingDatabase(opts.existing) : createBenchDatabase(opts.databaseUrl);
  cleanups.push(() => database.drop());
  const store = await createStore(database.config);
  let storeOpen = true;
  cleanups.push(async () => storeOpen && (await store.close()));
  await store.migrate();
  if (opts.existing) {
    opts.articles = await store.articles.count();
    log(`Using ${opts.articles} existing articles.`);
  } else {
    const started = performance.now();
    await generateArticles({
      store,
      count: opts.articles,
      now: new Date(),
      onProgress: (done) => process.stderr.isTTY && process.stderr.write(`\rGenerating articles: ${done}/${opts.articles}`),
    });
    log(`${process.stderr.isTTY ? '\r' : ''}Generated ${opts.articles} articles in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  const targets = await pickTargets(store, SPREAD);
  storeOpen = false;
  await store.close();

  const { server, origin, startMs } = await startServer('newsdesk server (cached)', database.url, {});
  const plain = await startServer('newsdesk server (no page cache)', database.url, { NEWSDESK_CACHE_MB: '0' });

  const articleResponse = await fetch(`${origin}/${encodeURIComponent(targets.articleSlug)}`);
  const articleBytes = Buffer.from(await articleResponse.arrayBuffer());
  if (articleResponse.status !== 200) throw new Error(`The article page answered ${articleResponse.status}:\n${articleBytes.toString('utf8').slice(0, 2000)}`);
  const contentType = articleResponse.headers.get('content-type') ?? 'text/html; charset=utf-8';
  const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-bench-ceiling-'));
  cleanups.push(async () => rmSync(scratch, { recursive: true, force: true }));
  writeFileSync(join(scratch, 'raw-server.mjs'), RAW_SERVER_SCRIPT);
  writeFileSync(join(scratch, 'body.html'), articleBytes);
  const rawPort = await freePort();
  const ceiling = startChild('raw node:http server', process.execPath, [join(scratch, 'raw-server.mjs'), join(scratch, 'body.html'), contentType, String(rawPort)], process.env);
  cleanups.push(() => ceiling.stop());
  const ceilingOrigin = `http://127.0.0.1:${rawPort}`;
  await waitForHttp(`${ceilingOrigin}/`, ceiling);

  const rows: Row[] = [];
  const list = opts.wrkOnly ? [] : scenarios(
    { origin, pid: server.pid },
    { origin: plain.origin, pid: plain.server.pid },
    { origin: ceilingOrigin, pid: ceiling.pid },
    targets,
  );
  for (const scenario of list) {
    if (interrupted) return;
    const probe = await fetch(`${scenario.origin}${scenario.paths[0]}`);
    const size = (await probe.arrayBuffer()).byteLength;
    log(`Running "${scenario.name}" (${scenario.paths[0]}${scenario.paths.length > 1 ? ', …' : ''}): first answer ${probe.status}, ${size} bytes`);
    rows.push(await runScenario(scenario, opts.connections, opts.duration));
    for (const child of [server, plain.server]) {
      if (child.exited()) throw new Error(`A server exited during "${scenario.name}":\n${child.output()}`);
    }
  }

  const wrk = wrkVersion();
  const wrkRows: Row[] = [];
  if (!wrk) log('wrk is not installed (e.g. apt-get install wrk): skipping the wrk article scenarios.');
  // Two processes sharing the port (`serve --workers 2`), cache off: what a second core buys uncached pages.
  const two = wrk ? await startServer('newsdesk server (no page cache, 2 workers)', database.url, { NEWSDESK_CACHE_MB: '0' }, ['--workers', '2']) : undefined;
  const twoTarget = two ? { origin: two.origin, pid: two.server.pid } : { origin: plain.origin, pid: plain.server.pid };
  const wrkOptions = { connections: opts.wrkConnections, duration: opts.wrkDuration, warmup: WRK_WARMUP_SECONDS, scratch };
  let wrkRatios: number[] = [];
  if (wrk && !interrupted) {
    const [ceilingRow, cachedRow, ...uncachedRows] = wrkScenarios({ origin, pid: server.pid }, { origin: plain.origin, pid: plain.server.pid }, twoTarget, { origin: ceilingOrigin, pid: ceiling.pid }, targets);
    log(`Running "${ceilingRow!.name}" and "${cachedRow!.name}" in turn, ${opts.wrkRounds} rounds, ${opts.wrkConnections} connections`);
    const pair = await runWrkRounds([ceilingRow!, cachedRow!], { ...wrkOptions, rounds: opts.wrkRounds });
    wrkRows.push(...pair.rows);
    wrkRatios = pair.ratios;
    for (const scenario of uncachedRows) {
      if (interrupted) return;
      log(`Running "${scenario.name}" with ${opts.wrkConnections} connections`);
      wrkRows.push(await runWrkScenario(scenario, wrkOptions));
    }
  }

  const kind = database.config.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  process.stdout.write(
    `\nNewsdesk benchmark: ${opts.articles} articles, ${kind}, Node ${process.version}, ` +
      `${opts.connections} connections, ${opts.duration} s per scenario (after 1 s warm-up), article page ${articleBytes.length} bytes\n\n` +
      `${rows.length > 0 ? `${formatTable(rows, rows[0]!.rps)}\n\n` : ''}` +
      `Start-up until /healthz answered: ${startMs.toFixed(0)} ms (cached server), ${plain.startMs.toFixed(0)} ms (no page cache).\n` +
      `"uncached" rows hit a second server started with NEWSDESK_CACHE_MB=0, so every request renders from the database.\n`,
  );
  if (wrkRows.length > 0) {
    process.stdout.write(
      `\n${wrk}, ${opts.wrkConnections} connections, 2 threads, ${opts.wrkDuration} s per run after a ${WRK_WARMUP_SECONDS} s warm-up of each server; ` +
        `the ceiling and the cached article alternate ${opts.wrkRounds} times (medians shown); ratios against the wrk ceiling row:\n\n${formatTable(wrkRows, wrkRows[0]!.rps)}\n` +
        `cached article ÷ ceiling, round by round: ${wrkRatios.map((value) => value.toFixed(2)).join(', ')}\n`,
    );
  } else process.stdout.write('\nwrk scenarios skipped: wrk is not installed.\n');
  const serverLines = server.output().split('\n').filter((line) => line.trim() !== '' && !line.startsWith('Newsdesk is serving'));
  if (serverLines.length > 0) process.stdout.write(`\nServer output (last lines):\n${serverLines.slice(-20).join('\n')}\n`);
}

process.on('exit', killAllChildren);
function interrupt(): void {
  interrupted = true;
  log('\nInterrupted: stopping.');
  stopLoad();
  setTimeout(() => process.exit(130), 10_000).unref();
  void cleanup().finally(() => process.exit(130));
}
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  if (!interrupted) log(`\nbench: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanup();
}
