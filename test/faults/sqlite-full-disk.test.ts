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
import { TEST_NOW, TestClock } from '../support/test-app.js';

const SLUG = 'state-bank-holds-policy-rate-as-inflation-slows';

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
