import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/app/argon2-hasher.js';
import { exportSiteToFile, exportWxrToFile, restoreSiteFromFile } from '../../src/app/site-archive-services.js';
import { spawnSync } from 'node:child_process';
import { requireTool } from '../support/required-tools.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { addUser } from '../../src/core/accounts/users.js';
import { addArticleNote } from '../../src/core/articles/article-notes.js';
import { ImportError } from '../../src/core/imports/import-error.js';
import { mediaDirSource } from '../../src/importers/picture-source.js';
import { importWordpress } from '../../src/importers/wxr/wordpress-import.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { AdminClient, makeUser, PASSWORD as PASSWORD_FOR_CLIENT } from '../support/admin-session.js';

const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-export-'));
const THEME = `${CORPUS_DIR}wxr/themeunittestdata.wordpress.xml`;
const PASSWORD = 'correct horse battery staple 42';

/**
 * A site with a bit of everything: the demo content, the WordPress theme test data with its pictures (so
 * there are section trees, scheduled and draft posts, redirects and picture files), a newsroom account
 * with a password, an API key and a desk note.
 */
async function richSite(database: TestDatabase): Promise<{ app: TestApp; mediaDir: string; apiToken: string }> {
  const mediaDir = mkdtempSync(join(scratch, 'media-'));
  const app = await openTestApp(database, { env: { NEWSDESK_MEDIA_DIR: mediaDir } });
  const uploads = mkdtempSync(join(scratch, 'uploads-'));
  const addresses = [...readFileSync(THEME, 'utf8').matchAll(/<wp:attachment_url>([^<]+)<\/wp:attachment_url>/g)].map((match) => match[1]!.trim());
  for (const [index, address] of addresses.filter((a) => /\.(jpg|gif)$/.test(a)).slice(0, 8).entries()) {
    const path = join(uploads, new URL(address).pathname);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, await sharp({ create: { width: 80, height: 60, channels: 3, background: { r: index * 20, g: 120, b: 60 } } }).png().toBuffer());
  }
  const deps = { store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: app.config.excerptWords };
  const report = await importWordpress(deps, THEME, { pictures: { source: mediaDirSource(uploads), mediaDir } });
  expect(report.created.pictures).toBeGreaterThan(0);
  const editor = await addUser({ ...deps, hasher: argon2Hasher }, { email: 'desk@news.example.test', displayName: 'Desk Editor', role: 'editor', password: PASSWORD, actorId: null });
  const apiToken = newApiToken();
  await app.store.apiKeys.create({ name: 'wire', role: 'editor', tokenHash: hashApiToken(apiToken), userId: editor.id });
  const [first] = (await app.store.db.selectFrom('articles').select('id').orderBy('id').limit(1).execute()) as Array<{ id: number }>;
  await addArticleNote(deps, { id: editor.id, role: 'editor' }, { articleId: first!.id, body: 'Check the minister’s title before this goes out.' });
  return { app, mediaDir, apiToken };
}

/** Every page a reader can reach from the home page, the sitemaps and the feeds (no search, no newsroom). */
async function crawl(app: TestApp): Promise<Map<string, { status: number; type: string; body: string }>> {
  const site = app.config.siteUrl;
  const seen = new Map<string, { status: number; type: string; body: string }>();
  const queue = ['/', '/sitemap.xml', '/news-sitemap.xml', '/feed.xml', '/feed.json', '/atom.xml', '/robots.txt'];
  while (queue.length > 0 && seen.size < 3000) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const response = await app.server.inject({ method: 'GET', url });
    const type = String(response.headers['content-type'] ?? '');
    const binary = !/text|xml|json|javascript/.test(type);
    seen.set(url, { status: response.statusCode, type, body: binary ? response.rawPayload.toString('base64') : response.body });
    if (binary) continue;
    const location = response.headers.location;
    const found = [...(typeof location === 'string' ? [location] : []), ...[...response.body.matchAll(/(?:href|src|srcset)="([^"]+)"|<loc>([^<]+)<\/loc>/g)].flatMap((m) => (m[1] ?? m[2]!).split(/,\s*/).map((part) => part.split(' ')[0]!))];
    for (const raw of found) {
      const link = raw.replaceAll('&amp;', '&').startsWith(site) ? raw.replaceAll('&amp;', '&').slice(site.length) || '/' : raw.replaceAll('&amp;', '&');
      if (!link.startsWith('/') || link.startsWith('//') || /^\/(admin|search|api)\b/.test(link)) continue;
      const path = link.split('#')[0]!;
      if (!seen.has(path)) queue.push(path);
    }
  }
  return seen;
}

const databases = testDatabases();

for (const source of databases) {
  describe(`export from ${source.name}, restore into an empty database`, () => {
    let from: Awaited<ReturnType<typeof richSite>>;
    let file: string;
    let secretFile: string;
    let pages: Map<string, { status: number; type: string; body: string }>;

    beforeAll(async () => {
      from = await richSite(source);
      file = join(scratch, `site-${source.name}.ndjson.gz`);
      secretFile = join(scratch, `site-${source.name}-secrets.ndjson`);
      await exportSiteToFile({ config: from.app.config, file, includeSecrets: false });
      await exportSiteToFile({ config: from.app.config, file: secretFile, includeSecrets: true });
      pages = await crawl(from.app);
    });
    afterAll(async () => {
      await from?.app.dispose();
    });

    for (const target of databases) {
      it(`gives the same site on ${target.name}: every public page, feed, sitemap, redirect and picture`, async () => {
        const mediaDir = mkdtempSync(join(scratch, 'restored-'));
        const to = await openTestApp(target, { seed: false, env: { NEWSDESK_MEDIA_DIR: mediaDir } });
        try {
          // The running server has cached the empty site's home page; the restore's job makes it drop it.
          expect((await to.server.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
          const report = await restoreSiteFromFile({ store: to.store, config: to.config, file, dryRun: false, now: to.clock.now() });
          await to.jobs.drain();
          expect(report.rows.articles).toBeGreaterThan(70);
          expect(report.files).toBe(readdirSync(from.mediaDir).length);
          const restored = await crawl(to);
          expect(pages.size).toBeGreaterThan(150);
          expect([...restored.keys()].sort()).toEqual([...pages.keys()].sort());
          const differing = [...pages].filter(([url, page]) => JSON.stringify(restored.get(url)) !== JSON.stringify(page)).map(([url]) => url);
          expect(differing).toEqual([]);
          // Some of what was crawled: picture files, old WordPress addresses answering 301, section trees.
          expect([...pages.keys()].some((url) => url.startsWith('/media/'))).toBe(true);
          const redirect = await to.store.db.selectFrom('redirects').select(['from_path', 'to_path']).limit(1).executeTakeFirstOrThrow();
          const moved = await to.server.inject({ method: 'GET', url: redirect.from_path });
          expect([moved.statusCode, moved.headers.location]).toEqual([301, expect.stringContaining(redirect.to_path)]);
          // New rows continue after the restored ids (PostgreSQL's identities were moved on).
          const tag = await to.store.tags.ensure({ name: 'After the move', slug: 'after-the-move' });
          const maxTag = await to.store.db.selectFrom('tags').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
          expect(tag.id).toBe(Number(maxTag.id));
          // Made without secrets: nobody's password came, and the API key came revoked.
          const editor = await to.store.db.selectFrom('users').selectAll().where('email', '=', 'desk@news.example.test').executeTakeFirstOrThrow();
          expect(editor.password_hash).toBeNull();
          const api = await to.server.inject({ method: 'GET', url: '/api/v1/articles/1', headers: { authorization: `Bearer ${from.apiToken}` } });
          expect(api.statusCode).toBe(401);
        } finally {
          await to.dispose();
        }
      });
    }

    it('with --include-secrets, passwords, API keys and notes come too', async () => {
      const to = await openTestApp(source, { seed: false, env: { NEWSDESK_MEDIA_DIR: mkdtempSync(join(scratch, 'secret-')) } });
      try {
        await restoreSiteFromFile({ store: to.store, config: to.config, file: secretFile, dryRun: false });
        const editor = await to.store.db.selectFrom('users').selectAll().where('email', '=', 'desk@news.example.test').executeTakeFirstOrThrow();
        expect(await argon2Hasher.verify(editor.password_hash!, PASSWORD)).toBe(true);
        const api = await to.server.inject({ method: 'GET', url: '/api/v1/articles/1', headers: { authorization: `Bearer ${from.apiToken}` } });
        expect(api.statusCode).toBe(200);
        const notes = await to.store.db.selectFrom('article_notes').select('body').execute();
        expect(notes.map((note) => note.body)).toContain('Check the minister’s title before this goes out.');
      } finally {
        await to.dispose();
      }
    });

    it("the newsroom's download button gives an admin the same export, recorded in the audit log", async () => {
      await makeUser(from.app, 'admin', 'Site Admin', 'site-admin@newsroom.test');
      const admin = await new AdminClient(from.app).signIn('site-admin@newsroom.test', PASSWORD_FOR_CLIENT);
      const page = await admin.get('/admin/site');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('action="/admin/export"');
      const download = await admin.post('/admin/export', {});
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toMatch(/^attachment; filename="newsdesk-export-\d{4}-\d{2}-\d{2}\.ndjson\.gz"$/);
      const lines = gunzipSync(download.rawPayload).toString('utf8').trimEnd().split('\n');
      const end = JSON.parse(lines.at(-1)!) as { end: boolean; rows: Record<string, number>; files: number };
      expect(end.end).toBe(true);
      expect(end.files).toBe(readdirSync(from.mediaDir).length);
      expect(lines.join('\n')).not.toMatch(/\$argon2id\$/);
      const audit = await from.app.store.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'site.export').execute();
      expect(audit).toHaveLength(1);
      // Without the form's token, nothing is exported.
      const forged = await admin.post('/admin/export', {}, { csrf: false });
      expect(forged.statusCode).toBe(403);
    });

    it('writes a WordPress export that is well-formed XML and imports back with every post, page, section, tag and byline', async () => {
      const wxr = join(scratch, `site-${source.name}.xml`);
      const summary = await exportWxrToFile({ config: from.app.config, file: wxr });
      if (requireTool('xmllint')) {
        const lint = spawnSync('xmllint', ['--noout', wxr], { encoding: 'utf8' });
        expect([lint.status, lint.stderr]).toEqual([0, '']);
      }
      const db = from.app.store.db;
      const now = from.app.clock.now().toISOString();
      const articles = await db.selectFrom('articles').select(['title', 'status', 'published_at']).execute();
      expect(summary.posts).toBe(articles.length);
      const back = await openTestApp(source, { seed: false });
      try {
        const report = await importWordpress({ store: back.store, clock: from.app.clock, markdown: createMarkdownRenderer(), excerptWords: 20 }, wxr);
        expect(report.problems).toEqual([]);
        const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
        expect(report.byStatus).toEqual({
          published: articles.filter((a) => a.status === 'published' && iso(a.published_at) <= now).length,
          scheduled: articles.filter((a) => a.status === 'published' && iso(a.published_at) > now).length,
          draft: articles.filter((a) => a.status === 'draft').length,
          in_review: articles.filter((a) => a.status === 'in_review').length,
        });
        const titles = async (app: TestApp) => (await app.store.db.selectFrom('articles').select('title').execute()).map((row) => row.title).sort();
        expect(await titles(back)).toEqual(await titles(from.app));
        const pages = async (app: TestApp) => (await app.store.db.selectFrom('pages').select(['title', 'status']).execute()).map((row) => `${row.status} ${row.title}`).sort();
        expect(await pages(back)).toEqual(await pages(from.app));
        // Sections keep their names and their parents.
        const tree = async (app: TestApp) => {
          const rows = await app.store.db.selectFrom('categories').select(['id', 'name', 'parent_id']).execute();
          return rows.map((row) => `${rows.find((parent) => parent.id === row.parent_id)?.name ?? '-'} > ${row.name}`).sort();
        };
        expect(await tree(back)).toEqual(await tree(from.app));
        // Every byline, in order, by name.
        const bylines = async (app: TestApp) =>
          (
            await app.store.db
              .selectFrom('article_authors')
              .innerJoin('articles', 'articles.id', 'article_authors.article_id')
              .innerJoin('users', 'users.id', 'article_authors.user_id')
              .select(['articles.title', 'users.display_name', 'article_authors.position'])
              .execute()
          )
            .map((row) => `${row.title}: ${row.position} ${row.display_name}`)
            .sort();
        expect(await bylines(back)).toEqual(await bylines(from.app));
      } finally {
        await back.dispose();
      }
    });

    it('an export without secrets holds no password hash, key hash or cookie key', () => {
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      expect(text).not.toMatch(/\$argon2id\$/);
      expect(text).not.toContain(hashApiToken(from.apiToken));
      expect(text).not.toContain('session_cookie_key');
      const withSecrets = readFileSync(secretFile, 'utf8');
      expect(withSecrets).toMatch(/\$argon2id\$/);
      expect(withSecrets).toContain(hashApiToken(from.apiToken));
    });

    describe('a file that cannot be restored changes nothing', () => {
      const lines = () => gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
      const variants: Array<[string, () => string | Buffer, RegExp]> = [
        ['cut short (no end record)', () => lines().slice(0, -40).join('\n'), /incomplete/],
        ['cut inside a gzip stream', () => readFileSync(file).subarray(0, 20_000), /damaged or incomplete|incomplete/],
        ['a WordPress export', () => readFileSync(THEME), /not a Newsdesk export/],
        ['from a newer format', () => [JSON.stringify({ ...JSON.parse(lines()[0]!), version: 2 }), ...lines().slice(1)].join('\n'), /format version 2/],
        ['from a newer schema', () => [JSON.stringify({ ...JSON.parse(lines()[0]!), schema: '9999-future' }), ...lines().slice(1)].join('\n'), /newer Newsdesk/],
        ['a garbled line', () => lines().map((line, i) => (i === 30 ? line.slice(0, 20) : line)).join('\n'), /Line 31: this line is not JSON/],
        ['an unknown column', () => lines().map((line) => line.replace('{"table":"tags","row":{', '{"table":"tags","row":{"colour":"red",')).join('\n'), /no column "colour"/],
        ['a wrong type', () => lines().map((line) => line.replace(/"published_at":"[^"]+"/, '"published_at":"yesterday"')).join('\n'), /published_at should be an ISO 8601 time/],
        [
          'a file name that climbs out of the media folder',
          () => {
            const all = lines();
            all[all.findIndex((line) => line.startsWith('{"file":'))] = JSON.stringify({ file: '../../etc/cron.d/x', data: 'eA==' });
            return all.join('\n');
          },
          /belongs to no picture/,
        ],
        ['a row that breaks a reference', () => lines().map((line) => line.replace(/("table":"article_tags","row":\{"article_id":)\d+/, '$1987654')).join('\n'), /do not fit the database/],
        ['rows counted differently at the end', () => lines().map((line) => line.replace(/("end":true,"rows":\{"settings":)\d+/, '$17')).join('\n'), /end record counts/],
      ];
      for (const [name, make, message] of variants) {
        it(name, async () => {
          const mediaDir = mkdtempSync(join(scratch, 'bad-'));
          const to = await openTestApp(source, { seed: false, env: { NEWSDESK_MEDIA_DIR: mediaDir } });
          try {
            const bad = join(scratch, `bad-${Math.random().toString(36).slice(2)}`);
            writeFileSync(bad, make());
            const error = await restoreSiteFromFile({ store: to.store, config: to.config, file: bad, dryRun: false }).catch((e: unknown) => e);
            expect(error).toBeInstanceOf(ImportError);
            expect((error as Error).message).toMatch(message);
            for (const table of ['articles', 'users', 'categories', 'tags', 'media', 'redirects', 'revisions'] as const) {
              const row = await to.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
              expect([table, Number(row.n)]).toEqual([table, 0]);
            }
            expect(readdirSync(mediaDir)).toEqual([]);
          } finally {
            await to.dispose();
          }
        });
      }

      it('into a database that has content already, and as a dry run', async () => {
        const to = await openTestApp(source, { seed: true, env: { NEWSDESK_MEDIA_DIR: mkdtempSync(join(scratch, 'busy-')) } });
        try {
          const before = await to.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          await expect(restoreSiteFromFile({ store: to.store, config: to.config, file, dryRun: false })).rejects.toThrow(/already has .* an empty database/);
          const after = await to.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          expect(Number(after.n)).toBe(Number(before.n));
        } finally {
          await to.dispose();
        }
        const mediaDir = mkdtempSync(join(scratch, 'dry-'));
        const empty = await openTestApp(source, { seed: false, env: { NEWSDESK_MEDIA_DIR: mediaDir } });
        try {
          const report = await restoreSiteFromFile({ store: empty.store, config: empty.config, file, dryRun: true });
          expect(report.rows.articles).toBeGreaterThan(70);
          const row = await empty.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          expect(Number(row.n)).toBe(0);
          expect(readdirSync(mediaDir)).toEqual([]);
        } finally {
          await empty.dispose();
        }
      });
    });

    it('two restores racing into one empty database: one wins whole, the other changes nothing', async () => {
      const to = await openTestApp(source, { seed: false, env: { NEWSDESK_MEDIA_DIR: mkdtempSync(join(scratch, 'race-')) } });
      try {
        const results = await Promise.allSettled([
          restoreSiteFromFile({ store: to.store, config: to.config, file, dryRun: false }),
          restoreSiteFromFile({ store: to.store, config: to.config, file, dryRun: false }),
        ]);
        expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
        const articles = await to.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(articles.n)).toBe((results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ rows: Record<string, number> }>).value.rows.articles);
      } finally {
        await to.dispose();
      }
    });
  });
}

describe('the export format covers the whole database', () => {
  it('every table is exported or deliberately left out, and every exported column is in the file', async () => {
    const app = await openTestApp(databases[0]!, { seed: false });
    try {
      const { ARCHIVE_TABLES, NOT_ARCHIVED } = await import('../../src/storage/site-archive/archive-tables.js');
      const tables = await app.store.db.introspection.getTables();
      // FTS5 keeps each index's rows in shadow tables named after it (search_index_data and the like).
      const ours = tables.filter((table) => !/^kysely_/.test(table.name) && !/^(search_index|search_heads)_(data|idx|content|docsize|config)$/.test(table.name));
      for (const table of ours) {
        const spec = ARCHIVE_TABLES.find((t) => t.name === table.name);
        if (!spec) {
          expect(NOT_ARCHIVED, `table ${table.name} is neither exported nor listed as left out`).toContain(table.name);
          continue;
        }
        expect(Object.keys(spec.columns).sort(), `columns of ${table.name}`).toEqual(table.columns.map((column) => column.name).sort());
      }
    } finally {
      await app.dispose();
    }
  });
});
