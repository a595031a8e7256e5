import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/ports.js';
import { startOutboxWorker } from '../../src/jobs/outbox-worker.js';
import { createStore } from '../../src/storage/create-store.js';
import { openTestStore, testDatabases } from '../support/databases.js';
import { DEMO_SLUG, seedSqliteFile } from '../support/seeded-sqlite.js';
import { startServerProcess, within, type ServerProcess } from '../support/processes.js';

const SLUG = DEMO_SLUG;
const WAIT_MS = 60_000;
/** A hang guard for tests that start server processes (each may take a while to start on a busy machine). */
const PROCESS_TEST_TIMEOUT_MS = 600_000;

const exitOf = (server: ServerProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      resolve({ code: server.child.exitCode, signal: server.child.signalCode });
    } else server.child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe('SIGTERM on a real server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-shutdown-'));
  const file = join(dir, 'site.sqlite');
  let token: string;
  let articleId: number;

  beforeAll(async () => {
    ({ token, articleId } = await seedSqliteFile(file));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops taking connections, finishes the save in flight, and exits 0', async () => {
    const server = await startServerProcess({ env: { DATABASE_URL: `sqlite:${file}` } });
    try {
      const body = JSON.stringify({ revision: 1, title: 'Saved while the server was stopping' });
      // "Expect: 100-continue" makes the server say it has read the request before the body is sent, so the
      // request is surely in flight when the signal arrives.
      const save = httpRequest(`${server.url}/api/v1/articles/${articleId}`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          expect: '100-continue',
        },
      });
      const continued = new Promise<void>((resolve) => save.once('continue', () => resolve()));
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        save.once('error', reject);
        save.once('response', (response: IncomingMessage) => {
          let text = '';
          response.on('data', (chunk) => (text += String(chunk)));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        });
      });
      save.flushHeaders();
      await continued;

      const exited = exitOf(server);
      server.child.kill('SIGTERM');
      expect(await within(WAIT_MS, async () => server.output().includes('Newsdesk is stopping'))).toBeDefined();
      // New connections are refused from now on…
      expect(
        await within(WAIT_MS, () =>
          fetch(`${server.url}/healthz`).then(
            () => false,
            () => true,
          ),
        ),
      ).toBeDefined();
      // …while the save that was already under way completes.
      save.end(body);
      const answer = await answered;
      expect(answer.status, answer.text).toBe(200);
      expect(JSON.parse(answer.text)).toMatchObject({ title: 'Saved while the server was stopping', revision: 2 });
      expect(await exited).toEqual({ code: 0, signal: null });
    } finally {
      await server.stop();
    }
    const store = await createStore({ kind: 'sqlite', file });
    try {
      expect((await store.articles.findById(articleId))?.title).toBe('Saved while the server was stopping');
    } finally {
      await store.close();
    }
  }, PROCESS_TEST_TIMEOUT_MS);

  it('stops every worker of serve --workers and exits 0', async () => {
    const server = await startServerProcess({ env: { DATABASE_URL: `sqlite:${file}` }, args: ['--workers', '2'] });
    try {
      expect((await fetch(`${server.url}/${SLUG}`)).status).toBe(200);
      const exited = exitOf(server);
      server.child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(server.output()).not.toMatch(/starting another/);
    } finally {
      await server.stop();
    }
  }, PROCESS_TEST_TIMEOUT_MS);
});

for (const database of testDatabases()) {
  describe(`the outbox worker stopping on ${database.name}`, () => {
    it('finishes the job it is running, starts no other, and hands the rest back at once', async () => {
      const store = await openTestStore(database);
      try {
        const now = new Date();
        for (const name of ['first', 'second', 'third']) await store.outbox.enqueue({ kind: 'note', payload: { name }, availableAt: now });
        const ran: string[] = [];
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let started!: () => void;
        const firstStarted = new Promise<void>((resolve) => (started = resolve));
        const worker = startOutboxWorker({
          outbox: store.outbox,
          clock: systemClock,
          intervalMs: 0,
          handlers: {
            note: async (payload) => {
              const { name } = payload as { name: string };
              if (name === 'first') {
                started();
                await released;
              }
              ran.push(name);
            },
          },
        });
        const draining = worker.drain();
        await firstStarted;
        let stopped = false;
        const stopping = worker.stop().then(() => (stopped = true));
        // The job in progress holds the stop back…
        await new Promise((resolve) => setImmediate(resolve));
        expect(stopped).toBe(false);
        release();
        await stopping;
        await draining;
        expect(ran).toEqual(['first']);
        // …and the two jobs it claimed but never started are free for any process right away.
        const claimed = await store.outbox.claim({ now: new Date(), limit: 10, lockUntil: new Date(Date.now() + 60_000) });
        expect(claimed.map((job) => (job.payload as { name: string }).name)).toEqual(['second', 'third']);
      } finally {
        await store.dispose();
      }
    });
  });
}
