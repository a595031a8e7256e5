import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { freePort, within } from '../support/processes.js';
import { startSmtpCatcher, type CaughtMail } from '../support/smtp-catcher.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const FROM = 'Newsdesk newsroom <newsroom@news.example.test>';
/** How long an e-mail may take to reach the SMTP server on a busy machine; only catches one that never comes. */
const MAIL_WAIT_MS = 60_000;
const HOUR = 3_600_000;

for (const database of testDatabases()) {
  describe(`password reset by e-mail on ${database.name}`, () => {
    let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
    let app: TestApp;

    beforeAll(async () => {
      smtp = await startSmtpCatcher();
      app = await openTestApp(database, { seed: false, env: { NEWSDESK_SMTP_URL: smtp.url, NEWSDESK_MAIL_FROM: FROM } });
      await makeUser(app, 'editor', 'Reset Editor', 'reset@newsroom.test');
    });
    afterAll(async () => {
      await app.dispose();
      await smtp.close();
    });

    /** Asks for a link as a browser would; returns the page. */
    async function ask(email: string, client = new AdminClient(app)) {
      await client.get('/admin/forgot');
      return client.post('/admin/forgot', { email });
    }

    /** Waits for the `count`-th e-mail to `to` and returns it. */
    async function mailTo(to: string, count = 1): Promise<CaughtMail> {
      const arrived = await within(MAIL_WAIT_MS, async () => smtp.mails.filter((mail) => mail.to.includes(to)).length >= count);
      expect(arrived, `e-mail number ${count} to ${to}`).toBeDefined();
      return smtp.mails.filter((mail) => mail.to.includes(to))[count - 1]!;
    }

    const linkIn = (mail: CaughtMail) => {
      const link = /https:\/\/news\.example\.test(\/admin\/reset\?token=[\w-]+)/.exec(mail.text)?.[1];
      expect(link, mail.text).toBeDefined();
      return link!;
    };

    /** Opens the link and sets `password` through its form. */
    async function follow(link: string, password: string, client = new AdminClient(app)) {
      const form = await client.get(link);
      // A dead link's page has no form to copy the token from; post as if it still had one.
      client.csrf ||= client.cookies.get('newsdesk_csrf') ?? '';
      const token = new URL(link, 'https://x.test').searchParams.get('token')!;
      return { form, done: await client.post('/admin/reset', { token, password }) };
    }

    it('answers the same for an unknown address, and e-mails a single-use one-hour link only to a real account', async () => {
      const client = new AdminClient(app);
      const login = await client.get('/admin/login');
      expect(login.body).toContain('href="/admin/forgot"');
      const unknown = await ask('nobody-here@newsroom.test', client);
      const known = await ask('RESET@newsroom.test', client);
      expect(unknown.statusCode).toBe(200);
      expect(known.statusCode).toBe(200);
      expect(known.body).toBe(unknown.body);
      expect(known.body).toContain('If an account uses that address');

      const mail = await mailTo('reset@newsroom.test');
      expect(smtp.mails.map((m) => m.to).flat()).toEqual(['reset@newsroom.test']);
      expect(mail.from).toBe('newsroom@news.example.test');
      expect(mail.raw).toMatch(/^From: Newsdesk newsroom <newsroom@news\.example\.test>/m);
      expect(mail.subject).toBe('Reset your Newsdesk password');
      expect(mail.text).toContain('within one hour');
      const link = linkIn(mail);
      const token = new URL(link, 'https://x.test').searchParams.get('token')!;
      // Only a hash of the token is kept.
      const rows = await app.store.db.selectFrom('password_resets').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);

      const signedIn = await new AdminClient(app).signIn('reset@newsroom.test', PASSWORD);
      const { form, done } = await follow(link, 'short');
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('Choose a new password');
      expect(done.statusCode).toBe(400);
      expect(done.body).toContain('at least 10 characters');
      // A refused password does not use the link up.
      const good = await follow(link, 'a new password chosen by mail');
      expect(good.done.statusCode).toBe(200);
      expect(good.done.body).toContain('Your password was changed');
      // Every session ended; only the new password works.
      expect((await signedIn.get('/admin')).statusCode).toBe(303);
      await expect(new AdminClient(app).signIn('reset@newsroom.test', PASSWORD)).rejects.toThrow('401');
      await new AdminClient(app).signIn('reset@newsroom.test', 'a new password chosen by mail');
      // Used once, never again.
      const again = await follow(link, 'yet another new password');
      expect(again.form.statusCode).toBe(400);
      expect(again.form.body).toContain('expired or was already used');
      expect(again.done.statusCode).toBe(400);
      const audit = (await app.store.accounts.auditLog(20)).map((entry) => entry.action);
      expect(audit).toContain('user.password_reset');
    });

    it('kills a link after an hour, and when the password changes another way', async () => {
      await ask('reset@newsroom.test');
      const expiring = linkIn(await mailTo('reset@newsroom.test', 2));
      app.clock.advance(HOUR);
      expect((await follow(expiring, 'too late for this link')).done.statusCode).toBe(400);

      await ask('reset@newsroom.test');
      const overtaken = linkIn(await mailTo('reset@newsroom.test', 3));
      const editor = await new AdminClient(app).signIn('reset@newsroom.test', 'a new password chosen by mail');
      await editor.get('/admin/password');
      expect((await editor.post('/admin/password', { current: 'a new password chosen by mail', next: 'changed in the profile' })).statusCode).toBe(200);
      const dead = await follow(overtaken, 'should not be accepted');
      expect(dead.form.statusCode).toBe(400);
      expect(dead.done.statusCode).toBe(400);
      await new AdminClient(app).signIn('reset@newsroom.test', 'changed in the profile');
      app.clock.advance(HOUR);
    });

    it('refuses a new password over 4,096 bytes before hashing it, and keeps the link', async () => {
      await ask('reset@newsroom.test');
      const link = linkIn(await mailTo('reset@newsroom.test', 4));
      const long = await follow(link, 'é'.repeat(2049));
      expect(long.done.statusCode).toBe(400);
      expect(long.done.body).toContain('at most 4,096 bytes');
      expect((await follow(link, 'fits comfortably in the limit')).done.statusCode).toBe(200);
      app.clock.advance(HOUR);
    });

    it('sends at most 3 links an hour to one account, with the same answer every time', async () => {
      const before = smtp.mails.length;
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await ask('reset@newsroom.test')).body);
      expect(new Set(answers).size).toBe(1);
      await mailTo('reset@newsroom.test', 4 + 3);
      // Another account's link, asked for afterwards, marks the point by which a fourth would have gone out.
      await makeUser(app, 'author', 'Other Reader', 'other@newsroom.test');
      await ask('other@newsroom.test');
      await mailTo('other@newsroom.test');
      expect(smtp.mails.length - before).toBe(4);
      expect(smtp.mails.filter((mail) => mail.to.includes('reset@newsroom.test'))).toHaveLength(4 + 3);
    });
  });

  describe(`password reset without working e-mail on ${database.name}`, () => {
    it('says reset by e-mail is unavailable and how to get a new password, when no SMTP server is configured', async () => {
      const app = await openTestApp(database, { seed: false });
      try {
        await makeUser(app, 'editor');
        const client = new AdminClient(app);
        const page = await client.get('/admin/forgot');
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('cannot be reset by e-mail');
        expect(page.body).toContain('newsdesk user password --email');
        client.csrf = client.cookies.get('newsdesk_csrf') ?? '';
        expect((await client.post('/admin/forgot', { email: 'editor@newsroom.test' })).statusCode).toBe(503);
      } finally {
        await app.dispose();
      }
    });

    it('gives the same answer when the mail server cannot be reached', async () => {
      // A loopback port nothing listens on: every delivery fails.
      const port = await freePort();
      const app = await openTestApp(database, { seed: false, env: { NEWSDESK_SMTP_URL: `smtp://127.0.0.1:${port}`, NEWSDESK_MAIL_FROM: FROM } });
      try {
        await makeUser(app, 'editor');
        const client = new AdminClient(app);
        await client.get('/admin/forgot');
        const real = await client.post('/admin/forgot', { email: 'editor@newsroom.test' });
        const unknown = await client.post('/admin/forgot', { email: 'nobody@newsroom.test' });
        expect(real.statusCode).toBe(200);
        expect(real.body).toBe(unknown.body);
      } finally {
        await app.dispose();
      }
    });
  });
}
