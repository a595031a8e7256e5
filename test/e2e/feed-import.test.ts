import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/core/imports/import-error.js';
import { importFeed } from '../../src/importers/feeds/feed-import.js';
import { readFeed } from '../../src/importers/feeds/feed-reader.js';
import { htmlToMarkdown } from '../../src/importers/html-to-markdown.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const FEEDS = `${CORPUS_DIR}feeds/`;
const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-feeds-'));

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

/** What no imported body may carry once rendered: anything that runs, styles or embeds. */
const ACTIVE = /<script|<style|<iframe|<object|<embed|<form|\son[a-z]+\s*=|javascript:|vbscript:|data:text\/html|expression\(/i;

describe('reading feeds', () => {
  it('reads every file of the corpus as a feed or refuses it with an ImportError, never another failure', () => {
    const files = allFiles(FEEDS);
    expect(files.length).toBeGreaterThan(700);
    let read = 0;
    for (const file of files) {
      try {
        readFeed(readFileSync(file));
        read++;
      } catch (error) {
        expect(error, file).toBeInstanceOf(ImportError);
      }
    }
    // The real news feeds are among those read (counted by hand: guardian, heise, reddit, encoding, uolNoticias…).
    expect(read).toBeGreaterThan(500);
  }, 120_000);

  it('reads the declared ISO-8859-1 feed and the undeclared Latin-1 one with their accents, and refuses guessing CJK or Cyrillic', () => {
    expect(readFeed(readFileSync(`${FEEDS}rss-parser/encoding.rss`)).entries[0]!.title).toBe('Mãe de utente é a nova presidente da Raríssimas');
    expect(readFeed(readFileSync(`${FEEDS}rss-parser/uolNoticias.rss`)).entries.some((entry) => /[ãçéíó]/.test(entry.title))).toBe(true);
    for (const name of ['eucjp', 'koi8r', 'big5', 'tis620']) {
      const error = (() => {
        try {
          readFeed(readFileSync(`${FEEDS}feedparser-illformed/chardet/${name}.xml`));
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, name).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe('ENCODING');
    }
  });

  it('leaves nothing active in any entry of the sanitiser suite once imported and rendered', () => {
    const markdown = createMarkdownRenderer();
    let entries = 0;
    for (const file of allFiles(`${FEEDS}feedparser-sanitize/`)) {
      let feed;
      try {
        feed = readFeed(readFileSync(file));
      } catch {
        continue;
      }
      for (const entry of feed.entries) {
        const html = markdown.render(htmlToMarkdown(entry.html));
        expect(html, file).not.toMatch(ACTIVE);
        entries++;
      }
    }
    expect(entries).toBeGreaterThan(300);
  });
});

for (const database of testDatabases()) {
  describe(`feed import on ${database.name}`, () => {
    let app: TestApp;
    const deps = () => ({ store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 30 });
    const count = async () => Number((await app.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
    });
    afterAll(async () => app.dispose());

    it('makes one draft per entry in the chosen section, none public, and adds only new entries when read again', async () => {
      const section = await app.store.categories.create({ slug: 'wire', name: 'Wire' });
      const file = `${FEEDS}rss-parser/guardian.rss`;
      const report = await importFeed(deps(), readFileSync(file), { origin: file, sectionId: section.id });
      // 55 <item> elements, counted with xmllint.
      expect(report).toMatchObject({ entries: 55, created: 55, alreadyImported: 0, problems: [] });
      const rows = await app.store.db.selectFrom('articles').select(['slug', 'status', 'published_at', 'primary_category_id', 'title']).execute();
      expect(rows).toHaveLength(55);
      for (const row of rows) expect([row.status, row.published_at, row.primary_category_id]).toEqual(['draft', null, section.id]);
      expect(rows.map((row) => row.title)).toContain('Trump State of the Union address promised unity but emphasized discord');
      expect((await app.server.inject({ method: 'GET', url: `/${rows[0]!.slug}` })).statusCode).toBe(404);

      const again = await importFeed(deps(), readFileSync(file), { origin: file, sectionId: section.id });
      expect(again).toMatchObject({ created: 0, alreadyImported: 55 });
      expect(await count()).toBe(55);
    });

    it('imports a JSON Feed, its plain text escaped', async () => {
      const file = join(scratch, `${database.name}.json`);
      writeFileSync(
        file,
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Partner desk',
          items: [
            { id: 'p-1', title: 'Harbour dredging resumes', content_text: 'Crews returned <script>alert(1)</script> at dawn.', url: 'https://partner.example/1' },
            { id: 'p-2', title: 'Tram line approved', content_html: '<p>The council voted <strong>7 to 2</strong>.</p><img src=x onerror=alert(1)>' },
          ],
        }),
      );
      const before = await count();
      const report = await importFeed(deps(), readFileSync(file), { origin: file, sectionId: null });
      expect(report).toMatchObject({ feed: { format: 'json', title: 'Partner desk' }, created: 2 });
      expect(await count()).toBe(before + 2);
      const bodies = await app.store.db.selectFrom('articles').select(['title', 'body_html']).where('title', 'in', ['Harbour dredging resumes', 'Tram line approved']).orderBy('title').execute();
      expect(bodies[0]!.body_html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(bodies[1]!.body_html).toContain('<strong>7 to 2</strong>');
      for (const body of bodies) expect(body.body_html).not.toMatch(ACTIVE);
    });

    it('writes nothing for a file that is not a feed, or not in an encoding it says', async () => {
      const before = await count();
      for (const [file, code] of [
        [`${FEEDS}rss-parser/unrecognized.rss`, 'NOT_A_FEED'],
        [`${FEEDS}feedparser-illformed/chardet/koi8r.xml`, 'ENCODING'],
        [`${CORPUS_DIR}wxr/wpimporter-malformed.xml`, 'NOT_A_FEED'],
      ] as const) {
        const error = await importFeed(deps(), readFileSync(file), { origin: file, sectionId: null }).catch((caught: unknown) => caught);
        expect(error, file).toBeInstanceOf(ImportError);
        expect((error as ImportError).code, file).toBe(code);
      }
      expect(await count()).toBe(before);
    });
  });
}
