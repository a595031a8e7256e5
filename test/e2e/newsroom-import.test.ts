import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const THEME = `${CORPUS_DIR}wxr/themeunittestdata.wordpress.xml`;
const GUARDIAN = `${CORPUS_DIR}feeds/rss-parser/guardian.rss`;

/** Articles in the database, by status. */
async function articleCount(app: TestApp): Promise<number> {
  const row = await app.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const database of testDatabases()) {
  describe(`the newsroom's Import page on ${database.name}`, () => {
    let app: TestApp;
    let importDir: string;
    let admin: AdminClient;

    const send = (fields: Record<string, string>, file: { name: string; data: Buffer } | undefined) =>
      file ? admin.upload('/admin/imports', fields, { ...file, type: 'application/octet-stream' }) : admin.upload('/admin/imports', fields, { name: '', type: 'application/octet-stream', data: Buffer.alloc(0) });

    beforeAll(async () => {
      importDir = mkdtempSync(join(tmpdir(), 'newsdesk-imports-'));
      app = await openTestApp(database, { seed: false, env: { NEWSDESK_IMPORT_DIR: importDir, NEWSDESK_MAX_IMPORT_MB: '2' } });
      await makeUser(app, 'admin');
      await makeUser(app, 'editor');
      admin = await new AdminClient(app).signIn('admin@newsroom.test', PASSWORD);
      await admin.get('/admin/site');
    });
    afterAll(async () => {
      await app?.dispose();
    });

    it('imports a WordPress export sent from the page: queued, followed, reported; the upload is deleted after', async () => {
      const sent = await send({ kind: 'wordpress' }, { name: 'theme.xml', data: readFileSync(THEME) });
      expect(sent.statusCode).toBe(303);
      const address = String(sent.headers.location);
      expect(address).toMatch(/^\/admin\/imports\/\d+$/);
      expect(readdirSync(importDir)).toHaveLength(1);

      const waiting = await admin.get(address);
      expect(waiting.body).toContain('Waiting to start.');
      expect(waiting.body).toMatch(/data-import-progress="\/admin\/imports\/\d+\/progress"/);
      expect(JSON.parse((await admin.get(`${address}/progress`)).body)).toMatchObject({ status: 'queued', done: 0 });

      await app.imports.drain();
      const progress = JSON.parse((await admin.get(`${address}/progress`)).body) as { status: string; done: number; total: number };
      // The theme test data has 186 items (xmllint --xpath 'count(//item)'); every one was read.
      expect(progress).toMatchObject({ status: 'done', done: 186, total: 186 });
      const done = await admin.get(address);
      expect(done.body).toContain('Done.');
      expect(done.body).toContain('articles: 58 new (published 56, scheduled 1, draft 1, in review 0)');
      expect(done.body).not.toContain('data-import-progress=');
      expect(await articleCount(app)).toBe(58);
      expect(readdirSync(importDir)).toEqual([]);

      // The same file again adds nothing; the list on the page shows both runs.
      await send({ kind: 'wordpress' }, { name: 'theme.xml', data: readFileSync(THEME) });
      await app.imports.drain();
      expect(await articleCount(app)).toBe(58);
      const page = await admin.get('/admin/site');
      expect(page.body.match(/WordPress: theme\.xml/g)).toHaveLength(2);
      const audit = await app.store.db.selectFrom('audit_log').select('subject').where('action', '=', 'site.import').execute();
      expect(audit.map((entry) => entry.subject)).toEqual(['wordpress: theme.xml', 'wordpress: theme.xml']);
    });

    it("makes drafts of a feed's entries in the chosen section", async () => {
      await admin.post('/admin/sections', { name: 'Wire', description: '', parentId: '' });
      const section = (await app.store.categories.findBySlug('wire'))!;
      await admin.get('/admin/site');
      const last = Number((await app.store.db.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0);
      const sent = await send({ kind: 'feed', sectionId: String(section.id) }, { name: 'guardian.rss', data: readFileSync(GUARDIAN) });
      expect([sent.statusCode, sent.statusCode === 303 ? '' : sent.body]).toEqual([303, '']);
      await app.imports.drain();
      const done = await admin.get(String(sent.headers.location));
      expect(done.body).toMatch(/Imported \d+ new drafts? from/);
      const added = await app.store.db.selectFrom('articles').select(['status', 'primary_category_id']).where('id', '>', last).execute();
      expect(added.length).toBeGreaterThan(0);
      expect(added.every((row) => row.status === 'draft' && row.primary_category_id === section.id)).toBe(true);
    });

    it('a file that is not an export ends as a failed run with the reason, writing nothing', async () => {
      const before = await articleCount(app);
      const sent = await send({ kind: 'wordpress' }, { name: 'broken.xml', data: readFileSync(`${CORPUS_DIR}wxr/wpimporter-malformed.xml`) });
      await app.imports.drain();
      const page = await admin.get(String(sent.headers.location));
      expect(page.body).toContain('Stopped with an error.');
      expect(page.body).toMatch(/not well-formed XML \(line 90/);
      expect(await articleCount(app)).toBe(before);
      expect(readdirSync(importDir)).toEqual([]);
    });

    describe('a form that cannot be taken is refused before anything is queued, and leaves no file', () => {
      const cases: Array<[string, Record<string, string>, { name: string; data: Buffer } | undefined, number, RegExp]> = [
        ['no file', { kind: 'wordpress' }, undefined, 400, /Choose the WordPress export/],
        ['an unknown kind', { kind: 'joomla' }, { name: 'x.xml', data: Buffer.from('<x/>') }, 400, /Choose what to import/],
        ['pictures fetched for a feed', { kind: 'feed', fetchMedia: '1' }, { name: 'x.rss', data: Buffer.from('<rss/>') }, 400, /WordPress and Ghost exports only/],
        ['a feed address that is not http(s)', { kind: 'feed', feedUrl: 'file:///etc/passwd' }, undefined, 400, /must start with https:\/\/ or http:\/\//],
        ['a section that does not exist', { kind: 'feed', sectionId: '987654' }, { name: 'f.rss', data: readFileSync(GUARDIAN) }, 400, /no longer exists/],
        ['a file over the limit (2 MB here)', { kind: 'wordpress' }, { name: 'big.xml', data: Buffer.alloc(3 * 1024 * 1024, 32) }, 413, /at most 2 MB/],
        ['a field the form does not have', { kind: 'wordpress', isAdmin: '1' }, { name: 'x.xml', data: Buffer.from('<x/>') }, 400, /isAdmin/],
      ];
      for (const [name, fields, file, status, message] of cases) {
        it(name, async () => {
          const runs = (await app.store.importRuns.recent(100)).length;
          const response = await send(fields, file);
          expect([response.statusCode, response.body]).toEqual([status, expect.stringMatching(message)]);
          expect((await app.store.importRuns.recent(100)).length).toBe(runs);
          expect(readdirSync(importDir)).toEqual([]);
        });
      }

      it('without the form token', async () => {
        const response = await admin.upload('/admin/imports', { kind: 'wordpress', _csrf: 'forged' }, { name: 'x.xml', type: 'text/xml', data: Buffer.from('<x/>') });
        expect(response.statusCode).toBe(403);
        expect(readdirSync(importDir)).toEqual([]);
      });

      it('from an editor', async () => {
        const editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
        await editor.get('/admin');
        const response = await editor.upload('/admin/imports', { kind: 'wordpress' }, { name: 'x.xml', type: 'text/xml', data: readFileSync(THEME) });
        expect(response.statusCode).toBe(403);
        expect(readdirSync(importDir)).toEqual([]);
      });
    });

    it('a run whose process stopped is taken over and finished; one interrupted by a stopping server goes back in the queue', async () => {
      const fresh = await openTestApp(database, { seed: false, env: { NEWSDESK_IMPORT_DIR: importDir } });
      try {
        // Process A took the run, imported part of it, and died: its heartbeat stops.
        const run = await fresh.store.importRuns.create({ kind: 'wordpress', source: THEME, label: 'theme.xml', options: {}, createdBy: null, at: fresh.clock.now() });
        const taken = await fresh.store.importRuns.claim({ now: fresh.clock.now(), staleBefore: new Date(0) });
        expect(taken?.id).toBe(run.id);
        // Not yet stale: nobody else takes it.
        await fresh.imports.drain();
        expect((await fresh.store.importRuns.findById(run.id))!.status).toBe('running');
        fresh.clock.advance(61_000);
        await fresh.imports.drain();
        const finished = (await fresh.store.importRuns.findById(run.id))!;
        expect([finished.status, finished.attempts]).toEqual(['done', 2]);
        expect(await articleCount(fresh)).toBe(58);

        // A server stopping mid-import hands the run back at once.
        const second = await fresh.store.importRuns.create({ kind: 'ghost', source: `${CORPUS_DIR}ghost/ghost-2.9-default_export.json`, label: 'g.json', options: {}, createdBy: null, at: fresh.clock.now() });
        const draining = fresh.imports.drain();
        await fresh.imports.stop();
        await draining;
        // Stopped before its first post: back with a heartbeat at the epoch, so the next process to look takes it.
        const handedBack = (await fresh.store.importRuns.findById(second.id))!;
        expect([handedBack.status, handedBack.heartbeatAt?.getTime()]).toEqual(['running', 0]);
        const next = await fresh.store.importRuns.claim({ now: fresh.clock.now(), staleBefore: new Date(fresh.clock.now().getTime() - 60_000) });
        expect([next?.id, next?.attempts]).toEqual([second.id, 2]);
      } finally {
        await fresh.dispose();
      }
    });
  });
}
