import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { mediaDirSource } from '../../src/importers/picture-source.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/core/imports/import-error.js';
import { importGhost } from '../../src/importers/ghost/ghost-import.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const GHOST = `${CORPUS_DIR}ghost/`;
const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-ghost-'));

for (const database of testDatabases()) {
  describe(`Ghost import on ${database.name}`, () => {
    let app: TestApp;
    const deps = () => ({ store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 30 });
    const rows = async (table: 'articles' | 'users' | 'tags' | 'api_keys' | 'import_map' | 'redirects') =>
      Number((await app.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
    const fresh = async () => {
      await app?.dispose();
      app = await openTestApp(database, { seed: false });
    };
    beforeAll(fresh);
    afterAll(async () => app.dispose());

    it('imports the Ghost 2.9 export: 7 published posts by "Ghost", one tag, no password hash or key', async () => {
      await fresh();
      const report = await importGhost(deps(), `${GHOST}ghost-2.9-default_export.json`);
      expect(report.byStatus).toEqual({ published: 7, scheduled: 0, draft: 0, in_review: 0 });
      expect(report.created).toMatchObject({ articles: 7, authors: 2, tags: 1 });
      expect(report.problems).toEqual([]);
      const users = await app.store.db.selectFrom('users').select(['slug', 'display_name', 'password_hash', 'role']).orderBy('slug').execute();
      expect(users).toEqual([
        // "ghost" is one of our reserved words: the profile takes the next free slug, and the old address follows.
        { slug: 'ghost-2', display_name: 'Ghost', password_hash: null, role: 'contributor' },
        { slug: 'joe-bloggs', display_name: 'Joe Bloggs', password_hash: null, role: 'contributor' },
      ]);
      expect(await rows('api_keys')).toBe(0);
      const theme = await app.store.articles.findById((await app.store.imports.find(report.source, 'post', '5c2ca6dfe015a6761618233f'))!);
      expect(theme!.title).toBe('Creating a custom theme');
      const page = await app.server.inject({ method: 'GET', url: `/${theme!.slug}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('/author/ghost-2');
      for (const [from, to] of [
        ['/rss/', '/rss.xml'],
        ['/author/ghost/', '/author/ghost-2'],
        ['/author/ghost/rss/', '/author/ghost-2/rss.xml'],
      ]) {
        const moved = await app.server.inject({ method: 'GET', url: from! });
        expect([moved.statusCode, moved.headers.location], from).toEqual([301, to]);
      }

      const before = await Promise.all((['articles', 'users', 'tags', 'import_map', 'redirects'] as const).map(rows));
      const again = await importGhost(deps(), `${GHOST}ghost-2.9-default_export.json`);
      expect(again.created).toMatchObject({ articles: 0, authors: 0, tags: 0 });
      expect(await Promise.all((['articles', 'users', 'tags', 'import_map', 'redirects'] as const).map(rows))).toEqual(before);
    });

    it('brings a Ghost page over as a static page at its old address, not as an article', async () => {
      await fresh();
      // The corpus has no page: one of the 2.9 export's posts is made one here (type "page", as Ghost 2+ marks them).
      const json = JSON.parse(readFileSync(`${GHOST}ghost-2.9-default_export.json`, 'utf8')) as { db: Array<{ data: { posts: Array<Record<string, unknown>> } }> };
      const post = json.db[0]!.data.posts.find((candidate) => candidate.id === '5c2ca6dfe015a6761618233f')!;
      post.type = 'page';
      const file = join(scratch, 'with-page.json');
      writeFileSync(file, JSON.stringify(json));
      const report = await importGhost(deps(), file);
      expect(report.created).toMatchObject({ articles: 6, pages: 1 });
      const page = (await app.store.pages.findById((await app.store.imports.find(report.source, 'page', '5c2ca6dfe015a6761618233f'))!))!;
      expect([page.title, page.slug, page.status]).toEqual(['Creating a custom theme', String(post.slug), 'published']);
      const shown = await app.server.inject({ method: 'GET', url: `/${String(post.slug)}/` });
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain('<h1 class="article__title">Creating a custom theme</h1>');
      expect((await importGhost(deps(), file)).created.pages).toBe(0);
    });

    it("brings the pictures posts show and feature from a copy of Ghost's images folder; Ghost's resized copies are the same picture", async () => {
      await fresh();
      const json = JSON.parse(readFileSync(`${GHOST}ghost-2.9-default_export.json`, 'utf8')) as { db: Array<{ data: { posts: Array<Record<string, unknown>> } }> };
      // One post as Ghost 4+ writes it: its own address as __GHOST_URL__, the featured picture a resized copy of the inline one.
      const local = json.db[0]!.data.posts.find((post) => post.id === '5c2ca6dfe015a67616182341')!;
      local.feature_image = '__GHOST_URL__/content/images/size/w600/2021/05/harbour.jpg';
      local.html = `<p>Before.</p><figure><img src="__GHOST_URL__/content/images/2021/05/harbour.jpg" alt="The harbour at dawn"></figure>${String(local.html)}`;
      const file = join(scratch, 'with-local-pictures.json');
      writeFileSync(file, JSON.stringify(json));
      // The folder holds a small picture at each address's path, except one (welcome-to-ghost.jpg).
      const images = mkdtempSync(join(scratch, 'images-'));
      const media = mkdtempSync(join(scratch, 'media-'));
      const paths = ['2021/05/harbour.jpg', ...[...readFileSync(file, 'utf8').matchAll(/https:\/\/static\.ghost\.org\/([^"\\]+\.(?:jpg|png|gif))/g)].map((match) => match[1]!)];
      const unique = [...new Set(paths)].filter((path) => !path.endsWith('welcome-to-ghost.jpg'));
      for (const [index, path] of unique.entries()) {
        mkdirSync(join(images, path, '..'), { recursive: true });
        writeFileSync(join(images, path), await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: index * 20, g: 80, b: 120 } } }).png().toBuffer());
      }
      const report = await importGhost(deps(), file, { pictures: { source: mediaDirSource(images), mediaDir: media } });
      // The export names 11 distinct picture addresses (7 featured, 4 more inline; listed by hand from the file).
      // Here app-integrations.jpg gave way to the harbour (featured and inline: one picture), and the folder lacks
      // welcome-to-ghost.jpg: 10 pictures, one problem.
      expect(report.created.pictures).toBe(10);
      expect(report.problems).toEqual([expect.stringMatching(/^Picture \(https:\/\/static\.ghost\.org\/v2\.0\.0\/images\/welcome-to-ghost\.jpg\): .* is not in /)]);
      const harbourPost = (await app.store.articles.findById((await app.store.imports.find(report.source, 'post', '5c2ca6dfe015a67616182341'))!))!;
      const harbour = await app.store.media.findById(harbourPost.featuredMediaId!);
      expect(harbour!.alt).toBe('The harbour at dawn');
      expect(harbourPost.bodyMd).toContain(`](/media/pictures/${harbour!.id}.jpg)`);
      const theme = (await app.store.articles.findById((await app.store.imports.find(report.source, 'post', '5c2ca6dfe015a6761618233f'))!))!;
      expect(theme.featuredMediaId).not.toBeNull();
      expect(theme.bodyHtml).toMatch(/<img src="\/media\/pictures\/\d+\.jpg"/);
      const again = await importGhost(deps(), file, { pictures: { source: mediaDirSource(images), mediaDir: media } });
      expect(again.created.pictures).toBe(0);
    });

    it('imports the old 003 export: authors by author_id, the draft, and Markdown with raw HTML as our Markdown', async () => {
      await fresh();
      const report = await importGhost(deps(), `${GHOST}ghost-003-multiuser-export.json`);
      expect(report.byStatus).toEqual({ published: 2, scheduled: 0, draft: 1, in_review: 0 });
      const welcome = await app.store.articles.findById((await app.store.imports.find(report.source, 'post', '1'))!);
      const byline = await app.store.articles.links(welcome!.id);
      const author = await app.store.db.selectFrom('users').select('slug').where('id', '=', byline.authorIds[0]!).executeTakeFirstOrThrow();
      expect(author.slug).toBe('josephine-blogs');
      const html = await app.store.articles.findById((await app.store.imports.find(report.source, 'post', '2'))!);
      // The post's HTML became structure, not text showing tags.
      expect(html!.bodyHtml).toContain('<strong>Pellentesque habitant morbi tristique</strong>');
      expect(html!.bodyHtml).not.toContain('&lt;strong&gt;');
      expect(html!.status).toBe('published');
      const draft = await app.store.articles.findById((await app.store.imports.find(report.source, 'post', '3'))!);
      expect(draft!.status).toBe('draft');
    });

    it('writes nothing for the broken export or JSON that is cut short', async () => {
      await fresh();
      const cut = join(scratch, `${database.name}-cut.json`);
      writeFileSync(cut, readFileSync(`${GHOST}ghost-2.9-default_export.json`).subarray(0, 40_000));
      for (const [file, code, message] of [
        [`${GHOST}ghost-broken-export.json`, 'NOT_GHOST', /not a Ghost export.*asdadas/],
        [cut, 'NOT_WELL_FORMED', /not well-formed JSON/],
      ] as const) {
        const error = await importGhost(deps(), file).catch((caught: unknown) => caught);
        expect(error, file).toBeInstanceOf(ImportError);
        expect((error as ImportError).code).toBe(code);
        expect((error as ImportError).message).toMatch(message);
      }
      expect(await Promise.all((['articles', 'users', 'tags', 'import_map', 'redirects'] as const).map(rows))).toEqual([0, 0, 0, 0, 0]);
    });
  });
}
