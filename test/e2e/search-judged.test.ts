import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { listedArticleHrefs, textOf } from '../support/html.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { JUDGED_TIME_ZONE } from '../search/judged-corpus.js';
import { judgedQueries, type JudgedQuery } from '../search/judged-queries.js';
import { loadJudgedCorpus } from '../search/load-judged-corpus.js';

// Search quality against the judged set (test/search): a fixed corpus written for it and queries answered by
// hand from the search specification. Every query runs over HTTP on each database; what must not appear must
// not, what must be in the top five must be; precision@5 and recall@5 are printed per query and overall; and
// both databases must give the same ordered answer to every query.

/** Ordered result slugs, per database, per query id: filled by the query tests, read by the last ones. */
const answers = new Map<string, Map<string, string[]>>();

const urlFor = (q: string, params: Record<string, string> = {}) =>
  '/search?' + Object.entries({ q, ...params }).map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');

const slugOf = (href: string) => href.replace(/^\//, '');

interface Scores {
  id: string;
  shown: number;
  /** Relevant (mustTop5 or alsoRelevant) among the first five shown, over how many were shown (1 when none was expected and none shown). */
  precision: number;
  /** mustTop5 found among the first five, over mustTop5; undefined for queries that must find nothing. */
  recall: number | undefined;
}

function score(query: JudgedQuery, slugs: readonly string[]): Scores {
  const top5 = slugs.slice(0, 5);
  const relevant = new Set([...query.mustTop5, ...(query.alsoRelevant ?? [])]);
  const precision = top5.length === 0 ? (relevant.size === 0 ? 1 : 0) : top5.filter((slug) => relevant.has(slug)).length / top5.length;
  const recall = query.mustTop5.length === 0 ? undefined : query.mustTop5.filter((slug) => top5.includes(slug)).length / query.mustTop5.length;
  return { id: query.id, shown: slugs.length, precision, recall };
}

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

for (const database of testDatabases()) {
  describe(`judged search quality on ${database.name}`, () => {
    let app: TestApp;
    const found = new Map<string, string[]>();
    answers.set(database.name, found);
    const get = (url: string) => app.server.inject({ method: 'GET', url });

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false, env: { NEWSDESK_TIME_ZONE: JUDGED_TIME_ZONE } });
      await loadJudgedCorpus(app);
    }, 300_000);
    afterAll(async () => app?.dispose());

    for (const query of judgedQueries) {
      it(`${query.id} (${query.q}${query.params ? ' ' + new URLSearchParams(query.params).toString() : ''}): ${query.reason}`, async () => {
        const response = await get(urlFor(query.q, query.params));
        const slugs = listedArticleHrefs(response.body).map(slugOf);
        found.set(query.id, slugs);
        expect(response.statusCode).toBe(200);
        for (const slug of query.mustNot) expect(slugs, `${slug} must not be found`).not.toContain(slug);
        if (query.expectEmpty) expect(slugs).toEqual([]);
        if (query.ordered) {
          expect(slugs.slice(0, query.mustTop5.length)).toEqual(query.mustTop5);
        } else {
          expect(slugs.slice(0, 5)).toEqual(expect.arrayContaining(query.mustTop5));
        }
      });
    }

    it('finds every must-have in the top five (recall@5 ≥ 0.95 overall), and reports precision@5 and recall@5', () => {
      const rows = judgedQueries.map((query) => score(query, found.get(query.id) ?? []));
      const recalls = rows.flatMap((row) => (row.recall === undefined ? [] : [row.recall]));
      const overall = { precision: mean(rows.map((row) => row.precision)), recall: mean(recalls) };
      const pad = (text: string, width: number) => text.padEnd(width);
      const lines = rows.map(
        (row) => `${pad(row.id, 32)} ${String(row.shown).padStart(5)}  ${row.precision.toFixed(2)}  ${row.recall === undefined ? '  — ' : row.recall.toFixed(2)}`,
      );
      console.log(
        [
          `judged search on ${database.name}: ${rows.length} queries`,
          `${pad('query', 32)} found  P@5   R@5`,
          ...lines,
          `${pad('overall (mean)', 32)}        ${overall.precision.toFixed(2)}  ${overall.recall.toFixed(2)}`,
        ].join('\n'),
      );
      expect(rows).toHaveLength(judgedQueries.length);
      expect(overall.recall).toBeGreaterThanOrEqual(0.95);
    });

    it('marks the matched words in the snippet as they are written: "cafe" marks Café, "running" marks runs', async () => {
      const cafe = (await get(urlFor('cafe'))).body;
      expect(listedArticleHrefs(cafe)[0]).toBe('/cafe-owners-protest-rent-rises');
      expect(firstResult(cafe)).toContain('<mark>Café</mark>');

      // The marathon story matches "running" only through "runs" in its body: the snippet shows that word marked.
      const running = (await get(urlFor('running'))).body;
      expect(listedArticleHrefs(running).slice(0, 2)).toEqual(['/new-metro-line-running-two-years-late', '/runner-breaks-lisbon-marathon-course-record']);
      expect(nthResult(running, 1)).toContain('<mark>runs</mark>');
      expect(nthResult(running, 1)).not.toContain('<mark>Runner</mark>');
    });

    it('says why a query made only of stopwords finds nothing, rather than only that nothing matched', async () => {
      const explain = async (q: string) => {
        const response = await get(urlFor(q));
        expect(response.statusCode).toBe(200);
        expect(listedArticleHrefs(response.body)).toEqual([]);
        return textOf(/<main\b[\s\S]*<\/main>/.exec(response.body)?.[0] ?? response.body).replaceAll(q, 'QUERY');
      };
      expect(await explain('the')).not.toBe(await explain('zzyzxnotaword'));
    });

    it('refuses a malformed date filter with 400', async () => {
      const malformed: Array<Record<string, string>> = [{ from: '2026-13-01' }, { to: 'yesterday' }, { from: '29/11/2026' }, { to: '2026-02-30' }];
      for (const params of malformed) {
        expect((await get(urlFor('council', params))).statusCode, JSON.stringify(params)).toBe(400);
      }
      expect((await get(urlFor('council', { from: '2026-11-01', to: '2026-11-30' }))).statusCode).toBe(200);
    });
  });
}

describe('judged search on every database', () => {
  it('gives the same ordered results on each database for every judged query', () => {
    const names = testDatabases().map((database) => database.name);
    expect([...answers.keys()]).toEqual(names);
    const [first, ...others] = names.map((name) => ({ name, found: answers.get(name)! }));
    for (const query of judgedQueries) expect(first!.found.has(query.id), `${first!.name} answered ${query.id}`).toBe(true);
    for (const other of others) {
      for (const query of judgedQueries) {
        expect(other.found.get(query.id), `${query.id} on ${other.name} and ${first!.name}`).toEqual(first!.found.get(query.id));
      }
    }
  });
});

/** The HTML of the n-th result (0-based) of a search page. */
function nthResult(html: string, n: number): string {
  const list = /<ol class="article-list"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)][n]?.[1] ?? '';
}

function firstResult(html: string): string {
  return nthResult(html, 0);
}
