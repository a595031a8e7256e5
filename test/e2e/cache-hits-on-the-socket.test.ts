// Page-cache hits are answered by the HTTP server's own request handler, before Fastify (ADR 0011). inject()
// never passes through that handler, so these requests go over a real socket to a listening server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { testDatabases } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const PAGE = '/category/international';

for (const database of testDatabases()) {
  describe(`cache hits on a listening server, ${database.name}`, () => {
    let app: TestApp;
    let base: string;
    let staffCookie: string;
    const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(`${base}${path}`, { method, headers });

    beforeAll(async () => {
      app = await openTestApp(database);
      await makeUser(app, 'author', 'Socket Author', 'socket-author@newsroom.test');
      const staff = await new AdminClient(app).signIn('socket-author@newsroom.test', PASSWORD);
      staffCookie = `newsdesk_session=${staff.cookies.get('newsdesk_session')!}`;
      const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
      base = address.replace('localhost', '127.0.0.1');
    });
    afterAll(async () => app.dispose());

    it('answers a repeat visit from the cache with the same bytes and headers as the first answer', async () => {
      const first = await get(PAGE);
      const firstBody = await first.text();
      expect(first.headers.get('x-cache')).toBe('MISS');
      const hit = await get(PAGE);
      expect(hit.status).toBe(200);
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(await hit.text()).toBe(firstBody);
      for (const name of ['etag', 'content-type', 'cache-control', 'surrogate-key', 'content-security-policy', 'x-content-type-options', 'vary']) {
        expect(hit.headers.get(name), name).toBe(first.headers.get(name));
      }
    });

    it('sends the compressed copy a client asks for, 304 to a current validator, and headers only to HEAD', async () => {
      await (await get(PAGE)).arrayBuffer();
      await (await get(PAGE)).arrayBuffer();
      await app.pageCache.settled();
      const gzip = await get(PAGE, { 'accept-encoding': 'gzip' });
      expect(gzip.headers.get('x-cache')).toBe('HIT');
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      const etag = gzip.headers.get('etag')!;
      await gzip.arrayBuffer();
      const notModified = await get(PAGE, { 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(await notModified.text()).toBe('');
      const head = await get(PAGE, {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers.get('x-cache')).toBe('HIT');
      expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    });

    it('leaves a signed-in member of staff to Fastify: never a cached page', async () => {
      await (await get(PAGE)).arrayBuffer();
      const seen = await get(PAGE, { cookie: staffCookie });
      expect(seen.status).toBe(200);
      expect(seen.headers.get('x-cache')).toBeNull();
      expect(seen.headers.get('cache-control')).toBe('private, no-store');
    });

    it('leaves addresses with a query to the route, which keys only the parameters it declares', async () => {
      await (await get(PAGE)).arrayBuffer();
      const tracked = await get(`${PAGE}?utm_source=mail`);
      expect(tracked.status).toBe(200);
      expect(tracked.headers.get('x-cache')).toBe('HIT');
    });

    it('never answers a write from the cache', async () => {
      await (await get(PAGE)).arrayBuffer();
      const posted = await fetch(`${base}${PAGE}`, { method: 'POST', headers: { origin: base } });
      expect(posted.headers.get('x-cache')).toBeNull();
      expect(posted.status).toBeGreaterThanOrEqual(400);
    });
  });
}
