import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

for (const database of testDatabases()) {
  describe(`/healthz and /readyz on ${database.name}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
    });
    afterAll(async () => app?.dispose());

    const get = (url: string) => app.server.inject({ method: 'GET', url });

    it('says the process is alive and the database ready, and never lets anyone cache either answer', async () => {
      for (let i = 0; i < 2; i++) {
        const health = await get('/healthz');
        expect(health.statusCode).toBe(200);
        expect(health.json()).toEqual({ ok: true });
        expect(health.headers['cache-control']).toBe('no-store');
        const ready = await get('/readyz');
        expect(ready.statusCode).toBe(200);
        expect(ready.json()).toEqual({ ready: true });
        expect(ready.headers['cache-control']).toBe('no-store');
        expect(ready.headers['x-cache']).toBeUndefined();
      }
    });

    it('answers 503 with the reason while a migration has not been applied', async () => {
      const [newest] = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`
        .execute(app.store.db)
        .then((result) => result.rows);
      await sql`delete from kysely_migration where name = ${newest!.name}`.execute(app.store.db);
      try {
        const ready = await get('/readyz');
        expect(ready.statusCode).toBe(503);
        expect(ready.headers['retry-after']).toBe('5');
        expect(ready.json()).toEqual({ ready: false, reason: `migrations not applied: ${newest!.name}` });
        expect((await get('/healthz')).statusCode).toBe(200);
      } finally {
        await sql`insert into kysely_migration (name, timestamp) values (${newest!.name}, ${new Date().toISOString()})`.execute(app.store.db);
      }
      expect((await get('/readyz')).statusCode).toBe(200);
    });
  });
}
