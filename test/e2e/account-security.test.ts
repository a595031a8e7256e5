import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/app/argon2-hasher.js';
import { logIn } from '../../src/core/accounts/log-in.js';
import { resetPassword } from '../../src/core/accounts/password-reset.js';
import { addUser, changePassword } from '../../src/core/accounts/users.js';
import { isDomainError } from '../../src/core/errors.js';
import type { PasswordHasher } from '../../src/core/ports.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const SITE = 'https://news.example.test';
/** 4,097 bytes of ASCII, and 4,098 bytes in only 1,366 characters: both one byte too many or more. */
const TOO_LONG = ['a'.repeat(4097), '€'.repeat(1366)];
const LONGEST = 'b'.repeat(4096);

/** The real argon2 hasher, counting how often it is asked to work. */
function countingHasher(): PasswordHasher & { calls: number } {
  const hasher = {
    calls: 0,
    hash: (password: string) => {
      hasher.calls++;
      return argon2Hasher.hash(password);
    },
    verify: (hash: string, password: string) => {
      hasher.calls++;
      return argon2Hasher.verify(hash, password);
    },
  };
  return hasher;
}

for (const database of testDatabases()) {
  describe(`account security on ${database.name}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
      await makeUser(app, 'editor', 'Security Editor', 'security@newsroom.test');
    });
    afterAll(async () => app.dispose());

    const post = (url: string, headers: Record<string, string>, payload = '') =>
      app.server.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload });

    it('refuses a state-changing request from another site with 403, by Origin or else Referer', async () => {
      const editor = await new AdminClient(app).signIn('security@newsroom.test', PASSWORD);
      await editor.get('/admin/profile');
      const cookie = [...editor.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
      const form = new URLSearchParams({ _csrf: editor.csrf, displayName: 'Changed From Elsewhere', bio: '', slug: 'security-editor' }).toString();
      const foreign: Array<Record<string, string>> = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: 'http://news.example.test' },
        { referer: 'https://evil.example/trap.html' },
        { referer: 'not a url' },
      ];
      for (const headers of foreign) {
        const refused = await post('/admin/profile', { cookie, ...headers }, form);
        expect(refused.statusCode, JSON.stringify(headers)).toBe(403);
        expect(refused.body).toContain(`Changes can only be made from the pages of ${SITE}`);
      }
      for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
        expect((await app.server.inject({ method, url: '/admin/profile', headers: { cookie, origin: 'https://evil.example' } })).statusCode).toBe(403);
      }
      expect((await app.store.users.findByEmail('security@newsroom.test'))!.displayName).toBe('Security Editor');
      // The site's own pages, a browser that sends neither header, and reading are all fine.
      expect((await post('/admin/profile', { cookie, origin: SITE }, form)).statusCode).toBe(200);
      expect((await post('/admin/profile', { cookie, referer: `${SITE}/admin/profile` }, form)).statusCode).toBe(200);
      expect((await post('/admin/profile', { cookie }, form)).statusCode).toBe(200);
      expect((await app.server.inject({ method: 'GET', url: '/admin/profile', headers: { cookie, origin: 'https://evil.example' } })).statusCode).toBe(200);
    });

    it('exempts API keys (an Authorization header and no cookie) from the Origin check', async () => {
      const token = newApiToken();
      await app.store.apiKeys.create({ name: 'origin test', role: 'editor', tokenHash: hashApiToken(token) });
      const patch = (headers: Record<string, string>) =>
        app.server.inject({
          method: 'PATCH',
          url: '/api/v1/articles/999999',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: 'https://evil.example', ...headers },
          payload: JSON.stringify({ revision: 1, title: 'x' }),
        });
      expect((await patch({})).statusCode).toBe(404);
      // With a cookie too, a browser may have added it on its own: checked like any other.
      expect((await patch({ cookie: 'newsdesk_session=x' })).statusCode).toBe(403);
    });

    it('refuses passwords over 4,096 bytes with 400 on sign-in, set-up and password change', async () => {
      const client = new AdminClient(app);
      await client.get('/admin/login');
      for (const password of TOO_LONG) {
        const response = await client.post('/admin/login', { email: 'security@newsroom.test', password });
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain('A password can be at most 4,096 bytes long');
      }
      // Refused before anything: not counted as an attempt either.
      expect(await app.store.db.selectFrom('sign_in_attempts').selectAll().execute()).toHaveLength(0);
      expect((await client.post('/admin/login', { email: 'security@newsroom.test', password: LONGEST })).statusCode).toBe(401);

      const editor = await new AdminClient(app).signIn('security@newsroom.test', PASSWORD);
      await editor.get('/admin/password');
      for (const password of TOO_LONG) {
        const next = await editor.post('/admin/password', { current: PASSWORD, next: password });
        expect(next.statusCode).toBe(400);
        expect(next.body).toContain('at most 4,096 bytes');
        expect((await editor.post('/admin/password', { current: password, next: 'a perfectly fine password' })).statusCode).toBe(400);
      }

      const fresh = await openTestApp(database, { seed: false });
      try {
        const setup = new AdminClient(fresh);
        await setup.get('/admin/setup');
        for (const password of TOO_LONG) {
          const refused = await setup.post('/admin/setup', { email: 'first@newsroom.test', displayName: 'First Admin', password });
          expect(refused.statusCode).toBe(400);
          expect(refused.body).toContain('at most 4,096 bytes');
        }
        // Set up, and signed in at once (303 to the newsroom).
        expect((await setup.post('/admin/setup', { email: 'first@newsroom.test', displayName: 'First Admin', password: LONGEST })).statusCode).toBe(303);
        await new AdminClient(fresh).signIn('first@newsroom.test', LONGEST);
      } finally {
        await fresh.dispose();
      }
    });

    it('never hands a password over 4,096 bytes to argon2', async () => {
      const hasher = countingHasher();
      const deps = { store: app.store, clock: app.clock, hasher };
      const user = (await app.store.users.findByEmail('security@newsroom.test'))!;
      const attempts = [
        () => logIn(deps, { email: 'security@newsroom.test', password: TOO_LONG[1]!, ip: '192.0.2.1' }),
        () => addUser(deps, { email: 'long@newsroom.test', displayName: 'Long', role: 'author', password: TOO_LONG[0]!, actorId: null }),
        () => changePassword(deps, { user, current: PASSWORD, next: TOO_LONG[1]! }),
        () => changePassword(deps, { user, current: TOO_LONG[0]!, next: 'a perfectly fine password' }),
        () => resetPassword(deps, { token: 'x'.repeat(43), password: TOO_LONG[1]!, ip: '192.0.2.1' }),
      ];
      for (const attempt of attempts) {
        const error = await attempt().then(() => undefined, (e: unknown) => e);
        expect(isDomainError(error, 'VALIDATION_FAILED'), String(error)).toBe(true);
      }
      expect(hasher.calls).toBe(0);
    });

    it('throttles guesses of the current password from a signed-in session like sign-ins', async () => {
      await makeUser(app, 'author', 'Guessed Author', 'guessed@newsroom.test');
      const thief = await new AdminClient(app).signIn('guessed@newsroom.test', PASSWORD);
      await thief.get('/admin/password');
      for (let i = 0; i < 5; i++) {
        expect((await thief.post('/admin/password', { current: `guess number ${i}`, next: 'taken over by a thief' })).statusCode).toBe(401);
      }
      const blocked = await thief.post('/admin/password', { current: PASSWORD, next: 'taken over by a thief' });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBe('600');
      app.clock.advance(10 * 60_000);
      expect((await thief.post('/admin/password', { current: PASSWORD, next: 'changed after the lock' })).statusCode).toBe(200);
    });

    it('signs out everywhere, this session included', async () => {
      await makeUser(app, 'author', 'Travelling Author', 'travel@newsroom.test');
      const laptop = await new AdminClient(app).signIn('travel@newsroom.test', PASSWORD);
      const phone = await new AdminClient(app).signIn('travel@newsroom.test', PASSWORD);
      const other = await new AdminClient(app).signIn('security@newsroom.test', PASSWORD);
      const profile = await laptop.get('/admin/profile');
      expect(profile.body).toContain('Sign out everywhere');
      const out = await laptop.post('/admin/sessions/end-all', {});
      expect(out.statusCode).toBe(303);
      expect(out.headers.location).toBe('/admin/login');
      expect(laptop.cookies.has('newsdesk_session')).toBe(false);
      const user = (await app.store.users.findByEmail('travel@newsroom.test'))!;
      expect(await app.store.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute()).toHaveLength(0);
      expect((await phone.get('/admin')).statusCode).toBe(303);
      expect((await other.get('/admin')).statusCode).toBe(200);
      expect((await app.store.accounts.auditLog(20)).map((entry) => entry.action)).toContain('auth.sign_out_everywhere');
    });
  });
}
