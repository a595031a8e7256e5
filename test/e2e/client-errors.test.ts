import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { loadConfig } from '../../src/config/config.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { testDatabases } from '../support/databases.js';
import { TEST_NOW, TestClock } from '../support/test-app.js';

/** Every line the application logs, parsed: pino writes one JSON object per line to this stream. */
class LogLines extends Writable {
  readonly lines: { level: number; msg?: string; err?: { stack?: string } }[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of String(chunk).split('\n')) if (line.trim() !== '') this.lines.push(JSON.parse(line));
    done();
  }
}

// pino's numbers: 30 info, 40 warn, 50 error.
const ERROR_LEVEL = 50;

for (const database of testDatabases()) {
  describe(`client errors on ${database.name}`, () => {
    let app: App;
    let drop: () => Promise<void>;
    let token: string;
    let articleId: number;
    const log = new LogLines();

    beforeAll(async () => {
      const created = await database.create();
      drop = created.drop;
      const config = { ...loadConfig({ NEWSDESK_DEMO_CONTENT: 'off', NEWSDESK_LOG_LEVEL: 'info' }), database: created.config };
      const clock = new TestClock(TEST_NOW);
      app = await createApp({ config, clock, logger: { stream: log }, jobIntervalMs: 0 });
      await seedDemo({ store: app.store, clock, markdown: createMarkdownRenderer(), excerptWords: 15 });
      token = newApiToken();
      await app.store.apiKeys.create({ name: 'desk', role: 'editor', tokenHash: hashApiToken(token) });
      articleId = (await app.store.articles.findPublicBySlug('state-bank-holds-policy-rate-as-inflation-slows', TEST_NOW))!.id;
    });
    afterAll(async () => {
      await app?.close();
      await drop?.();
    });
    afterEach(() => {
      const errors = log.lines.filter((line) => line.level >= ERROR_LEVEL);
      log.lines.length = 0;
      expect(errors, 'a client error was logged at error level').toEqual([]);
    });

    const patch = (payload: string | Buffer, contentType: string) =>
      app.server.inject({
        method: 'PATCH',
        url: `/api/v1/articles/${articleId}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        payload,
      });

    it('answers malformed JSON with 400 and says what is wrong', async () => {
      const response = await patch('{"revision": 1, "title": "unfinished', 'application/json');
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(/JSON/);
      const empty = await patch('', 'application/json');
      expect(empty.statusCode).toBe(400);
    });

    it('answers a content type the API does not take with 415', async () => {
      const response = await patch('<article><title>x</title></article>', 'application/xml');
      expect(response.statusCode).toBe(415);
      expect(response.json<{ message: string }>().message).toMatch(/application\/xml/);
      expect(response.json<{ message: string }>().message).toMatch(/application\/json/);
    });

    it('answers an oversized API body with 413', async () => {
      const huge = JSON.stringify({ revision: 1, bodyMd: 'word '.repeat(1_200_000) });
      const response = await patch(huge, 'application/json');
      expect(response.statusCode).toBe(413);
      expect(response.json<{ message: string }>().message).toMatch(/too large/i);
    });

    it('answers the newsroom forms the same way: 415 for a strange type, 413 for a huge form', async () => {
      const strange = await app.server.inject({
        method: 'POST',
        url: '/admin/login',
        headers: { 'content-type': 'text/csv' },
        payload: 'email,password\n',
      });
      expect(strange.statusCode).toBe(415);
      expect(strange.headers['content-type']).toMatch(/^text\/html/);
      expect(strange.body).toContain('text/csv');
      const huge = await app.server.inject({
        method: 'POST',
        url: '/admin/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `email=a%40b.test&password=${'x'.repeat(3 * 1024 * 1024)}`,
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.body).toMatch(/too large/i);
    });

    it('refuses cursors out of range with 400 on every archive, never a database error', async () => {
      const bad = [
        '999999999999999.1', // the year 33658: a Date JavaScript accepts and PostgreSQL does not
        '253402300800000.1', // one millisecond after 9999-12-31T23:59:59.999Z
        '1764410400000.2147483648', // an id above PostgreSQL's integer
        '1764410400000.999999999999999',
        '-1764410400000.1',
        'NaN.1',
        '1e400.1',
        'Infinity.1',
        '1764410400000.-3',
      ];
      for (const path of ['/category/international', '/tag/pakistan', '/author/imran-qadir']) {
        for (const before of bad) {
          const response = await app.server.inject({ method: 'GET', url: `${path}?before=${encodeURIComponent(before)}` });
          expect(response.statusCode, `${path}?before=${before}`).toBe(400);
          expect(response.body).toContain('before');
        }
        // The oldest and newest positions that do make sense still work.
        for (const before of ['0.1', '253402300799999.2147483647']) {
          const response = await app.server.inject({ method: 'GET', url: `${path}?before=${before}` });
          expect(response.statusCode, `${path}?before=${before}`).toBe(200);
        }
      }
    });
  });
}
