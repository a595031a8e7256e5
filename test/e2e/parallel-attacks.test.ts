import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/app/argon2-hasher.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { testDatabases } from '../support/databases.js';
import { codeAt } from '../support/one-time-codes.js';
import { within } from '../support/processes.js';
import { startSmtpCatcher } from '../support/smtp-catcher.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

/** How many identical requests each race fires at once. */
const N = 20;
const FROM = 'Newsdesk newsroom <newsroom@news.example.test>';
/** Only catches an e-mail that never comes; a busy machine may take a while. */
const MAIL_WAIT_MS = 60_000;
const HOUR = 3_600_000;
const SQLI_PAYLOADS = readFileSync(new URL('../../../shared/corpus/payloads/sqli-payloads.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '');

const range = (count: number) => Array.from({ length: count }, (_, i) => i);
const statuses = (responses: Array<{ statusCode: number }>) => responses.map((response) => response.statusCode);
/** How many responses had each status, e.g. { 200: 1, 409: 19 }. */
const tally = (responses: Array<{ statusCode: number }>) =>
  statuses(responses).reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

for (const database of testDatabases()) {
  describe(`identical requests at once, and SQL injection payloads, on ${database.name}`, () => {
    const mediaDir = mkdtempSync(join(tmpdir(), 'newsdesk-races-'));
    let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
    let app: TestApp;
    let editor: AdminClient;
    let editorSlug: string;

    const cookie = (client: AdminClient) => [...client.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
    const userId = async (email: string) => (await app.store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const sessionCount = async (id: number) => (await app.store.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).length;
    const expectNo5xx = (responses: Array<{ statusCode: number }>, what: string) =>
      expect(statuses(responses).filter((status) => status >= 500), what).toEqual([]);

    beforeAll(async () => {
      smtp = await startSmtpCatcher();
      app = await openTestApp(database, {
        env: { NEWSDESK_SMTP_URL: smtp.url, NEWSDESK_MAIL_FROM: FROM, NEWSDESK_MEDIA_DIR: mediaDir },
      });
      editorSlug = (await makeUser(app, 'editor')).slug;
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
    });
    afterAll(async () => {
      await app?.dispose();
      await smtp?.close();
      rmSync(mediaDir, { recursive: true, force: true });
    });

    it('uses one password-reset link once when it is posted 20 times at once', async () => {
      const email = 'reset@newsroom.test';
      await makeUser(app, 'author', 'Reset Person', email);
      const id = await userId(email);
      const signedIn = await new AdminClient(app).signIn(email, PASSWORD);
      const asker = new AdminClient(app);
      await asker.get('/admin/forgot');
      await asker.post('/admin/forgot', { email });
      expect(await within(MAIL_WAIT_MS, async () => smtp.mails.some((mail) => mail.to.includes(email)))).toBeDefined();
      const mail = smtp.mails.find((m) => m.to.includes(email))!;
      const link = /https:\/\/news\.example\.test(\/admin\/reset\?token=[\w-]+)/.exec(mail.text)?.[1];
      expect(link, mail.text).toBeDefined();
      const token = new URL(link!, 'https://x.test').searchParams.get('token')!;

      const clients = range(N).map(() => new AdminClient(app));
      for (const client of clients) expect((await client.get(link!)).statusCode).toBe(200);
      const passwords = range(N).map((i) => `racing new password ${i}`);
      const answers = await Promise.all(clients.map((client, i) => client.post('/admin/reset', { token, password: passwords[i]! })));

      expect(tally(answers)).toEqual({ 200: 1, 400: N - 1 });
      const winner = statuses(answers).indexOf(200);
      for (const [i, answer] of answers.entries()) {
        if (i !== winner) expect(answer.body).toContain('expired or was already used');
      }
      const stored = (await app.store.accounts.credentials(email))!.passwordHash!;
      expect(await argon2Hasher.verify(stored, passwords[winner]!)).toBe(true);
      for (const i of [0, 1, 2].map((k) => (winner + 1 + k) % N)) expect(await argon2Hasher.verify(stored, passwords[i]!)).toBe(false);
      expect(await sessionCount(id)).toBe(0);
      expect((await signedIn.get('/admin')).statusCode).toBe(303);
      const audit = (await app.store.accounts.auditLog(1000)).filter((entry) => entry.action === 'user.password_reset' && entry.subject === email);
      expect(audit).toHaveLength(1);
    });

    describe('two-step sign-in', () => {
      const email = 'twostep@newsroom.test';
      let secret = '';
      let recoveryCodes: string[] = [];
      let id = 0;

      beforeAll(async () => {
        await makeUser(app, 'editor', 'Two Step', email);
        id = await userId(email);
        const me = await new AdminClient(app).signIn(email, PASSWORD);
        secret = /<code>([A-Z2-7]{32})<\/code>/.exec((await me.get('/admin/profile/two-step')).body)?.[1] ?? '';
        expect(secret).toHaveLength(32);
        const on = await me.post('/admin/profile/two-step/enable', { code: codeAt(secret, app.clock.now()) });
        expect(on.statusCode).toBe(200);
        recoveryCodes = [...on.body.matchAll(/<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/g)].map((m) => m[1]!);
        expect(recoveryCodes).toHaveLength(10);
      });

      /**
       * N clients that each passed the password step, every one still pending. A new password step ends the
       * person's earlier pending sign-in, but password steps racing each other can leave several live: the
       * ended ones are put back, so the code step is attacked with N live sign-ins of one person.
       */
      async function pendingSignIns(): Promise<AdminClient[]> {
        const clients: AdminClient[] = [];
        const rows: Array<{ id: string; user_id: number; expires_at: unknown }> = [];
        for (let i = 0; i < N; i++) {
          const client = new AdminClient(app);
          await client.get('/admin/login');
          const response = await client.post('/admin/login', { email, password: PASSWORD });
          expect(response.statusCode).toBe(303);
          expect(response.headers.location).toMatch(/^\/admin\/login\/code/);
          rows.push(...(await app.store.db.selectFrom('pending_sign_ins').selectAll().where('user_id', '=', id).execute()));
          clients.push(client);
        }
        const live = new Set((await app.store.db.selectFrom('pending_sign_ins').select('id').execute()).map((row) => row.id));
        const ended = [...new Map(rows.map((row) => [row.id, row])).values()].filter((row) => !live.has(row.id));
        expect(ended).toHaveLength(N - 1);
        await app.store.db.insertInto('pending_sign_ins').values(ended as never).execute();
        for (const client of clients) expect((await client.get('/admin/login/code')).statusCode).toBe(200);
        return clients;
      }

      async function race(code: string) {
        const clients = await pendingSignIns();
        const sessionsBefore = await sessionCount(id);
        const answers = await Promise.all(clients.map((client) => client.post('/admin/login/code', { code, next: '/admin' })));
        expectNo5xx(answers, 'code step');
        const counts = tally(answers);
        expect(counts[303], JSON.stringify(counts)).toBe(1);
        for (const status of statuses(answers)) expect([303, 401, 429]).toContain(status);
        expect(await sessionCount(id)).toBe(sessionsBefore + 1);
        const signedIn = clients.filter((client) => client.cookies.has('newsdesk_session'));
        expect(signedIn).toHaveLength(1);
        expect((await signedIn[0]!.get('/admin')).statusCode).toBe(200);
      }

      it('opens exactly one session when one TOTP code is sent from 20 pending sign-ins at once', async () => {
        app.clock.advance(2 * HOUR);
        await race(codeAt(secret, app.clock.now()));
      });

      it('opens exactly one session when one recovery code is sent from 20 pending sign-ins at once', async () => {
        // Past the failure streak of the race before (replays of a used code count as wrong codes).
        app.clock.advance(2 * HOUR);
        await race(recoveryCodes[0]!);
        const left = await app.store.db.selectFrom('recovery_codes').select('used_at').where('user_id', '=', id).execute();
        expect(left.filter((row) => row.used_at === null)).toHaveLength(9);
      });
    });

    it('publishes once when 20 API requests with the same revision arrive at once', async () => {
      const token = newApiToken();
      await app.store.apiKeys.create({ name: 'racing desk', role: 'editor', tokenHash: hashApiToken(token) });
      const article = await addArticle(app, { title: 'Council votes on the harbour plan', status: 'in_review' });
      const revisionsBefore = (await app.store.articles.revisions(article.id)).length;
      const answers = await Promise.all(
        range(N).map(() =>
          app.server.inject({
            method: 'PATCH',
            url: `/api/v1/articles/${article.id}`,
            headers: { authorization: `Bearer ${token}` },
            payload: { revision: article.revision, status: 'published' },
          }),
        ),
      );
      expect(tally(answers)).toEqual({ 200: 1, 409: N - 1 });
      const after = (await app.store.articles.findById(article.id))!;
      expect([after.status, after.revision]).toEqual(['published', article.revision + 1]);
      const audit = (await app.store.accounts.auditLog(1000)).filter((entry) => entry.detail.id === article.id);
      expect(audit.map((entry) => entry.action)).toEqual(['article.publish']);
      const jobs = (await app.store.db.selectFrom('outbox').select('payload').where('kind', '=', 'article.publishing').execute())
        .map((row) => JSON.parse(row.payload) as { articleId: number; action: string })
        .filter((payload) => payload.articleId === article.id);
      expect(jobs).toEqual([{ articleId: article.id, action: 'publish' }]);
      expect(await app.store.articles.revisions(article.id)).toHaveLength(revisionsBefore + 1);
    });

    it('keeps one whole save when the newsroom sends 20 saves of one revision at once', async () => {
      const article = await addArticle(app, { title: 'Draft to be fought over', status: 'draft', authorSlugs: [editorSlug] });
      await editor.get(`/admin/articles/${article.id}`);
      const fields = (i: number) => ({
        revision: article.revision,
        title: `Version ${i} of the headline`,
        bodyMd: `Body written by writer ${i}.`,
        tags: `Writer ${i} tag, Shared race tag`,
      });
      const answers = await Promise.all(range(N).map((i) => editor.post(`/admin/articles/${article.id}`, fields(i))));
      expectNo5xx(answers, 'saves');
      // One save lands; each of the others meets it and is kept aside for its writer to compare (nothing merged blindly).
      expect(tally(answers)).toEqual({ 303: N });
      const places = answers.map((answer) => String(answer.headers.location));
      expect(places.filter((place) => place === `/admin/articles/${article.id}?done=saved`)).toHaveLength(1);
      expect(places.filter((place) => new RegExp(`^/admin/articles/${article.id}/conflicts/\\d+$`).test(place))).toHaveLength(N - 1);
      const winner = places.indexOf(`/admin/articles/${article.id}?done=saved`);
      const after = (await app.store.articles.findById(article.id))!;
      expect([after.title, after.bodyMd, after.revision]).toEqual([`Version ${winner} of the headline`, `Body written by writer ${winner}.`, article.revision + 1]);
      const tags = (await app.store.articles.tags([article.id])).get(article.id) ?? [];
      expect(tags.map((tag) => tag.name).sort()).toEqual(['Shared race tag', `Writer ${winner} tag`].sort());
      // The losers' tags were never created (their saves rolled back whole).
      const writerTags = await app.store.db.selectFrom('tags').select('slug').where('slug', 'like', 'writer-%-tag').execute();
      expect(writerTags.map((tag) => tag.slug)).toEqual([`writer-${winner}-tag`]);
      expect(await app.store.articles.revisions(article.id)).toHaveLength(2);
    });

    it('creates one tag when 20 saves of different articles bring the same new tag at once', async () => {
      const articles = [];
      for (const i of range(N)) articles.push(await addArticle(app, { title: `Tagged story ${i}`, status: 'draft', authorSlugs: [editorSlug] }));
      await editor.get('/admin');
      const answers = await Promise.all(
        articles.map((article) => editor.post(`/admin/articles/${article.id}`, { revision: article.revision, tags: 'Brand New Race Tag' })),
      );
      expectNo5xx(answers, 'saves');
      expect(tally(answers)).toEqual({ 303: N });
      const rows = await app.store.db.selectFrom('tags').selectAll().where('slug', '=', 'brand-new-race-tag').execute();
      expect(rows).toHaveLength(1);
      const links = await app.store.articles.tags(articles.map((article) => article.id));
      for (const article of articles) expect((links.get(article.id) ?? []).map((tag) => tag.id), article.title).toEqual([rows[0]!.id]);
    });

    it('creates one section when 20 requests for the same slug arrive at once', async () => {
      await editor.get('/admin/sections');
      const answers = await Promise.all(range(N).map((i) => editor.post('/admin/sections', { name: `Weather ${i}`, slug: 'weather-desk', parentId: '' })));
      expectNo5xx(answers, 'section creation');
      expect(tally(answers)).toEqual({ 200: 1, 409: N - 1 });
      for (const answer of answers.filter((a) => a.statusCode === 409)) expect(answer.body).toContain('already exists');
      expect(await app.store.db.selectFrom('categories').select('id').where('slug', '=', 'weather-desk').execute()).toHaveLength(1);
    });

    it('takes one of 20 pictures uploaded at once for one revision, and leaves no other file or row', async () => {
      const article = await addArticle(app, { title: 'A story that needs a picture', status: 'draft', authorSlugs: [editorSlug] });
      await editor.get(`/admin/articles/${article.id}`);
      const mediaBefore = (await app.store.db.selectFrom('media').select('id').execute()).length;
      const filesBefore = readdirSync(mediaDir);
      const pictures = await Promise.all(
        range(N).map((i) => sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 10 * i, g: 90, b: 160 } } }).png().toBuffer()),
      );
      const answers = await Promise.all(
        pictures.map((data, i) =>
          editor.upload(`/admin/articles/${article.id}/image`, { revision: article.revision, alt: `Picture number ${i}` }, { name: `p${i}.png`, type: 'image/png', data }),
        ),
      );
      expectNo5xx(answers, 'uploads');
      expect(tally(answers)).toEqual({ 200: 1, 409: N - 1 });
      const accepted = answers.find((answer) => answer.statusCode === 200)!.json<{ id: number; files: string[]; crops: Record<string, string> }>();
      const after = (await app.store.articles.findById(article.id))!;
      expect([after.featuredMediaId, after.revision]).toEqual([accepted.id, article.revision + 1]);
      expect((await app.store.db.selectFrom('media').select('id').execute()).length).toBe(mediaBefore + 1);
      const added = readdirSync(mediaDir).filter((file) => !filesBefore.includes(file));
      expect(added.sort()).toEqual([...new Set([...accepted.files, ...Object.values(accepted.crops)])].sort());
    });

    it('sends at most 3 reset links an hour to one account when 20 requests for it arrive at once', async () => {
      const email = 'many-links@newsroom.test';
      await makeUser(app, 'author', 'Many Links', email);
      const clients = range(N).map(() => new AdminClient(app));
      for (const client of clients) await client.get('/admin/forgot');
      const answers = await Promise.all(
        clients.map((client, i) =>
          app.server.inject({
            method: 'POST',
            url: '/admin/forgot',
            remoteAddress: `10.8.0.${i + 1}`,
            headers: { cookie: cookie(client), 'content-type': 'application/x-www-form-urlencoded' },
            payload: new URLSearchParams({ _csrf: client.csrf, email }).toString(),
          }),
        ),
      );
      expect(tally(answers)).toEqual({ 200: N });
      // A later link to another account marks the point by which every link of the race was out.
      const marker = 'marker@newsroom.test';
      await makeUser(app, 'author', 'Marker', marker);
      const last = new AdminClient(app);
      await last.get('/admin/forgot');
      await last.post('/admin/forgot', { email: marker });
      expect(await within(MAIL_WAIT_MS, async () => smtp.mails.some((mail) => mail.to.includes(marker)))).toBeDefined();
      expect(smtp.mails.filter((mail) => mail.to.includes(email))).toHaveLength(3);
    });

    it('turns two-step sign-in on once when the set-up form is sent 20 times at once, and the codes shown work', async () => {
      const email = 'double-click@newsroom.test';
      await makeUser(app, 'editor', 'Double Click', email);
      const id = await userId(email);
      const me = await new AdminClient(app).signIn(email, PASSWORD);
      const secret = /<code>([A-Z2-7]{32})<\/code>/.exec((await me.get('/admin/profile/two-step')).body)?.[1] ?? '';
      const code = codeAt(secret, app.clock.now());
      const answers = await Promise.all(range(N).map(() => me.post('/admin/profile/two-step/enable', { code })));
      expectNo5xx(answers, 'enable');
      expect(tally(answers)).toEqual({ 200: 1, 400: N - 1 });
      const shown = [...answers.find((a) => a.statusCode === 200)!.body.matchAll(/<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/g)].map((m) => m[1]!);
      expect(shown).toHaveLength(10);
      expect(await app.store.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', id).execute()).toHaveLength(10);
      // A code shown on the page that said "on" signs in.
      const client = new AdminClient(app);
      await client.get('/admin/login');
      expect((await client.post('/admin/login', { email, password: PASSWORD })).statusCode).toBe(303);
      await client.get('/admin/login/code');
      expect((await client.post('/admin/login/code', { code: shown[0]!, next: '/admin' })).statusCode).toBe(303);
    });

    it('gives each of 20 drafts with the same headline, started at once, an address of its own', async () => {
      await editor.get('/admin/articles/new');
      const answers = await Promise.all(range(N).map(() => editor.post('/admin/articles', { title: 'Live: the count in every constituency' })));
      expectNo5xx(answers, 'new drafts');
      expect(tally(answers)).toEqual({ 303: N });
      const slugs = await app.store.db.selectFrom('articles').select('slug').where('title', '=', 'Live: the count in every constituency').execute();
      expect(new Set(slugs.map((row) => row.slug)).size).toBe(N);
    });

    it('keeps one portrait when 20 are uploaded at once, and leaves no other file or row', async () => {
      const email = 'portrait@newsroom.test';
      await makeUser(app, 'author', 'Portrait Person', email);
      const me = await new AdminClient(app).signIn(email, PASSWORD);
      await me.get('/admin/profile');
      const mediaBefore = (await app.store.db.selectFrom('media').select('id').execute()).length;
      const filesBefore = readdirSync(mediaDir);
      const pictures = await Promise.all(
        range(N).map((i) => sharp({ create: { width: 400, height: 400, channels: 3, background: { r: 200, g: 10 * i, b: 40 } } }).png().toBuffer()),
      );
      const answers = await Promise.all(pictures.map((data, i) => me.upload('/admin/profile/avatar', {}, { name: `me${i}.png`, type: 'image/png', data })));
      expectNo5xx(answers, 'portraits');
      const kept = (await app.store.db.selectFrom('users').select('avatar_media_id').where('email', '=', email).executeTakeFirstOrThrow()).avatar_media_id;
      const rows = await app.store.db.selectFrom('media').selectAll().execute();
      expect(rows.length - mediaBefore).toBe(1);
      const row = rows.find((r) => r.id === kept)!;
      expect(row).toBeDefined();
      const expected = [...(JSON.parse(row.variants) as Array<{ file: string }>).map((v) => v.file), ...Object.values(JSON.parse(row.crops) as Record<string, string>)];
      expect(readdirSync(mediaDir).filter((file) => !filesBefore.includes(file)).sort()).toEqual([...new Set(expected)].sort());
    });

    it('answers every SQL injection payload with a page or a 4xx, and the database stays whole', async () => {
      const count = async (table: 'articles' | 'users' | 'tags' | 'categories') =>
        Number((await app.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
      const before = { articles: await count('articles'), users: await count('users'), tags: await count('tags'), categories: await count('categories') };
      const probe = await app.server.inject({ method: 'GET', url: '/category/business' });
      expect(probe.statusCode).toBe(200);
      const tagSlug = (await app.store.tags.listInUse({ now: app.clock.now(), limit: 1, offset: 0 }))[0]!.slug;
      const adminCookie = cookie(editor);
      const signIn = new AdminClient(app);
      await signIn.get('/admin/login');

      const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });
      const routes: Array<[string, (payload: string, n: number) => ReturnType<typeof get>]> = [
        ['search q', (p) => get(`/search?q=${encodeURIComponent(p)}`)],
        ['newsroom list filters', (p) => get(`/admin/articles?${new URLSearchParams({ status: p, author: p, category: p, section: p, q: p })}`, { cookie: adminCookie })],
        ['tag slug', (p) => get(`/tag/${encodeURIComponent(p)}`)],
        ['section slug', (p) => get(`/category/${encodeURIComponent(p)}`)],
        ['author slug', (p) => get(`/author/${encodeURIComponent(p)}`)],
        ['article slug', (p) => get(`/${encodeURIComponent(p)}`)],
        ['section cursor', (p) => get(`/category/business?before=${encodeURIComponent(p)}`)],
        ['tag cursor', (p) => get(`/tag/${tagSlug}?before=${encodeURIComponent(p)}`)],
        // From one address: after a few wrong addresses it is throttled, and every attempt is still written down.
        ['sign-in e-mail', (p) => signIn.post('/admin/login', { email: p, password: 'not the password' })],
      ];
      const failures: string[] = [];
      for (const [name, send] of routes) {
        for (let start = 0; start < SQLI_PAYLOADS.length; start += N) {
          const batch = SQLI_PAYLOADS.slice(start, start + N);
          const answers = await Promise.all(batch.map((payload, i) => send(payload, start + i)));
          for (const [i, answer] of answers.entries()) {
            if (answer.statusCode >= 500 || answer.statusCode < 200) failures.push(`${name} ${JSON.stringify(batch[i])}: ${answer.statusCode}`);
          }
        }
      }
      // A sample from addresses of their own, so each e-mail reaches the account lookup unthrottled.
      const sample = SQLI_PAYLOADS.filter((_, i) => i % 20 === 0);
      const direct = await Promise.all(
        sample.map((payload, i) =>
          app.server.inject({
            method: 'POST',
            url: '/admin/login',
            remoteAddress: `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}`,
            headers: { cookie: cookie(signIn), 'content-type': 'application/x-www-form-urlencoded' },
            payload: new URLSearchParams({ _csrf: signIn.csrf, email: payload, password: 'not the password' }).toString(),
          }),
        ),
      );
      for (const [i, answer] of direct.entries()) {
        if (answer.statusCode !== 401) failures.push(`sign-in e-mail from its own address ${JSON.stringify(sample[i])}: ${answer.statusCode}`);
      }
      expect(failures).toEqual([]);
      expect({ articles: await count('articles'), users: await count('users'), tags: await count('tags'), categories: await count('categories') }).toEqual(before);
      expect((await get('/category/business')).body).toBe(probe.body);
    });
  });
}
