import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { listedArticleHrefs } from '../support/html.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

// Section, tag and author pages carry a small search form that keeps the search within them.

/** The "search within" form of a page: its action and the names and values of its hidden fields. */
function searchWithinForm(html: string): { action: string; hidden: Record<string, string> } | undefined {
  const form = /<form class="search-within"[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) return undefined;
  const hidden = Object.fromEntries(
    [...(form[2] ?? '').matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
  return { action: form[1] ?? '', hidden };
}

for (const database of testDatabases()) {
  describe(`searching within an archive on ${database.name}`, () => {
    let app: TestApp;
    const get = (url: string) => app.server.inject({ method: 'GET', url });
    const pelicans: Record<string, string> = {};

    beforeAll(async () => {
      app = await openTestApp(database);
      const at = (minutes: number) => new Date(TEST_NOW.getTime() - minutes * 60_000);
      const add = async (key: string, input: Parameters<typeof addArticle>[1]) => (pelicans[key] = `/${(await addArticle(app, input)).slug}`);
      await add('imranEconomy', { title: 'Pelican numbers rise on the estuary', authorSlugs: ['imran-qadir'], categorySlug: 'economy', tagNames: ['Birds'], publishedAt: at(10) });
      await add('farahInternational', { title: 'Pelican census across the border', authorSlugs: ['farah-siddiqui'], categorySlug: 'international', publishedAt: at(20) });
      await add('farahBirds', { title: 'Pelican rescue centre opens', authorSlugs: ['farah-siddiqui'], tagNames: ['Birds'], publishedAt: at(30) });
    });
    afterAll(async () => app.dispose());

    const cases: Array<[page: string, hidden: Record<string, string>, found: string[]]> = [
      ['/author/imran-qadir', { author: 'imran-qadir' }, ['imranEconomy']],
      ['/author/farah-siddiqui', { author: 'farah-siddiqui' }, ['farahInternational', 'farahBirds']],
      ['/tag/birds', { tag: 'birds' }, ['imranEconomy', 'farahBirds']],
      ['/category/international', { section: 'international' }, ['farahInternational']],
    ];
    for (const [page, hidden, found] of cases) {
      it(`${page} searches only its own articles`, async () => {
        const response = await get(page);
        expect(response.statusCode).toBe(200);
        const form = searchWithinForm(response.body);
        expect(form).toEqual({ action: '/search', hidden });
        const query = new URLSearchParams({ q: 'pelican', ...form!.hidden });
        const results = await get(`${form!.action}?${query.toString()}`);
        expect(results.statusCode).toBe(200);
        expect(listedArticleHrefs(results.body)).toEqual(found.map((key) => pelicans[key]));
      });
    }
  });
}
