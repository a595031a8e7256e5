import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const PAGE = '/category/international';

for (const database of testDatabases()) {
  describe(`session cookies and the page cache on ${database.name}`, () => {
    let app: TestApp;
    let staff: AdminClient;
    const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });

    beforeAll(async () => {
      app = await openTestApp(database);
      await makeUser(app, 'author', 'Cookie Author', 'cookie-author@newsroom.test');
      staff = await new AdminClient(app).signIn('cookie-author@newsroom.test', PASSWORD);
    });
    afterAll(async () => app.dispose());

    it('serves a made-up session cookie the cached page, as to anyone', async () => {
      const first = await get(PAGE);
      const primed = await get(PAGE);
      expect(primed.headers['x-cache']).toBe('HIT');
      for (const cookie of [
        'newsdesk_session=junk',
        'newsdesk_session=',
        'theme=dark; newsdesk_session=abc.def',
        `newsdesk_session=${'A'.repeat(43)}.${'B'.repeat(43)}`,
        'other_newsdesk_session=x',
      ]) {
        const response = await get(PAGE, { cookie });
        expect(response.headers['x-cache'], cookie).toBe('HIT');
        expect(response.headers.etag, cookie).toBe(first.headers.etag);
        expect(response.headers['cache-control'], cookie).toMatch(/^public/);
      }
    });

    it('refuses a real session token whose signature was changed, on staff pages too', async () => {
      const value = staff.cookies.get('newsdesk_session')!;
      const [token] = value.split('.');
      expect(token).toBeTruthy();
      // The token alone (the old, unsigned cookie) and the token with someone else's signature are strangers.
      for (const forged of [token!, `${token}.${'x'.repeat(43)}`]) {
        expect((await get(PAGE, { cookie: `newsdesk_session=${forged}` })).headers['x-cache']).toBe('HIT');
        expect((await get('/admin', { cookie: `newsdesk_session=${forged}` })).statusCode).toBe(303);
      }
    });

    it('bypasses the cache for a signed-in member of staff, privately and unstored', async () => {
      const seen = await staff.get(PAGE);
      expect(seen.statusCode).toBe(200);
      expect(seen.headers['x-cache']).toBeUndefined();
      expect(seen.headers['cache-control']).toBe('private, no-store');
      const admin = await staff.get('/admin');
      expect(admin.statusCode).toBe(200);
      expect(admin.headers['cache-control']).toBe('private, no-store');
      const errorPage = await staff.get('/no-such-page-for-staff');
      expect(errorPage.statusCode).toBe(404);
      expect(errorPage.headers['cache-control']).toBe('private, no-store');
    });

    it('honours q=0 in Accept-Encoding on cached pages', async () => {
      await get(PAGE);
      await get(PAGE);
      await app.pageCache.settled();
      const plain = (await get(PAGE, { 'accept-encoding': 'identity' })).body;
      const cases: Array<[string, string | undefined]> = [
        ['gzip;q=0', undefined],
        ['gzip; q=0, br;q=0', undefined],
        ['*;q=0', undefined],
        ['br;q=0, gzip', 'gzip'],
        ['br;q=0.5, gzip;q=0.8', 'gzip'],
        ['gzip, br', 'br'],
        ['*', 'br'],
        ['gzip;q=0.000', undefined],
        ['GZIP', 'gzip'],
      ];
      for (const [accept, expected] of cases) {
        const response = await get(PAGE, { 'accept-encoding': accept });
        expect(response.headers['x-cache'], accept).toBe('HIT');
        expect(response.headers['content-encoding'], accept).toBe(expected);
        if (expected === undefined) expect(response.body, accept).toBe(plain);
        if (expected === 'gzip') expect(gunzipSync(response.rawPayload).toString(), accept).toBe(plain);
      }
    });
  });
}
