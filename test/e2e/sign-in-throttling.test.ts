import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { makeUser, PASSWORD } from '../support/admin-session.js';

// A double-submit CSRF pair any client can make: the cookie and the form field carry the same value.
const CSRF = 'throttle-test-csrf-token-abcdefg';

/** Posts the sign-in form as a fresh browser would, from `ip` (through a trusted proxy). */
function signIn(app: TestApp, input: { email: string; password: string; ip?: string }) {
  return app.server.inject({
    method: 'POST',
    url: '/admin/login',
    headers: {
      cookie: `newsdesk_csrf=${CSRF}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...(input.ip ? { 'x-forwarded-for': input.ip } : {}),
    },
    payload: new URLSearchParams({ _csrf: CSRF, email: input.email, password: input.password }).toString(),
  });
}

const MINUTE = 60_000;

for (const database of testDatabases()) {
  describe(`sign-in throttling on ${database.name}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      // Behind a trusted proxy, so each test can speak from its own address.
      app = await openTestApp(database, { seed: false, env: { NEWSDESK_TRUSTED_PROXIES: '127.0.0.1' } });
    });
    afterAll(async () => app.dispose());

    for (const parallel of [30, 100]) {
      it(`lets at most 5 of ${parallel} parallel wrong passwords reach a password check`, async () => {
        const email = `burst${parallel}@newsroom.test`;
        await makeUser(app, 'author', `Burst ${parallel}`, email);
        const responses = await Promise.all(
          Array.from({ length: parallel }, (_, i) => signIn(app, { email, password: `wrong password ${i}`, ip: `198.51.100.${parallel === 30 ? 1 : 2}` })),
        );
        const statuses = responses.map((response) => response.statusCode);
        const checked = statuses.filter((status) => status === 401).length;
        const refused = statuses.filter((status) => status === 429).length;
        expect(checked + refused, `every answer is 401 or 429: ${statuses.join(',')}`).toBe(parallel);
        expect(checked).toBeGreaterThanOrEqual(1);
        expect(checked).toBeLessThanOrEqual(5);
        // Locked now: even the right password is not checked.
        const right = await signIn(app, { email, password: PASSWORD, ip: '198.51.100.3' });
        expect(right.statusCode).toBe(429);
      });
    }

    it('locks an account for 10 minutes after 5 wrong passwords, then 20, 40 … and at most a day', async () => {
      const email = 'lockout@newsroom.test';
      await makeUser(app, 'author', 'Lockout Person', email);
      const wrong = () => signIn(app, { email, password: 'not the password at all', ip: '192.0.2.10' });
      // Expected lock lengths in minutes, written out by hand: 10 doubling, capped at 24 hours.
      const expectedMinutes = [10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440];
      for (const minutes of expectedMinutes) {
        for (let i = 0; i < 5; i++) expect((await wrong()).statusCode).toBe(401);
        const locked = await signIn(app, { email, password: PASSWORD, ip: '192.0.2.10' });
        expect(locked.statusCode).toBe(429);
        expect(Number(locked.headers['retry-after'])).toBe(minutes * 60);
        expect(locked.body).toContain('Try again');
        // Still locked a minute before the end, even with the right password; free at the end.
        app.clock.advance(minutes * MINUTE - MINUTE);
        const almost = await signIn(app, { email, password: PASSWORD, ip: '192.0.2.10' });
        expect(almost.statusCode).toBe(429);
        expect(Number(almost.headers['retry-after'])).toBe(60);
        app.clock.advance(MINUTE);
      }
      expect((await signIn(app, { email, password: PASSWORD, ip: '192.0.2.10' })).statusCode).toBe(303);
      // A successful sign-in forgets the history: the next lock is 10 minutes again.
      for (let i = 0; i < 5; i++) expect((await wrong()).statusCode).toBe(401);
      expect(Number((await wrong()).headers['retry-after'])).toBe(600);
      app.clock.advance(10 * MINUTE);
    });

    it('refuses an address that failed on 5 different accounts, whatever account it tries next', async () => {
      const ip = '203.0.113.50';
      for (let i = 0; i < 5; i++) {
        expect((await signIn(app, { email: `sprayed${i}@newsroom.test`, password: 'summer2026 password', ip })).statusCode).toBe(401);
      }
      await makeUser(app, 'editor', 'Sprayed Editor', 'sprayed-editor@newsroom.test');
      const next = await signIn(app, { email: 'sprayed-editor@newsroom.test', password: PASSWORD, ip });
      expect(next.statusCode).toBe(429);
      expect(next.headers['retry-after']).toBeDefined();
      expect(next.body).toContain('Try again');
      // The same person from another address is not affected.
      expect((await signIn(app, { email: 'sprayed-editor@newsroom.test', password: PASSWORD, ip: '203.0.113.51' })).statusCode).toBe(303);
      // Nor is the address for ever.
      app.clock.advance(Number(next.headers['retry-after']) * 1000);
      expect((await signIn(app, { email: 'sprayed-editor@newsroom.test', password: PASSWORD, ip })).statusCode).toBe(303);
    });

    it('lets at most 5 different accounts from one address reach a password check in parallel', async () => {
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => signIn(app, { email: `parallel-spray-${i}@newsroom.test`, password: 'winter2026 password', ip: '203.0.113.77' })),
      );
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(25);
    });
  });
}
