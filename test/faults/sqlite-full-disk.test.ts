import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { loadConfig } from '../../src/config/config.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { createStore } from '../../src/storage/create-store.js';
import { DEMO_SLUG, seedSqliteFile } from '../support/seeded-sqlite.js';
import { startServerProcess, within, type ServerProcess } from '../support/processes.js';
import { TEST_NOW, TestClock } from '../support/test-app.js';

const SLUG = DEMO_SLUG;

/** pino's JSON lines, parsed. */
class LogLines extends Writable {
  readonly lines: { level: number; msg?: string }[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of String(chunk).split('\n')) if (line.trim() !== '') this.lines.push(JSON.parse(line));
    done();
  }
}

/**
 * A full disk, made honestly: `PRAGMA max_page_count` on the app's own connection to a real file makes
 * SQLite itself refuse to grow the database with SQLITE_FULL, exactly as when the disk has no room left.
 */
describe('SQLite on a full disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-full-'));
  const log = new LogLines();
  let app: App;
  let token: string;
  let id: number;

  const patch = (payload: object) =>
    app.server.inject({ method: 'PATCH', url: `/api/v1/articles/${id}`, headers: { authorization: `Bearer ${token}` }, payload });
  const current = async () =>
    (await app.server.inject({ method: 'GET', url: `/api/v1/articles/${id}`, headers: { authorization: `Bearer ${token}` } })).json<{
      revision: number;
      title: string;
      tagIds: number[];
    }>();

  beforeAll(async () => {
    const config = {
      ...loadConfig({ NEWSDESK_DEMO_CONTENT: 'off', NEWSDESK_CACHE_MB: '0', NEWSDESK_LOG_LEVEL: 'info' }),
      database: { kind: 'sqlite' as const, file: join(dir, 'site.sqlite') },
    };
    const clock = new TestClock(TEST_NOW);
    app = await createApp({ config, clock, logger: { stream: log }, jobIntervalMs: 0 });
    await seedDemo({ store: app.store, clock, markdown: createMarkdownRenderer(), excerptWords: 15 });
    token = newApiToken();
    await app.store.apiKeys.create({ name: 'desk', role: 'editor', tokenHash: hashApiToken(token) });
    id = (await app.store.articles.findPublicBySlug(SLUG, TEST_NOW))!.id;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses writes with 507 and a clear message, logs it once, keeps serving reads, loses nothing', async () => {
    // A long article saved while there is room: every later save copies its body into a new revision.
    const saved = await patch({
      revision: (await current()).revision,
      title: 'Rates held for a third month',
      bodyMd: 'The committee met again. '.repeat(10_000),
      tagNames: ['Rates'],
    });
    expect(saved.statusCode).toBe(200);
    const acknowledged = saved.json<{ revision: number; title: string; tagIds: number[] }>();

    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(app.store.db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count + 1}`).execute(app.store.db);

    // A new title fits in place but its revision does not: the disk fills half-way through the save, and
    // SQLite rolls the whole transaction back itself. Then a new tag, then a longer body.
    const attempts = [
      { title: 'Rates held, attempt 0' },
      { tagNames: ['Rates', 'Attempt 1'] },
      { title: 'Rates held, attempt 2', bodyMd: 'Paragraph 2. '.repeat(20_000), tagNames: ['Attempt 2'] },
    ];
    for (const attempt of attempts) {
      const refused = await patch({ revision: acknowledged.revision, ...attempt });
      expect(refused.statusCode).toBe(507);
      const body = refused.json<{ error: string; message: string }>();
      expect(body.error).toBe('STORAGE_FULL');
      expect(body.message).toContain('database or disk is full');
      expect(body.message).toContain('Nothing was changed');
    }
    const faultLines = log.lines.filter((line) => line.level >= 50);
    expect(faultLines.length, 'logged once, not once per request').toBe(1);
    expect(faultLines[0]!.msg).toMatch(/full/);

    // Reading still works, and shows the last acknowledged save in full: no half-written attempt.
    const page = await app.server.inject({ method: 'GET', url: `/${SLUG}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rates held for a third month');
    expect(await current()).toMatchObject({ revision: acknowledged.revision, title: acknowledged.title, tagIds: acknowledged.tagIds });
    const revisions = await app.store.db.selectFrom('revisions').select('revision').where('article_id', '=', id).execute();
    expect(Math.max(...revisions.map((row) => row.revision))).toBe(acknowledged.revision);
    expect(await app.store.db.selectFrom('tags').select('name').where('name', 'like', 'Attempt %').execute()).toEqual([]);
    expect((await app.server.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    const { rows: check } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(app.store.db);
    expect(check).toEqual([{ integrity_check: 'ok' }]);

    // Room again: the same save goes through.
    await sql.raw('pragma max_page_count = 1073741823').execute(app.store.db);
    const retried = await patch({ revision: acknowledged.revision, title: 'A long report', bodyMd: 'Paragraph. '.repeat(20_000) });
    expect(retried.statusCode).toBe(200);
  });
});

/**
 * The same on a real filesystem that fills up: a 3 MB tmpfs holding the database and its WAL, with a real
 * server process writing to it. Mounting needs root with CAP_SYS_ADMIN; without it this part is skipped
 * (the max_page_count test above covers the behaviour on every machine).
 */
const mountDir = mkdtempSync(join(tmpdir(), 'newsdesk-tmpfs-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountDir]).status === 0;
if (!mounted) rmSync(mountDir, { recursive: true, force: true });

describe.skipIf(!mounted)('SQLite on a full tmpfs, in a real server process', () => {
  const file = join(mountDir, 'site.sqlite');
  let token: string;
  let server: ServerProcess;
  let id: number;

  const save = (payload: object) =>
    fetch(`${server.url}/api/v1/articles/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });

  beforeAll(async () => {
    ({ token, articleId: id } = await seedSqliteFile(file));
    server = await startServerProcess({ env: { DATABASE_URL: `sqlite:${file}`, NEWSDESK_CACHE_MB: '0' } });
  });
  afterAll(async () => {
    await server?.stop();
    spawnSync('umount', [mountDir]);
    rmSync(mountDir, { recursive: true, force: true });
  });

  it('answers 507 when the disk fills, keeps serving reads, and keeps every acknowledged save', async () => {
    let revision = 1;
    let lastTitle = '';
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 40 && !refused; attempt++) {
      const response = await save({ revision, title: `Report ${attempt}`, bodyMd: `Figures for round ${attempt}. `.repeat(12_000) });
      if (response.status === 200) {
        ({ revision } = (await response.json()) as { revision: number });
        lastTitle = `Report ${attempt}`;
      } else refused = response;
    }
    expect(refused?.status, 'the disk filled up').toBe(507);
    expect(((await refused!.json()) as { message: string }).message).toContain('database or disk is full');
    expect(lastTitle).not.toBe('');
    expect(server.child.exitCode).toBeNull();

    const page = await fetch(`${server.url}/${SLUG}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(lastTitle);

    // More room, as an operator would make it: the same server saves again without a restart.
    expect(spawnSync('mount', ['-o', 'remount,size=64m', mountDir]).status).toBe(0);
    expect(await within(60_000, async () => (await save({ revision, title: 'Room again' })).status === 200)).toBeDefined();
    await server.stop();

    const store = await createStore({ kind: 'sqlite', file });
    try {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
      expect(rows).toEqual([{ integrity_check: 'ok' }]);
      expect((await store.articles.findById(id))?.title).toBe('Room again');
      const revisions = await store.db.selectFrom('revisions').select('revision').where('article_id', '=', id).execute();
      expect(revisions.map((row) => row.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: revision + 1 }, (_, i) => i + 1));
    } finally {
      await store.close();
    }
  }, 600_000);
});
