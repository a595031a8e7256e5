import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutboxWorker } from '../../src/jobs/outbox-worker.js';
import { createStore } from '../../src/storage/create-store.js';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, TEST_NOW, TestClock, type TestApp } from '../support/test-app.js';

for (const database of testDatabases()) {
  describe(`outbox on ${database.name}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
    });
    afterAll(async () => app.dispose());

    it('hands each job to exactly one of several workers draining at once', async () => {
      await app.store.db.deleteFrom('outbox').execute();
      for (let i = 0; i < 60; i++) await app.store.outbox.enqueue({ kind: 'count', payload: { n: i }, availableAt: TEST_NOW });
      // A second, independent connection pool to the same database plays the other process.
      const other = await createStore(
        app.config.database.kind === 'postgres' ? { ...app.config.database, maxConnections: 2 } : app.config.database,
      );
      const seen: number[] = [];
      const handler = async (payload: unknown) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push((payload as { n: number }).n);
      };
      const clock = new TestClock(TEST_NOW);
      const workers = [app.store, other, app.store, other].map((store) =>
        startOutboxWorker({ outbox: store.outbox, clock, handlers: { count: handler }, batchSize: 5 }),
      );
      try {
        const done = await Promise.all(workers.map((worker) => worker.drain()));
        expect(done.reduce((a, b) => a + b, 0)).toBe(60);
        expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
        expect(await app.store.outbox.pending(TEST_NOW)).toBe(0);
      } finally {
        await Promise.all(workers.map((worker) => worker.stop()));
        await other.close();
      }
    });

    it('retries a failed job later with backoff, and runs nothing before its time', async () => {
      await app.store.db.deleteFrom('outbox').execute();
      await app.store.outbox.enqueue({ kind: 'flaky', payload: {}, availableAt: TEST_NOW });
      await app.store.outbox.enqueue({ kind: 'flaky', payload: { later: true }, availableAt: new Date(TEST_NOW.getTime() + 60_000) });
      const clock = new TestClock(TEST_NOW);
      let calls = 0;
      const worker = startOutboxWorker({
        outbox: app.store.outbox,
        clock,
        handlers: {
          flaky: async (payload) => {
            calls++;
            if (calls === 1) throw new Error('temporary failure');
            expect(payload).toEqual(calls === 2 ? {} : { later: true });
          },
        },
      });
      expect(await worker.drain()).toBe(0);
      expect(calls).toBe(1);
      clock.advance(1_500);
      expect(await worker.drain()).toBe(1);
      clock.advance(60_000);
      expect(await worker.drain()).toBe(1);
      expect(calls).toBe(3);
      await worker.stop();
    });

    it('announces a scheduled article on the bus when its time comes', async () => {
      const heard: string[][] = [];
      const unsubscribe = app.bus.subscribe((keys) => heard.push([...keys]));
      const article = await addArticle(app, { title: 'Polls open at dawn', authorSlugs: [], publishedAt: new Date(TEST_NOW.getTime() + 600_000) });
      heard.length = 0;
      expect(await app.jobs.drain()).toBe(0);
      app.clock.advance(600_000);
      expect(await app.jobs.drain()).toBe(1);
      expect(heard.flat()).toEqual(expect.arrayContaining([`article:${article.id}`, 'list:all']));
      unsubscribe();
      app.clock.set(TEST_NOW);
    });
  });
}
