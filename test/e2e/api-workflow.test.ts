import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/app/argon2-hasher.js';
import { cliServices } from '../../src/app/cli-services.js';
import { runCli } from '../../src/cli/run-cli.js';
import { parseDatabaseUrl } from '../../src/config/config.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { addUser } from '../../src/core/accounts/users.js';
import { systemClock } from '../../src/core/ports.js';
import { createStore } from '../../src/storage/create-store.js';
import type { Role } from '../../src/core/authors/author.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

const ROLES: readonly Role[] = ['contributor', 'author', 'editor', 'admin'];
const TOMORROW = '2026-12-01T09:00:00.000Z';
const LONG_AGO = '2001-05-01T09:00:00.000Z';

/** One change, as the newsroom's forms send it and as the REST API takes it, and what it leads to. */
interface Rule {
  name: string;
  /** Whose draft it is done to. */
  on: 'own' | 'theirs';
  /** Written by hand from the roles' description in the README, not from the code's capability table. */
  allowed: Record<Role, boolean>;
  form: { path: 'save' | 'action'; fields: Record<string, string> };
  api: Record<string, unknown>;
  /** A publishing action: written to the audit log and the outbox under this name. */
  audited?: string;
  check: (article: { title: string; slug: string; canonicalUrl: string | null; status: string; publishedAt: Date | null }, n: number) => void;
}

const RULES: Rule[] = [
  {
    name: 'edits the headline of their own draft',
    on: 'own',
    allowed: { contributor: true, author: true, editor: true, admin: true },
    form: { path: 'save', fields: { title: 'A new headline N' } },
    api: { title: 'A new headline N' },
    check: (article, n) => expect(article.title).toBe(`A new headline ${n}`),
  },
  {
    name: "changes their own draft's address (slug)",
    on: 'own',
    allowed: { contributor: false, author: true, editor: true, admin: true },
    form: { path: 'save', fields: { slug: 'a-new-address-N' } },
    api: { slug: 'a-new-address-N' },
    check: (article, n) => expect(article.slug).toBe(`a-new-address-${n}`),
  },
  {
    name: "changes their own draft's canonical URL",
    on: 'own',
    allowed: { contributor: false, author: true, editor: true, admin: true },
    form: { path: 'save', fields: { canonicalUrl: 'https://elsewhere.example/story-N' } },
    api: { canonicalUrl: 'https://elsewhere.example/story-N' },
    check: (article, n) => expect(article.canonicalUrl).toBe(`https://elsewhere.example/story-${n}`),
  },
  {
    name: 'publishes their own draft now',
    on: 'own',
    allowed: { contributor: false, author: true, editor: true, admin: true },
    form: { path: 'action', fields: { action: 'publish' } },
    api: { status: 'published' },
    audited: 'publish',
    check: (article) => expect([article.status, article.publishedAt?.toISOString()]).toEqual(['published', TEST_NOW.toISOString()]),
  },
  {
    name: 'schedules their own draft for a later time',
    on: 'own',
    allowed: { contributor: false, author: true, editor: true, admin: true },
    form: { path: 'action', fields: { action: 'schedule', at: TOMORROW.slice(0, 16) } },
    api: { status: 'published', publishedAt: TOMORROW },
    audited: 'schedule',
    check: (article) => expect([article.status, article.publishedAt?.toISOString()]).toEqual(['published', TOMORROW]),
  },
  {
    name: 'back-dates their own draft to 2001',
    on: 'own',
    allowed: { contributor: false, author: false, editor: false, admin: true },
    form: { path: 'action', fields: { action: 'schedule', at: LONG_AGO.slice(0, 16) } },
    api: { status: 'published', publishedAt: LONG_AGO },
    audited: 'backdate',
    check: (article) => expect([article.status, article.publishedAt?.toISOString()]).toEqual(['published', LONG_AGO]),
  },
  {
    name: "edits someone else's draft",
    on: 'theirs',
    allowed: { contributor: false, author: false, editor: true, admin: true },
    form: { path: 'save', fields: { title: 'Someone else edited this N' } },
    api: { title: 'Someone else edited this N' },
    check: (article, n) => expect(article.title).toBe(`Someone else edited this ${n}`),
  },
];

/** The rule's values with their trailing "N" made this case's number (each case gets a fresh slug and title). */
const numbered = <T,>(value: T, n: number): T => JSON.parse(JSON.stringify(value).replace(/(?<=[ -])N(?=")/g, String(n))) as T;

for (const database of testDatabases()) {
  describe(`the REST API and the newsroom apply one workflow, on ${database.name}`, () => {
    let app: TestApp;
    const people = new Map<Role, { slug: string; name: string; client: AdminClient; token: string; keyName: string }>();
    let otherSlug: string;
    let n = 0;

    const api = (token: string, method: 'GET' | 'PATCH', id: number, payload?: object) =>
      app.server.inject({ method, url: `/api/v1/articles/${id}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    const outboxJobs = async (id: number) =>
      (await app.store.db.selectFrom('outbox').select(['kind', 'payload']).where('kind', '=', 'article.publishing').execute())
        .map((row) => JSON.parse(row.payload) as { articleId: number; action: string })
        .filter((payload) => payload.articleId === id);
    const auditLines = async (id: number) => (await app.store.accounts.auditLog(1000)).filter((entry) => entry.detail.id === id);

    beforeAll(async () => {
      app = await openTestApp(database);
      otherSlug = (await makeUser(app, 'author', 'Other Author', 'other@newsroom.test')).slug;
      for (const role of ROLES) {
        const user = await makeUser(app, role, `${role} person`, `${role}@newsroom.test`);
        const token = newApiToken();
        await app.store.apiKeys.create({ name: `${role} desk`, role, tokenHash: hashApiToken(token), userId: user.id });
        people.set(role, { slug: user.slug, name: user.displayName, client: await new AdminClient(app).signIn(`${role}@newsroom.test`, PASSWORD), token, keyName: `${role} desk` });
      }
    });
    afterAll(async () => app.dispose());

    for (const rule of RULES) {
      for (const role of ROLES) {
        for (const path of ['newsroom', 'api'] as const) {
          const allowed = rule.allowed[role];
          it(`${role} ${rule.name} through the ${path}: ${allowed ? 'allowed' : 'refused'}`, async () => {
            const person = people.get(role)!;
            n += 1;
            app.clock.set(TEST_NOW);
            const draft = await addArticle(app, { title: `Draft number ${n}`, status: 'draft', authorSlugs: [rule.on === 'own' ? person.slug : otherSlug] });
            let status: number;
            if (path === 'newsroom') {
              const url = rule.form.path === 'save' ? `/admin/articles/${draft.id}` : `/admin/articles/${draft.id}/action`;
              status = (await person.client.post(url, { revision: draft.revision, ...numbered(rule.form.fields, n) })).statusCode;
            } else {
              status = (await api(person.token, 'PATCH', draft.id, { revision: draft.revision, ...numbered(rule.api, n) })).statusCode;
            }
            const after = (await app.store.articles.findById(draft.id))!;
            const [latest] = await app.store.articles.revisions(draft.id);
            if (!allowed) {
              expect(status).toBe(403);
              expect(after.revision).toBe(draft.revision);
              expect(await auditLines(draft.id)).toEqual([]);
              expect(await outboxJobs(draft.id)).toEqual([]);
              return;
            }
            expect(status).toBe(path === 'api' ? 200 : 303);
            rule.check(after, n);
            expect(after.revision).toBe(draft.revision + 1);
            // The revision names who made it: the person in the newsroom, the key through the API.
            expect([latest?.authorName, latest?.apiKeyName]).toEqual(path === 'api' ? [null, person.keyName] : [person.name, null]);
            if (rule.audited) {
              const [line] = await auditLines(draft.id);
              expect(line?.action).toBe(`article.${rule.audited}`);
              expect([line?.actorName, line?.apiKeyName]).toEqual(path === 'api' ? [null, person.keyName] : [person.name, null]);
              expect(await outboxJobs(draft.id)).toEqual([{ articleId: draft.id, action: rule.audited }]);
            } else {
              expect(await auditLines(draft.id)).toEqual([]);
              expect(await outboxJobs(draft.id)).toEqual([]);
            }
          });
        }
      }
    }

    it('no longer lets an editor key back-date a story, and its publishing is audited, queued and credited to the key', async () => {
      const token = newApiToken();
      await app.store.apiKeys.create({ name: 'wire desk', role: 'editor', tokenHash: hashApiToken(token) });
      app.clock.set(TEST_NOW);
      const draft = await addArticle(app, { title: 'Harbour strike ends after talks', status: 'draft' });
      const backdated = await api(token, 'PATCH', draft.id, { revision: draft.revision, status: 'published', publishedAt: '2001-01-01T00:00:00Z' });
      expect(backdated.statusCode).toBe(403);
      expect(backdated.json<{ message: string }>().message).toContain('only an admin may back-date');
      expect((await app.store.articles.findById(draft.id))!.status).toBe('draft');
      const published = await api(token, 'PATCH', draft.id, { revision: draft.revision, status: 'published' });
      expect(published.statusCode).toBe(200);
      expect(published.json()).toMatchObject({ status: 'published', publishedAt: TEST_NOW.toISOString() });
      expect((await auditLines(draft.id)).map((line) => [line.action, line.apiKeyName, line.actorName])).toEqual([['article.publish', 'wire desk', null]]);
      expect(await outboxJobs(draft.id)).toEqual([{ articleId: draft.id, action: 'publish' }]);
      expect((await app.store.articles.revisions(draft.id))[0]?.apiKeyName).toBe('wire desk');
      // The newsroom's revision list says which key saved it.
      const editor = people.get('editor')!.client;
      expect((await editor.get(`/admin/articles/${draft.id}`)).body).toContain('by the API key “wire desk”');
    });

    it('reads through the API only what the role may open in the newsroom', async () => {
      const others = await addArticle(app, { title: 'Another author’s draft', status: 'draft', authorSlugs: [otherSlug] });
      const expected: Record<Role, number> = { contributor: 403, author: 403, editor: 200, admin: 200 };
      for (const role of ROLES) {
        const person = people.get(role)!;
        expect((await api(person.token, 'GET', others.id)).statusCode, role).toBe(expected[role]);
        expect((await person.client.get(`/admin/articles/${others.id}`)).statusCode, role).toBe(expected[role]);
      }
    });

    it('turns status changes into the workflow action that reaches them, and refuses nonsense with 400', async () => {
      const editor = people.get('editor')!;
      app.clock.set(TEST_NOW);
      const draft = await addArticle(app, { title: 'Ferry service resumes', status: 'draft', authorSlugs: [editor.slug] });
      const revision = async () => (await app.store.articles.findById(draft.id))!.revision;
      const steps: Array<[object, string]> = [
        [{ status: 'in_review' }, 'submit'],
        [{ status: 'published' }, 'publish'],
        [{ status: 'archived' }, 'archive'],
        [{ status: 'draft' }, 'restore'],
      ];
      for (const [change, action] of steps) {
        const response = await api(editor.token, 'PATCH', draft.id, { revision: await revision(), ...change });
        expect(response.statusCode, action).toBe(200);
      }
      expect((await auditLines(draft.id)).map((line) => line.action).reverse()).toEqual(steps.map(([, action]) => `article.${action}`));
      const nonsense = await api(editor.token, 'PATCH', draft.id, { revision: await revision(), status: 'draft', publishedAt: TOMORROW });
      expect(nonsense.statusCode).toBe(400);
      expect(nonsense.json<{ message: string }>().message).toContain('send publishedAt only with status "published"');
    });

    it('stops a key working when its person is disabled', async () => {
      const contributor = people.get('contributor')!;
      const own = await addArticle(app, { title: 'Contributor copy', status: 'draft', authorSlugs: [contributor.slug] });
      expect((await api(contributor.token, 'GET', own.id)).statusCode).toBe(200);
      const user = (await app.store.users.findBySlug(contributor.slug))!;
      await app.store.accounts.setDisabled(user.id, TEST_NOW);
      expect((await api(contributor.token, 'GET', own.id)).statusCode).toBe(401);
      await app.store.accounts.setDisabled(user.id, null);
    });
  });
}

describe('newsdesk api-key create --user', () => {
  it('makes a key that writes for a person, never above their role, and refuses an unknown address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-api-key-'));
    const url = `sqlite:${join(dir, 'keys.sqlite')}`;
    const cli = async (argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const io = { env: { DATABASE_URL: url, NEWSDESK_LOG_LEVEL: 'silent' }, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } };
      const { code } = await runCli(argv, io, cliServices);
      return { code, stdout: out.join(''), stderr: err.join('') };
    };
    try {
      expect((await cli(['migrate'])).code).toBe(0);
      const store = await createStore(parseDatabaseUrl(url, []));
      const person = await addUser({ store, clock: systemClock, hasher: argon2Hasher }, { email: 'stringer@newsroom.test', displayName: 'Sam Stringer', role: 'author', password: PASSWORD, actorId: null });
      const above = await cli(['api-key', 'create', '--name', 'too strong', '--role', 'editor', '--user', 'stringer@newsroom.test']);
      expect(above.code).toBe(1);
      expect(above.stderr).toContain('stringer@newsroom.test is author; a key for them can be at most that, not editor.');
      const unknown = await cli(['api-key', 'create', '--name', 'nobody', '--role', 'author', '--user', 'nobody@newsroom.test']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('there is no account with the address "nobody@newsroom.test"');
      const made = await cli(['api-key', 'create', '--name', 'stringer laptop', '--role', 'author', '--user', 'Stringer@Newsroom.test']);
      expect(made.code).toBe(0);
      const key = await store.apiKeys.findByHash(hashApiToken(made.stdout.trim()));
      expect(key).toMatchObject({ name: 'stringer laptop', role: 'author', userId: person.id });
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
