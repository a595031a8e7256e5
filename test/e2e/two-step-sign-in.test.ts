import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { codeAt, testHotp } from '../support/one-time-codes.js';

describe('the test computes one-time codes as the RFCs publish them', () => {
  const rfcKey = Buffer.from('12345678901234567890', 'ascii');
  it('matches RFC 4226 appendix D (HOTP, 6 digits)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => testHotp(rfcKey, counter, 6))).toEqual(expected);
  });
  it('matches RFC 6238 appendix B (TOTP, SHA-1, 8 digits)', () => {
    const vectors: Array<[number, string]> = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(testHotp(rfcKey, Math.floor(seconds / 30), 8)).toBe(code);
  });
});

for (const database of testDatabases()) {
  describe(`two-step sign-in on ${database.name}`, () => {
    let app: TestApp;
    let secret = '';
    let recoveryCodes: string[] = [];
    const EMAIL = 'twostep@newsroom.test';
    const step = () => app.clock.advance(30_000);

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
      await makeUser(app, 'editor', 'Two Step', EMAIL);
    });
    afterAll(async () => app.dispose());

    /** The password step; returns the client (holding only the pending cookie) and the response. */
    async function passwordStep() {
      const client = new AdminClient(app);
      await client.get('/admin/login');
      const response = await client.post('/admin/login', { email: EMAIL, password: PASSWORD, next: '/admin/users' });
      return { client, response };
    }

    async function codeStep(client: AdminClient, code: string) {
      await client.get('/admin/login/code');
      return client.post('/admin/login/code', { code, next: '/admin/profile' });
    }

    it('is set up from the profile with a code from the app, and shows 10 recovery codes once', async () => {
      const me = await new AdminClient(app).signIn(EMAIL, PASSWORD);
      expect((await me.get('/admin/profile')).body).toContain('Two-step sign-in is <strong>off</strong>');
      const setup = await me.get('/admin/profile/two-step');
      expect(setup.statusCode).toBe(200);
      secret = /<code>([A-Z2-7]{32})<\/code>/.exec(setup.body)?.[1] ?? '';
      expect(secret).toHaveLength(32);
      const uri = /<code>(otpauth:\/\/totp\/[^<]+)<\/code>/.exec(setup.body)?.[1]?.replaceAll('&amp;', '&') ?? '';
      const parsed = new URL(uri);
      expect(decodeURIComponent(parsed.pathname)).toBe(`/Newsdesk:${EMAIL}`);
      expect(parsed.searchParams.get('secret')).toBe(secret);
      expect(parsed.searchParams.get('issuer')).toBe('Newsdesk');
      expect(parsed.searchParams.get('digits')).toBe('6');
      expect(parsed.searchParams.get('period')).toBe('30');
      expect(parsed.searchParams.get('algorithm')).toBe('SHA1');
      // Reloading keeps the same key (the app may already hold it).
      expect((await me.get('/admin/profile/two-step')).body).toContain(secret);

      const wrongCode = codeAt(secret, new Date(app.clock.now().getTime() + 600_000));
      const wrong = await me.post('/admin/profile/two-step/enable', { code: wrongCode });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('does not match');
      const on = await me.post('/admin/profile/two-step/enable', { code: codeAt(secret, app.clock.now()) });
      expect(on.statusCode).toBe(200);
      recoveryCodes = [...on.body.matchAll(/<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/g)].map((m) => m[1]!);
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      const stored = JSON.stringify(await app.store.db.selectFrom('recovery_codes').selectAll().execute());
      for (const code of recoveryCodes) {
        expect(stored).not.toContain(code);
        expect(stored).not.toContain(code.replace('-', ''));
      }
      expect((await me.get('/admin/profile/two-step')).body).not.toContain(recoveryCodes[0]!);
      expect((await me.get('/admin/profile')).body).toContain('Two-step sign-in is <strong>on</strong> (10 recovery codes left)');
    });

    it('gives no session after the password alone: no route accepts the pending state', async () => {
      const { client, response } = await passwordStep();
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/admin/login/code?next=%2Fadmin%2Fusers');
      expect(client.cookies.has('newsdesk_session')).toBe(false);
      const pending = client.cookies.get('newsdesk_pending')!;
      expect(pending).toBeTruthy();
      const staffRoutes = app.server.routeTable.filter((route) => typeof route.access === 'object' && 'staff' in route.access);
      expect(staffRoutes.length).toBeGreaterThan(10);
      for (const route of staffRoutes) {
        const url = route.url.replace(/:(\w+)/g, '1');
        for (const cookie of [`newsdesk_pending=${encodeURIComponent(pending)}`, `newsdesk_session=${encodeURIComponent(pending)}`]) {
          const answer = await app.server.inject({
            method: route.method as 'GET',
            url,
            headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            payload: route.method === 'GET' ? undefined : '_csrf=x',
          });
          expect([303, 401], `${route.method} ${url} with ${cookie.split('=')[0]}`).toContain(answer.statusCode);
          if (answer.statusCode === 303) expect(String(answer.headers.location)).toMatch(/^\/admin\/login/);
        }
      }
    });

    it('signs in with the current code, and never accepts the same code twice', async () => {
      step();
      const code = codeAt(secret, app.clock.now());
      const first = await passwordStep();
      expect((await codeStep(first.client, '000000' === code ? '111111' : '000000')).statusCode).toBe(401);
      const done = await codeStep(first.client, code);
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/admin/profile');
      expect((await first.client.get('/admin')).statusCode).toBe(200);
      expect(first.client.cookies.has('newsdesk_pending')).toBe(false);

      const replay = await passwordStep();
      const refused = await codeStep(replay.client, code);
      expect(refused.statusCode).toBe(401);
      expect(refused.body).toContain('already used');
      // The code of the step before is older than the one used: refused too.
      expect((await codeStep(replay.client, codeAt(secret, new Date(app.clock.now().getTime() - 30_000)))).statusCode).toBe(401);
      step();
      expect((await codeStep(replay.client, codeAt(secret, app.clock.now()))).statusCode).toBe(303);
    });

    it('accepts each recovery code once', async () => {
      const first = await passwordStep();
      expect((await codeStep(first.client, recoveryCodes[0]!.toUpperCase())).statusCode).toBe(303);
      const again = await passwordStep();
      expect((await codeStep(again.client, recoveryCodes[0]!)).statusCode).toBe(401);
      expect((await codeStep(again.client, recoveryCodes[1]!.replace('-', ' '))).statusCode).toBe(303);
      const me = await passwordStep();
      step();
      await codeStep(me.client, codeAt(secret, app.clock.now()));
      expect((await me.client.get('/admin/profile')).body).toContain('(8 recovery codes left)');
    });

    it('lets the pending state expire after 5 minutes', async () => {
      const { client } = await passwordStep();
      await client.get('/admin/login/code');
      app.clock.advance(5 * 60_000);
      const late = await client.post('/admin/login/code', { code: codeAt(secret, app.clock.now()) });
      expect(late.statusCode).toBe(401);
      expect(late.body).toContain('expired');
    });

    it('throttles codes like passwords: the sixth try after 5 wrong codes is refused, even with the right code', async () => {
      step();
      const { client } = await passwordStep();
      for (let i = 0; i < 5; i++) expect((await codeStep(client, `wrong-${i}`)).statusCode).toBe(401);
      const blocked = await codeStep(client, codeAt(secret, app.clock.now()));
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBe('600');
      // The password step is locked as well.
      expect((await passwordStep()).response.statusCode).toBe(429);
      app.clock.advance(10 * 60_000);
    });

    it('is turned off only with a code', async () => {
      step();
      const { client } = await passwordStep();
      await codeStep(client, codeAt(secret, app.clock.now()));
      await client.get('/admin/profile/two-step');
      const wrong = await client.post('/admin/profile/two-step/disable', { code: recoveryCodes[0]! });
      expect(wrong.statusCode).toBe(401);
      step();
      const off = await client.post('/admin/profile/two-step/disable', { code: codeAt(secret, app.clock.now()) });
      expect(off.statusCode).toBe(200);
      expect(off.body).toContain('Two-step sign-in is off.');
      const plain = await passwordStep();
      expect(plain.response.headers.location).toBe('/admin/users');
      expect(plain.client.cookies.has('newsdesk_session')).toBe(true);
      const actions = (await app.store.accounts.auditLog(100)).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(['user.two_step_on', 'user.two_step_off']));
    });
  });
}
