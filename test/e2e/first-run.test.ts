import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliServices } from '../../src/app/cli-services.js';
import { demoAuthors } from '../../src/app/demo/demo-content.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { DatabaseConfig } from '../../src/config/config.js';
import { createSection } from '../../src/core/taxonomy/manage.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

// Expectations written by hand from the promises of the README ("Quick start": the demo brings no account,
// `newsdesk demo remove` takes exactly the demo away) and of the set-up page.

/** The DATABASE_URL a separate `newsdesk` process would be given for the test app's database. */
function databaseUrl(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `sqlite:${config.file}`;
  const url = new URL(config.url);
  if (config.schema) url.searchParams.set('schema', config.schema);
  return url.toString();
}

async function cli(app: TestApp, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { code } = await runCli(
    argv,
    {
      env: { NEWSDESK_LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl(app.config.database), NEWSDESK_MEDIA_DIR: app.config.mediaDir },
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
    },
    cliServices,
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const DEMO_ARTICLE = '/mid-year-budget-review-shows-revenue-gap-narrowing';

for (const database of testDatabases()) {
  describe(`first run on ${database.name}`, () => {
    describe('set-up', () => {
      let app: TestApp;
      beforeAll(async () => {
        app = await openTestApp(database);
      }, 120_000);
      afterAll(async () => app?.dispose());

      it('is open on a site with the demo loaded: the demo brings byline profiles nobody can sign in as, never an admin', async () => {
        const people = await app.store.users.list();
        expect(people.map((person) => [person.slug, person.role]).sort()).toEqual([
          ['claire-donnelly', 'contributor'],
          ['farah-siddiqui', 'contributor'],
          ['imran-qadir', 'contributor'],
          ['tomas-ellery', 'contributor'],
        ]);
        for (const author of demoAuthors) expect((await app.store.accounts.credentials(author.email))?.passwordHash, author.email).toBeNull();
        expect(await app.store.accounts.hasSignInUsers()).toBe(false);
        const login = await app.server.inject({ method: 'GET', url: '/admin/login' });
        expect(login.statusCode).toBe(303);
        expect(login.headers.location).toBe('/admin/setup');
        // Nobody signs in as a demo author, whatever the password.
        const guest = new AdminClient(app);
        await guest.get('/admin/setup');
        const tried = await guest.post('/admin/login', { email: 'farah.siddiqui@example.com', password: PASSWORD });
        expect(tried.statusCode).toBe(401);
      });

      it('makes exactly one admin when five people post the set-up form at once; the others are told it is done', async () => {
        const browsers = Array.from({ length: 5 }, () => new AdminClient(app));
        for (const browser of browsers) expect((await browser.get('/admin/setup')).statusCode).toBe(200);
        const answers = await Promise.all(
          browsers.map((browser, n) => browser.post('/admin/setup', { email: `chief-${n}@newsroom.test`, displayName: `Chief ${n}`, password: PASSWORD })),
        );
        const statuses = answers.map((answer) => answer.statusCode);
        expect([...statuses].sort()).toEqual([303, 409, 409, 409, 409]);
        const winner = statuses.indexOf(303);
        expect(answers[winner]!.headers.location).toBe('/admin');
        for (const [n, answer] of answers.entries()) {
          if (n === winner) continue;
          expect(answer.body).toContain('The newsroom is already set up');
          expect(answer.body).toContain('This site is already set up, so no second first administrator can be made. Sign in at /admin/login.');
          expect(answer.body).toContain('<a href="/admin/login">Sign in</a>');
          expect(String(answer.headers['set-cookie'] ?? '')).not.toContain('newsdesk_session=');
        }
        const admins = (await app.store.users.list()).filter((person) => person.role === 'admin');
        expect(admins.map((admin) => admin.email)).toEqual([`chief-${winner}@newsroom.test`]);
        // The winner is signed in by the set-up itself: the newsroom opens with their name.
        const newsroom = await browsers[winner]!.get('/admin');
        expect(newsroom.statusCode).toBe(200);
        expect(newsroom.body).toContain(`Sign out <span>Chief ${winner}</span>`);
        expect((await app.store.accounts.auditLog(10)).filter((entry) => entry.action === 'user.create')).toHaveLength(1);
      });
    });

    describe('newsdesk demo remove', () => {
      let app: TestApp;
      const mediaDir = mkdtempSync(join(tmpdir(), 'newsdesk-demo-media-'));
      const files = (key: string) => [`${key}-400.webp`, `${key}-16x9.jpg`, `${key}-4x3.jpg`, `${key}-1x1.jpg`];
      /** A picture as a seed with pictures would leave it: a row, its files, and the demo mark. */
      async function demoPicture(key: string) {
        for (const file of files(key)) writeFileSync(join(mediaDir, file), 'picture bytes');
        const media = await app.store.media.create({
          key,
          width: 400,
          height: 225,
          alt: 'A harbour at dawn',
          variants: [{ file: `${key}-400.webp`, width: 400, height: 225, format: 'webp' }],
          crops: { '16x9': `${key}-16x9.jpg`, '4x3': `${key}-4x3.jpg`, '1x1': `${key}-1x1.jpg` },
          originalName: 'harbour.jpg',
          uploadedBy: null,
          at: app.clock.now(),
        });
        await app.store.demo.mark('media', [media.id]);
        return media;
      }
      beforeAll(async () => {
        app = await openTestApp(database, { env: { NEWSDESK_MEDIA_DIR: mediaDir } });
        const editor = await makeUser(app, 'editor', 'Rana Editor');
        const international = (await app.store.categories.findBySlug('international'))!;
        await createSection({ store: app.store, clock: app.clock, bus: app.bus }, { name: 'Local', description: 'Our city.', parentId: international.id, actorId: editor.id });
        // The newsroom's own stories: one in a demo section with a demo tag, one bylined to a demo author.
        const budget = await addArticle(app, { title: 'City budget vote set for Thursday', authorSlugs: [editor.slug], categorySlug: 'economy', tagNames: ['Pakistan', 'City hall'] });
        // Two demo pictures: one nothing uses, one the newsroom chose for its own story.
        await demoPicture('unusedDemoPictur');
        const kept = await demoPicture('keptDemoPicture0');
        await app.store.articles.update(budget.id, budget.revision, { featuredMediaId: kept.id, updatedAt: app.clock.now() });
        await addArticle(app, { title: 'Harbour ferry timetable changes', authorSlugs: ['claire-donnelly'], categorySlug: 'local' });
      }, 120_000);
      afterAll(async () => {
        await app?.dispose();
        rmSync(mediaDir, { recursive: true, force: true });
      });

      const get = (url: string) => app.server.inject({ method: 'GET', url });

      it('is explained by --help', async () => {
        const help = await cli(app, ['demo', '--help']);
        expect(help.code).toBe(0);
        expect(help.stdout).toContain('Usage: newsdesk demo remove');
        expect(help.stdout).toContain('NEWSDESK_DEMO_CONTENT=off');
        const bare = await cli(app, ['demo']);
        expect(bare.code).toBe(1);
        expect(bare.stderr).toContain('newsdesk demo remove');
      });

      it('removes exactly the demo, keeps what the newsroom wrote and what it uses, and purges the running server', async () => {
        // Cached pages showing the demo, in the running server.
        expect((await get(DEMO_ARTICLE)).statusCode).toBe(200);
        expect((await get(DEMO_ARTICLE)).headers['x-cache']).toBe('HIT');
        await get('/category/economy');
        const economyBefore = await get('/category/economy');
        expect(economyBefore.headers['x-cache']).toBe('HIT');
        expect(economyBefore.body).toContain(`href="${DEMO_ARTICLE}"`);

        const removed = await cli(app, ['demo', 'remove']);
        expect(removed.stderr).toBe('');
        expect(removed.code).toBe(0);
        expect(removed.stdout).toBe('Removed the demo content: 18 articles, 3 authors, 4 sections, 33 tags and 1 picture.\n');

        const titles = (await app.store.articles.adminList({ limit: 100, now: app.clock.now() })).map((row) => row.title).sort();
        expect(titles).toEqual(['City budget vote set for Thursday', 'Harbour ferry timetable changes']);
        expect((await app.store.users.list()).map((person) => person.slug).sort()).toEqual(['claire-donnelly', 'rana-editor']);
        expect((await app.store.categories.list()).map((section) => section.slug).sort()).toEqual(['economy', 'international', 'local']);
        expect((await app.store.tags.list(1000)).map((tag) => tag.slug).sort()).toEqual(['city-hall', 'pakistan']);
        for (const file of files('unusedDemoPictur')) expect(existsSync(join(mediaDir, file)), file).toBe(false);
        for (const file of files('keptDemoPicture0')) expect(existsSync(join(mediaDir, file)), file).toBe(true);

        // The server hears of it: at once over LISTEN/NOTIFY on PostgreSQL; on SQLite through the outbox job
        // the removal wrote, which the server's worker runs.
        if (database.name === 'sqlite') {
          // The command ran on the real clock; the server's test clock catches up so the job is due.
          app.clock.set(new Date(Math.max(Date.now(), app.clock.now().getTime())));
          await app.jobs.drain();
        }
        for (let waited = 0; (await get(DEMO_ARTICLE)).statusCode !== 404 && waited < 10_000; waited += 100) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect((await get(DEMO_ARTICLE)).statusCode).toBe(404);
        const economyAfter = await get('/category/economy');
        expect(economyAfter.statusCode).toBe(200);
        expect(economyAfter.body).not.toContain(`href="${DEMO_ARTICLE}"`);
        expect(economyAfter.body).toContain('City budget vote set for Thursday');
        expect((await get('/category/banking')).statusCode).toBe(404);
        expect((await get('/author/farah-siddiqui')).statusCode).toBe(404);
        expect((await get('/author/claire-donnelly')).statusCode).toBe(200);
      });

      it('does nothing the second time', async () => {
        const again = await cli(app, ['demo', 'remove']);
        expect(again.code).toBe(0);
        expect(again.stdout).toBe('There is no demo content to remove; nothing changed.\n');
        expect(await app.store.articles.count()).toBe(2);
        expect((await app.store.categories.list()).map((section) => section.slug).sort()).toEqual(['economy', 'international', 'local']);
      });
    });
  });
}
