import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWxr } from '../../src/importers/wxr/wxr-reader.js';
import { mediaDirSource, PictureUnavailable } from '../../src/importers/picture-source.js';
import { ImportError } from '../../src/core/imports/import-error.js';
import { importWordpress } from '../../src/importers/wxr/wordpress-import.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { spawn } from 'node:child_process';

const WXR = `${CORPUS_DIR}wxr/`;
const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-wxr-'));

/**
 * Expected counts, read off each export with xmllint (count(//item[post_type='post'][status='publish']) and
 * the like) and checked by eye against the files, not taken from the importer.
 */
const EXPECTED: ReadonlyArray<{ file: string; published: number; scheduled: number; draft: number; private: number; pages: number; sections: number; sticky?: number }> = [
  { file: 'themeunittestdata.wordpress.xml', published: 56, scheduled: 1, draft: 1, private: 0, pages: 21, sections: 68, sticky: 1 },
  { file: '64-block-test-data.xml', published: 61, scheduled: 0, draft: 0, private: 0, pages: 1, sections: 7 },
  { file: 'wpimporter-small-export.xml', published: 5, scheduled: 0, draft: 0, private: 1, pages: 5, sections: 30 },
  { file: 'wpcom-jekyllbot.wordpress.2025-01-19.xml', published: 7, scheduled: 0, draft: 0, private: 0, pages: 1, sections: 2 },
  { file: 'wpimporter-valid-wxr-1.1.xml', published: 1, scheduled: 0, draft: 0, private: 0, pages: 1, sections: 1 },
];

/** Row counts of every table an import writes. */
async function footprint(app: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['articles', 'users', 'categories', 'tags', 'redirects', 'import_map', 'revisions', 'article_tags', 'article_authors'] as const) {
    const row = await app.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** What a body holds, counted the same way in the export's HTML and in the article we render. */
function structure(html: string) {
  const document = parseDocument(html);
  const all = (...names: string[]) => DomUtils.findAll((element) => names.includes(element.name), document.children);
  const text = (element: Parameters<typeof DomUtils.textContent>[0]) => DomUtils.textContent(element).replace(/\s+/g, ' ').trim();
  return {
    headings: all('h1', 'h2', 'h3', 'h4', 'h5', 'h6').length,
    // An empty list item says nothing (and Markdown has no empty item); one holding only a picture is not empty.
    listItems: all('li').filter((element) => text(element) !== '' || DomUtils.findOne((child) => child.name === 'img', element.children) !== null).length,
    tables: all('table').length,
    rows: all('tr').length,
    quotes: all('blockquote').length,
    preformatted: all('pre').length,
    pictures: all('img').flatMap((element) => (element.attribs.src ? [element.attribs.src] : [])),
    links: all('a').map((element) => element.attribs.href ?? ''),
    captions: all('figcaption').map(text).filter((caption) => caption !== ''),
    text: text(document),
  };
}

function variant(name: string, text: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

for (const database of testDatabases()) {
  describe(`WordPress import on ${database.name}`, () => {
    let app: TestApp;
    const deps = () => ({ store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 30 });
    const run = (file: string, options: { dryRun?: boolean } = {}) => importWordpress(deps(), file, options);

    /** Drops the database `current` used and opens an empty one. */
    const fresh = async (current: TestApp) => {
      await current.dispose();
      return openTestApp(database, { seed: false });
    };
    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
    });
    afterAll(async () => app.dispose());

    for (const expected of EXPECTED) {
      it(`imports ${expected.file} with the counts the file declares, and a second run adds nothing`, async () => {
        // Exports of one site share post ids (the theme's two files; small-export and valid-wxr-1.1): a fresh database each.
        app = await fresh(app);
        const before = await footprint(app);
        const report = await run(WXR + expected.file);
        expect(report.problems).toEqual([]);
        expect(report.byStatus).toEqual({ published: expected.published, scheduled: expected.scheduled, draft: expected.draft, in_review: 0 });
        expect(report.created.articles).toBe(expected.published + expected.scheduled + expected.draft);
        expect(report.skipped.private ?? 0).toBe(expected.private);
        expect(report.created.pages).toBe(expected.pages);
        expect(report.sticky).toBe(expected.sticky ?? 0);
        expect(await app.store.pages.list()).toHaveLength(expected.pages);
        const after = await footprint(app);
        expect(after.articles! - before.articles!).toBe(report.created.articles);
        const mapped = await app.store.imports.counts(report.source);
        expect(mapped.category).toBe(expected.sections);

        const again = await run(WXR + expected.file);
        expect(again.created).toEqual({ articles: 0, pages: 0, authors: 0, sections: 0, tags: 0, redirects: 0, pictures: 0 });
        expect(await footprint(app)).toEqual(after);
      });
    }

    for (const file of ['64-block-test-data.xml', 'themeunittestdata.wordpress.xml']) {
      it(`keeps the headings, lists, tables, quotes, preformatted text, pictures and captions of every post in ${file}`, async () => {
        app = await fresh(app);
        const report = await run(WXR + file);
        let posts = 0;
        for await (const record of readWxr(WXR + file)) {
          if (record.kind !== 'item' || record.fields.get('wp:post_type') !== 'post') continue;
          const id = await app.store.imports.find(report.source, 'post', record.fields.get('wp:post_id')!.trim());
          const article = await app.store.articles.findById(id!);
          const before = structure(record.fields.get('content:encoded') ?? '');
          const after = structure(article!.bodyHtml);
          const label = `post ${record.fields.get('wp:post_id')}`;
          expect(
            [after.headings, after.listItems, after.tables, after.rows, after.quotes, after.preformatted],
            label,
          ).toEqual([before.headings, before.listItems, before.tables, before.rows, before.quotes, before.preformatted]);
          // Pictures from the old site are not brought over yet: each stays as a link to where it is.
          for (const picture of before.pictures) expect(after.links.map((href) => decodeURI(href)), `${label}: ${picture}`).toContain(decodeURI(picture));
          for (const caption of before.captions) expect(after.text, label).toContain(caption);
          posts++;
        }
        expect(posts).toBe(report.created.articles);
      });
    }

    it('brings pictures from a copy of the uploads folder: bodies and featured pictures use them, a hostile file is refused', async () => {
      app = await fresh(app);
      const file = `${WXR}themeunittestdata.wordpress.xml`;
      // The old site's uploads folder, made here: a small picture at every image address of the export, except
      // one, which holds the SVG payload of the corpus under a .jpg name.
      const uploads = mkdtempSync(join(scratch, 'uploads-'));
      const media = mkdtempSync(join(scratch, 'media-'));
      const addresses = [...readFileSync(file, 'utf8').matchAll(/<wp:attachment_url>([^<]+)<\/wp:attachment_url>/g)].map((match) => match[1]!.trim());
      const images = addresses.filter((address) => /\.(jpg|gif)$/.test(address));
      expect(images).toHaveLength(35);
      for (const [index, address] of images.entries()) {
        const path = join(uploads, new URL(address).pathname);
        mkdirSync(join(path, '..'), { recursive: true });
        const body =
          index === 3
            ? readFileSync(`${CORPUS_DIR}payloads/upload-files/SVG_XSS1.svg`)
            : await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: index * 7, g: 90, b: 200 - index * 5 } } }).png().toBuffer();
        writeFileSync(path, body);
      }
      const pictures = { source: mediaDirSource(uploads), mediaDir: media };
      const report = await importWordpress(deps(), file, { pictures });
      expect(report.created.pictures).toBe(34);
      expect(report.problems).toEqual([expect.stringMatching(/^Picture \d+ \(.*\): SVG files are not accepted/)]);

      // Post 1011's featured picture is attachment 1022. Post 1177's body shows image-alignment-580x300.jpg, which
      // the export holds as attachment 967: its own upload, not a size WordPress made of image-alignment.jpg.
      const featured = await app.store.articles.findById((await app.store.imports.find(report.source, 'post', '1011'))!);
      expect(featured!.featuredMediaId).toBe(await app.store.imports.find(report.source, 'media', '1022'));
      const page = await app.server.inject({ method: 'GET', url: `/${featured!.slug}` });
      expect(page.statusCode).toBe(200);
      const picture = await app.store.media.findById(featured!.featuredMediaId!);
      expect(page.body).toContain(picture!.variants[0]!.file);
      const shown = await app.store.imports.find(report.source, 'media', '967');
      const alignment = await app.store.articles.findById((await app.store.imports.find(report.source, 'post', '1177'))!);
      expect(alignment!.bodyMd).toContain(`(/media/pictures/${shown}.jpg)`);
      expect(alignment!.bodyHtml).toContain(`<img src="/media/pictures/${shown}.jpg"`);

      const files = readdirSync(media).length;
      const again = await importWordpress(deps(), file, { pictures });
      expect(again.created.pictures).toBe(0);
      expect(readdirSync(media)).toHaveLength(files);
    });

    it('a picture address cannot climb out of the uploads folder', async () => {
      const uploads = mkdtempSync(join(scratch, 'jail-'));
      for (const address of ['https://old.example/wp-content/uploads/../../../../etc/passwd', 'https://old.example/wp-content/uploads/%2e%2e/%2e%2e/etc/passwd']) {
        await expect(mediaDirSource(uploads).read(address)).rejects.toBeInstanceOf(PictureUnavailable);
      }
    });

    it('three `newsdesk import` processes on one file at once: all finish, nothing twice', async () => {
      // Real processes, each with its own connection. On SQLite a transaction that read and then wrote used to
      // fail at once with "database is locked" when another process had written in between.
      const single = await openTestApp(database, { seed: false });
      const side = await openTestApp(database, { seed: false });
      try {
        await importWordpress({ ...deps(), store: single.store }, `${WXR}themeunittestdata.wordpress.xml`);
        const url = side.config.database.kind === 'sqlite' ? `sqlite:${side.config.database.file}` : `${side.config.database.url}${side.config.database.url.includes('?') ? '&' : '?'}schema=${side.config.database.schema}`;
        const results = await Promise.all(
          [1, 2, 3].map(
            () =>
              new Promise<{ code: number | null; output: string }>((resolve) => {
                const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts', 'import', 'wordpress', `${WXR}themeunittestdata.wordpress.xml`], {
                  env: { ...process.env, DATABASE_URL: url, NEWSDESK_DEMO_CONTENT: 'off' },
                });
                let output = '';
                child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
                child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
                child.on('close', (code) => resolve({ code, output }));
              }),
          ),
        );
        expect(results.map((result) => [result.code, result.code === 0 ? '' : result.output])).toEqual([[0, ''], [0, ''], [0, '']]);
        expect(await footprint(side)).toEqual(await footprint(single));
      } finally {
        await side.dispose();
        await single.dispose();
      }
    });

    it('a dry run reads everything and writes nothing', async () => {
      const fresh = await openTestApp(database, { seed: false });
      try {
        const report = await importWordpress({ ...deps(), store: fresh.store }, `${WXR}wpimporter-small-export.xml`, { dryRun: true });
        expect(report.byStatus.published).toBe(5);
        expect(Object.values(await footprint(fresh)).every((n) => n === 0)).toBe(true);
      } finally {
        await fresh.dispose();
      }
    });

    describe('a bad file ends with a clear message and no row written', () => {
      const theme = () => readFileSync(`${WXR}themeunittestdata.wordpress.xml`);
      const cases: Array<[string, () => string, ImportError['code'], RegExp]> = [
        ['wpimporter-malformed.xml', () => `${WXR}wpimporter-malformed.xml`, 'NOT_WELL_FORMED', /not well-formed XML \(line 90/],
        ['wpimporter-crazy-cdata.xml', () => `${WXR}wpimporter-crazy-cdata.xml`, 'NOT_WELL_FORMED', /line 18/],
        ['ghostmigrate-sample.xml (a raw & in a URL)', () => `${WXR}ghostmigrate-sample.xml`, 'NOT_WELL_FORMED', /not well-formed/],
        ['wpimporter-missing-version-tag.xml', () => `${WXR}wpimporter-missing-version-tag.xml`, 'NOT_WXR', /wxr_version/],
        ['an RSS feed', () => `${CORPUS_DIR}feeds/rss-parser/guardian.rss`, 'NOT_WXR', /not a WordPress export/],
        [
          'a DTD reading /etc/passwd',
          () => variant('dtd.xml', theme().toString('utf8').replace('<rss', '<!DOCTYPE rss [<!ENTITY leak SYSTEM "file:///etc/passwd">]>\n<rss').replace('<title>', '<title>&leak;')),
          'UNSAFE_XML',
          /DOCTYPE/,
        ],
        [
          'entity expansion (billion laughs)',
          () => variant('laughs.xml', theme().toString('utf8').replace('<rss', '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<rss')),
          'UNSAFE_XML',
          /DOCTYPE/,
        ],
        ['a truncated file', () => variant('truncated.xml', theme().subarray(0, Math.floor(theme().length * 0.6))), 'NOT_WELL_FORMED', /not well-formed/],
        ['a file cut inside a UTF-8 character', () => variant('cut-utf8.xml', Buffer.concat([theme().subarray(0, 400_000), Buffer.from([0xe2, 0x82])])), 'ENCODING', /UTF-8/],
        ['Latin-1 bytes in a UTF-8 file', () => variant('latin1.xml', Buffer.concat([theme().subarray(0, 300_000), Buffer.from([0x20, 0xe9, 0x20]), theme().subarray(300_000)])), 'ENCODING', /not valid UTF-8/],
        ['a declared ISO-8859-1 encoding', () => variant('declared.xml', theme().toString('utf8').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')), 'ENCODING', /ISO-8859-1/],
        ['an empty file', () => variant('empty.xml', ''), 'NOT_WELL_FORMED', /./],
      ];
      for (const [name, make, code, message] of cases) {
        it(name, async () => {
          const fresh = await openTestApp(database, { seed: false });
          try {
            const error = await importWordpress({ ...deps(), store: fresh.store }, make()).catch((caught: unknown) => caught);
            expect(error).toBeInstanceOf(ImportError);
            expect((error as ImportError).code).toBe(code);
            expect((error as ImportError).message).toMatch(message);
            expect(await footprint(fresh)).toEqual({ articles: 0, users: 0, categories: 0, tags: 0, redirects: 0, import_map: 0, revisions: 0, article_tags: 0, article_authors: 0 });
          } finally {
            await fresh.dispose();
          }
        });
      }
    });

    it('keeps 300 authors as byline profiles nobody can sign in as', async () => {
      app = await fresh(app);
      const report = await run(`${WXR}wpimporter-large-authors.xml`);
      expect(report.created.authors + report.alreadyImported).toBe(300);
      const source = readFileSync(`${WXR}wpimporter-large-authors.xml`, 'utf8');
      const logins = [...source.matchAll(/<wp:author_login><!\[CDATA\[([^\]]*)\]\]><\/wp:author_login>|<wp:author_login>([^<]*)<\/wp:author_login>/g)].map((m) => m[1] ?? m[2]);
      expect(logins).toHaveLength(300);
      for (const login of [logins[0]!, logins[150]!, logins[299]!]) {
        const id = await app.store.imports.find(report.source, 'author', login);
        expect(id).toBeDefined();
        const row = await app.store.db.selectFrom('users').select(['password_hash', 'role']).where('id', '=', id!).executeTakeFirstOrThrow();
        expect(row).toEqual({ password_hash: null, role: 'contributor' });
      }
    });

    it('keeps every character of a hostile Unicode title, and makes a slug without bidi controls', async () => {
      app = await fresh(app);
      const report = await run(`${WXR}wpimporter-wxr-utf-8-challenges.xml`);
      const id = await app.store.imports.find(report.source, 'post', '10');
      const article = await app.store.articles.findById(id!);
      expect(article!.title).toBe('"The Road \u202eNot\u202c Taken" by Rob\u202dert \u202eFrost \u202a🌲\u202c'.normalize('NFC'));
      expect(article!.slug).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(article!.slug).toMatch(/^[\p{Ll}\p{Lo}\p{N}-]+$/u);
    });

    it('bylines every Co-Authors Plus author in order', async () => {
      app = await fresh(app);
      const report = await run(`${WXR}ghostmigrate-co-authors-plus.xml`);
      const id = await app.store.imports.find(report.source, 'post', '100');
      const { authorIds } = await app.store.articles.links(id!);
      const names = await Promise.all(authorIds.map(async (authorId) => (await app.store.db.selectFrom('users').select('display_name').where('id', '=', authorId).executeTakeFirstOrThrow()).display_name));
      expect(names).toEqual(['Alice Smith', 'Bob Jones']);
    });

    it('imports two different stories with the same title and time', async () => {
      app = await fresh(app);
      // WordPress gives the second the name council-meets-2; the headline and the minute are the same.
      const name = (id: number) => (id === 1 ? 'council-meets' : `council-meets-${id}`);
      const item = (id: number, body: string) => `<item><title>Council meets</title><link>https://twins.example/2024/03/01/${name(id)}/</link>
<wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2024-03-01 09:00:00</wp:post_date_gmt><wp:post_name>${name(id)}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><dc:creator>desk</dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded></item>`;
      const file = variant(
        'twins.xml',
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Twins</title><link>https://twins.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://twins.example</wp:base_site_url>
${item(1, 'The morning session.')}${item(2, 'The evening session.')}</channel></rss>`,
      );
      const report = await run(file);
      expect(report.created.articles).toBe(2);
      const slugs = await Promise.all(['1', '2'].map(async (postId) => (await app.store.articles.findById((await app.store.imports.find(report.source, 'post', postId))!))!.slug));
      expect(new Set(slugs).size).toBe(2);
      // Each old address leads to its own story.
      for (const [index, postId] of ['1', '2'].entries()) {
        const response = await app.server.inject({ method: 'GET', url: `/2024/03/01/${name(Number(postId))}/` });
        expect(response.statusCode).toBe(301);
        expect(response.headers.location).toBe(`/${slugs[index]}`);
      }
    });

    it('old addresses answer 301: the permalink, ?p=ID, categories, tags, authors and their feeds', async () => {
      app = await fresh(app);
      const report = await run(`${WXR}wpimporter-small-export.xml`);
      const id = await app.store.imports.find(report.source, 'post', '1');
      const article = await app.store.articles.findById(id!);
      const expectMove = async (url: string, to: string) => {
        const response = await app.server.inject({ method: 'GET', url });
        expect([response.statusCode, response.headers.location], url).toEqual([301, to]);
      };
      await expectMove('/?p=1', `/${article!.slug}`);
      const page = await app.server.inject({ method: 'GET', url: `/${article!.slug}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Welcome to WordPress.');
      // A ?p= nobody imported is not found, and the home page itself is unchanged.
      expect((await app.server.inject({ method: 'GET', url: '/?p=999999' })).statusCode).toBe(404);
      expect((await app.server.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
      const theme = await run(`${WXR}themeunittestdata.wordpress.xml`);
      const markup = await app.store.articles.findById((await app.store.imports.find(theme.source, 'post', '1178'))!);
      await expectMove('/2013/01/11/markup-html-tags-and-formatting/', `/${markup!.slug}`);
      const child = await app.store.categories.findBySlug('child-category-01');
      await expectMove('/category/parent-category/child-category-01/', `/category/${child!.slug}`);
      await expectMove('/category/parent-category/child-category-01/feed/', `/category/${child!.slug}/rss.xml`);
      // "WordPress" is a reserved word here: the tag takes the next free slug, and its old address follows.
      await expectMove('/tag/wordpress/', '/tag/wordpress-2');
      // Static pages: "About The Tests" (page 2) answers at its own address, reached from ?page_id=2 and its old
      // link; a child page's nested old address (/about/page-with-comments/) leads to its flat new one.
      const about = (await app.store.pages.findById((await app.store.imports.find(theme.source, 'page', '2'))!))!;
      expect(about.title).toBe('About The Tests');
      const shown = await app.server.inject({ method: 'GET', url: `/${about.slug}` });
      expect([shown.statusCode, shown.body.includes('<h1 class="article__title">About The Tests</h1>')]).toEqual([200, true]);
      await expectMove('/?page_id=2', `/${about.slug}`);
      const childPage = (await app.store.pages.findById((await app.store.imports.find(theme.source, 'page', '155'))!))!;
      await expectMove('/about/page-with-comments/', `/${childPage.slug}`);
      // Pages are in the sitemap, never in feeds.
      expect((await app.server.inject({ method: 'GET', url: '/sitemaps/pages.xml' })).body).toContain(`/${about.slug}</loc>`);
      expect((await app.server.inject({ method: 'GET', url: '/rss.xml' })).body).not.toContain('About The Tests');
    });
  });
}
