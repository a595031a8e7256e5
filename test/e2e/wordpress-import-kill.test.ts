import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config/config.js';
import { createStore, type StoreHandle } from '../../src/storage/create-store.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';

const FILE = `${CORPUS_DIR}wxr/themeunittestdata.wordpress.xml`;
const KILL_POINTS = 20;
/** Kill points per fresh database. */
const KILLS_PER_ROUND = 5;

/**
 * The command as installed: dist/app/main.js with the V8 flags of its first line. The build is brought up to
 * date once first (a no-op when dist/ is current, as after `npm ci`), so the process runs today's source; it
 * starts in half the time tsx needs, and this test starts some fifty processes.
 */
const MAIN = 'dist/app/main.js';
let mainArgs: string[] = [];
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  const flags = /^#!.*\bnode\b(.*)$/.exec(readFileSync(MAIN, 'utf8').split('\n', 1)[0] ?? '')?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
  mainArgs = [...flags, MAIN];
}, 180_000);

function databaseUrl(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `sqlite:${config.file}`;
  const url = new URL(config.url);
  if (config.schema) url.searchParams.set('schema', config.schema);
  return url.toString();
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from spawn to the first progress line (the first post being written), and to exit. */
  firstProgressMs: number | undefined;
  ms: number;
  stderr: string;
}

/**
 * `newsdesk import wordpress FILE` as a real process. `killWhen` is polled every 10 ms while it runs; the
 * first time it says so, the process gets SIGKILL.
 */
function importProcess(env: Record<string, string>, killWhen?: (elapsedMs: number) => Promise<boolean>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...mainArgs, 'import', 'wordpress', FILE], {
      env: { ...process.env, NEWSDESK_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let firstProgressMs: number | undefined;
    let exited = false;
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
      if (firstProgressMs === undefined && /items/.test(stderr)) firstProgressMs = Date.now() - started;
    });
    const poll = async () => {
      while (!exited && killWhen) {
        if (await killWhen(Date.now() - started).catch(() => false)) {
          child.kill('SIGKILL');
          return;
        }
        await new Promise((next) => setTimeout(next, 10));
      }
    };
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal, firstProgressMs, ms: Date.now() - started, stderr });
    });
    void poll();
  });
}

/** What a reader and the newsroom would see of the import, by natural keys (ids may differ after a rollback). */
async function endState(store: StoreHandle): Promise<unknown> {
  const db = store.db;
  const categories = await db.selectFrom('categories').select(['id', 'slug', 'name', 'parent_id']).execute();
  const categorySlug = new Map(categories.map((row) => [row.id, row.slug]));
  const users = await db.selectFrom('users').select(['id', 'slug', 'display_name', 'email', 'role', 'password_hash']).execute();
  const userSlug = new Map(users.map((row) => [row.id, row.slug]));
  const tags = await db.selectFrom('tags').select(['id', 'slug', 'name']).execute();
  const tagSlug = new Map(tags.map((row) => [row.id, row.slug]));
  const articles = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'title', 'status', 'published_at', 'body_md', 'body_html', 'excerpt', 'primary_category_id'])
    .execute();
  const articleSlug = new Map(articles.map((row) => [row.id, row.slug]));
  const links = async (table: 'article_tags' | 'article_authors', column: 'tag_id' | 'user_id', names: Map<number, string>) =>
    (await db.selectFrom(table).selectAll().execute())
      .map((row) => {
        const link = row as unknown as Record<string, number>;
        return `${articleSlug.get(link.article_id!)} ${names.get(link[column]!)} ${link.position ?? ''}`;
      })
      .sort();
  const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();
  return {
    categories: sorted(categories.map(({ slug, name, parent_id }) => ({ slug, name, parent: parent_id === null ? null : categorySlug.get(parent_id) }))),
    users: sorted(users.map(({ id: _id, ...rest }) => rest)),
    tags: sorted(tags.map(({ slug, name }) => ({ slug, name }))),
    articles: sorted(
      articles.map(({ id: _id, primary_category_id, published_at, ...rest }) => ({
        ...rest,
        published_at: published_at === null ? null : new Date(published_at).toISOString(),
        section: primary_category_id === null ? null : categorySlug.get(primary_category_id),
      })),
    ),
    articleTags: await links('article_tags', 'tag_id', tagSlug),
    articleAuthors: await links('article_authors', 'user_id', userSlug),
    redirects: sorted(await db.selectFrom('redirects').select(['from_path', 'to_path', 'status']).execute()),
    revisions: (await db.selectFrom('revisions').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n.toString(),
  };
}

for (const database of testDatabases()) {
  describe(`WordPress import killed with SIGKILL on ${database.name}`, () => {
    const dropped: Array<() => Promise<void>> = [];
    let baseline: { state: unknown; articles: number; run: Run };

    async function freshDatabase(): Promise<{ env: Record<string, string>; store: StoreHandle }> {
      const { config, drop } = await database.create();
      const store = await createStore(config);
      await store.migrate();
      dropped.push(async () => {
        await store.close();
        await drop();
      });
      return { env: { DATABASE_URL: databaseUrl(config) }, store };
    }

    beforeAll(async () => {
      const { env, store } = await freshDatabase();
      const run = await importProcess(env);
      expect(run.code, run.stderr).toBe(0);
      baseline = { state: await endState(store), articles: await store.articles.count(), run };
    }, 120_000);
    afterAll(async () => {
      for (const drop of dropped) await drop();
    });

    it(`finishes on the next run with the same end state, from ${KILL_POINTS} random kill points`, async () => {
      // The state is cumulative (each run resumes the last), so the points are spread over rounds on fresh
      // databases: in each, one kill at a random time while authors, sections and tags are written (before the
      // first post), then kills as the database reaches random, increasing numbers of posts, each landing
      // inside the writing whatever the machine's speed; then one more run, compared with the uninterrupted one.
      const early = Math.max(1, baseline.run.firstProgressMs ?? baseline.run.ms / 2);
      let interrupted = 0;
      for (let round = 0; round < KILL_POINTS / KILLS_PER_ROUND; round++) {
        const { env, store } = await freshDatabase();
        const targets = Array.from({ length: KILLS_PER_ROUND - 1 }, () => 1 + Math.floor(Math.random() * (baseline.articles - 1))).sort((a, b) => a - b);
        const delay = Math.random() * early;
        for (const killWhen of [
          async (elapsed: number) => elapsed >= delay,
          ...targets.map((target) => async () => (await store.articles.count()) >= target),
        ]) {
          const before = await store.articles.count();
          const run = await importProcess(env, killWhen);
          expect(run.signal === 'SIGKILL' || run.code === 0, run.stderr).toBe(true);
          const after = await store.articles.count();
          // Killed after writing some posts and before the last: it stopped in the middle of real work.
          if (run.signal === 'SIGKILL' && after > before && after < baseline.articles) interrupted++;
        }
        const last = await importProcess(env);
        expect(last.code, last.stderr).toBe(0);
        expect(await endState(store)).toEqual(baseline.state);
      }
      // The kills must have interrupted real work, or this proves nothing (15 of 20 did in a run here).
      expect(interrupted).toBeGreaterThanOrEqual(KILL_POINTS / KILLS_PER_ROUND);
    }, 900_000);
  });
}
