import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { loadConfig } from '../../src/config/config.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';

for (const database of testDatabases()) {
  describe(`newsroom sign-in on ${database.name}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await openTestApp(database);
    });
    afterAll(async () => app.dispose());

    it('offers a one-time set-up on an empty install, protected by CSRF', async () => {
      const client = new AdminClient(app);
      const login = await client.get('/admin/login');
      expect(login.statusCode).toBe(303);
      expect(login.headers.location).toBe('/admin/setup');
      const setup = await client.get('/admin/setup');
      expect(setup.statusCode).toBe(200);
      expect(String(setup.headers['set-cookie'])).toMatch(/newsdesk_csrf=.*HttpOnly.*SameSite=Strict.*Secure/);
      const fields = { email: 'chief@newsroom.test', displayName: 'Chief Editor', password: PASSWORD };
      expect((await client.post('/admin/setup', fields, { csrf: false })).statusCode).toBe(403);
      expect((await client.post('/admin/setup', { ...fields, password: 'short' })).statusCode).toBe(400);
      const done = await client.post('/admin/setup', fields);
      // The new admin is signed in at once and lands in the newsroom.
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/admin');
      expect(String(done.headers['set-cookie'])).toMatch(/newsdesk_session=.*HttpOnly.*SameSite=Lax.*Secure/);
      expect((await client.get('/admin')).statusCode).toBe(200);
      expect((await client.get('/admin/setup')).headers.location).toBe('/admin/login');
      // Someone else, in another browser, is too late.
      const late = new AdminClient(app);
      await late.get('/admin/login');
      expect((await late.post('/admin/setup', { ...fields, email: 'second@newsroom.test' })).statusCode).toBe(409);
      const audit = await app.store.accounts.auditLog(10);
      expect(audit.map((entry) => entry.action)).toContain('user.create');
    });

    it('signs in with a session cookie that is HttpOnly, SameSite=Lax and Secure on an https site', async () => {
      const client = new AdminClient(app);
      await client.get('/admin/login');
      const response = await client.post('/admin/login', { email: 'CHIEF@newsroom.test', password: PASSWORD, next: '/admin/users' });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/admin/users');
      const cookie = [response.headers['set-cookie']].flat().find((line) => String(line).startsWith('newsdesk_session='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Secure/);
      expect((await client.get('/admin')).statusCode).toBe(200);
      // The session lives in the database: nothing secret in the cookie's value is stored as such.
      const stored = await app.store.db.selectFrom('sessions').select('id').execute();
      expect(stored.map((row) => row.id)).not.toContain(client.cookies.get('newsdesk_session'));
    });

    it('refuses a sign-in without a CSRF token with 403', async () => {
      const client = new AdminClient(app);
      await client.get('/admin/login');
      expect((await client.post('/admin/login', { email: 'chief@newsroom.test', password: PASSWORD }, { csrf: false })).statusCode).toBe(403);
    });

    it('answers the sixth wrong password with 429 for 10 minutes, even if the sixth is right', async () => {
      await makeUser(app, 'author', 'Target Author', 'target@newsroom.test');
      const client = new AdminClient(app);
      await client.get('/admin/login');
      for (let i = 0; i < 5; i++) {
        const wrong = await client.post('/admin/login', { email: 'target@newsroom.test', password: `wrong-${i}-password` });
        expect(wrong.statusCode).toBe(401);
        expect(wrong.body).toContain('do not match an active account');
      }
      const blocked = await client.post('/admin/login', { email: 'target@newsroom.test', password: PASSWORD });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBe('600');
      expect(blocked.body).toContain('Try again in 10 minutes');
      app.clock.advance(10 * 60_000);
      expect((await client.post('/admin/login', { email: 'target@newsroom.test', password: PASSWORD })).statusCode).toBe(303);
    });

    it('changes a password after checking the old one, and ends the other sessions', async () => {
      await makeUser(app, 'editor', 'Pat Editor', 'pat@newsroom.test');
      const laptop = await new AdminClient(app).signIn('pat@newsroom.test', PASSWORD);
      const phone = await new AdminClient(app).signIn('pat@newsroom.test', PASSWORD);
      await laptop.get('/admin/password');
      expect((await laptop.post('/admin/password', { current: 'not the password', next: 'a brand new password' })).statusCode).toBe(401);
      expect((await laptop.post('/admin/password', { current: PASSWORD, next: 'short' })).statusCode).toBe(400);
      const changed = await laptop.post('/admin/password', { current: PASSWORD, next: 'a brand new password' });
      expect(changed.statusCode).toBe(200);
      expect((await laptop.get('/admin')).statusCode).toBe(200);
      expect((await phone.get('/admin')).statusCode).toBe(303);
      await expect(new AdminClient(app).signIn('pat@newsroom.test', PASSWORD)).rejects.toThrow('401');
      await new AdminClient(app).signIn('pat@newsroom.test', 'a brand new password');
    });

    it('ends the session a browser already had when it signs in again, so no old session stays live', async () => {
      await makeUser(app, 'author', 'Rae Author', 'rae@newsroom.test');
      const browser = await new AdminClient(app).signIn('rae@newsroom.test', PASSWORD);
      const firstCookie = browser.cookies.get('newsdesk_session')!;
      await browser.signIn('rae@newsroom.test', PASSWORD);
      expect(browser.cookies.get('newsdesk_session')).not.toBe(firstCookie);
      expect((await browser.get('/admin')).statusCode).toBe(200);
      const old = new AdminClient(app);
      old.cookies.set('newsdesk_session', firstCookie);
      expect((await old.get('/admin')).statusCode).toBe(303);
    });

    it('believes X-Forwarded-For only from a trusted proxy', async () => {
      const failedFrom = async (target: TestApp, forwarded: string) => {
        const page = await target.server.inject({ method: 'GET', url: '/admin/setup' });
        const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        await target.server.inject({
          method: 'POST',
          url: '/admin/login',
          headers: { cookie: `newsdesk_csrf=${token}`, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwarded },
          payload: new URLSearchParams({ _csrf: token, email: 'nobody@newsroom.test', password: 'wrong password here' }).toString(),
        });
        const rows = await target.store.db.selectFrom('sign_in_attempts').select('ip').orderBy('id', 'desc').limit(1).execute();
        return rows[0]?.ip;
      };
      const behind = await openTestApp(database, { env: { NEWSDESK_TRUSTED_PROXIES: '127.0.0.1' } });
      try {
        expect(await failedFrom(behind, '203.0.113.9')).toBe('203.0.113.9');
      } finally {
        await behind.dispose();
      }
      expect(await failedFrom(app, '203.0.113.9')).toBe('127.0.0.1');
      expect(() => loadConfig({ NEWSDESK_TRUSTED_PROXIES: 'everyone' })).toThrow('NEWSDESK_TRUSTED_PROXIES must list IP addresses');
    });

    it('signs out, and a disabled account loses its sessions at once', async () => {
      const admin = await new AdminClient(app).signIn('chief@newsroom.test', PASSWORD);
      const contributor = await makeUser(app, 'contributor', 'Casey Stringer', 'casey@newsroom.test');
      const casey = await new AdminClient(app).signIn('casey@newsroom.test', PASSWORD);
      expect((await casey.get('/admin')).statusCode).toBe(200);
      await admin.get('/admin/users');
      expect((await admin.post(`/admin/users/${contributor.id}/disable`, {})).statusCode).toBe(200);
      expect((await casey.get('/admin')).statusCode).toBe(303);
      await expect(new AdminClient(app).signIn('casey@newsroom.test', PASSWORD)).rejects.toThrow('401');
      const out = await admin.post('/admin/logout', {});
      expect(out.statusCode).toBe(303);
      expect((await admin.get('/admin')).headers.location).toBe('/admin/login?next=%2Fadmin');
      const actions = (await app.store.accounts.auditLog(50)).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(['auth.sign_in', 'user.disable']));
    });
  });
}
