import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTool } from '../support/required-tools.js';
import { testDatabases } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const PAGES = [
  '/',
  '/pakistan-cabinet-approves-cis-moa-with-united-states',
  '/category/economy',
  '/category/international',
  '/tag/pakistan',
  '/tag/trade',
  '/author/imran-qadir',
  '/no-such-page',
];

describeWithTool('postgresql', 'SQLite and PostgreSQL give identical results', () => {
  let apps: TestApp[];

  beforeAll(async () => {
    apps = await Promise.all(testDatabases().map((database) => openTestApp(database, { env: { NEWSDESK_PAGE_SIZE: '3' } })));
  });
  afterAll(async () => Promise.all(apps.map((app) => app.dispose())));

  it('renders byte-identical pages from the same content', async () => {
    for (const url of PAGES) {
      const [sqlite, postgres] = await Promise.all(apps.map((app) => app.server.inject({ method: 'GET', url })));
      expect(postgres!.statusCode, url).toBe(sqlite!.statusCode);
      expect(postgres!.body, url).toBe(sqlite!.body);
    }
  });

  it('walks every archive page to the same articles in the same order', async () => {
    for (const start of ['/category/economy', '/tag/pakistan', '/author/farah-siddiqui']) {
      const walks = await Promise.all(
        apps.map(async (app) => {
          const bodies: string[] = [];
          let url: string | undefined = start;
          while (url && bodies.length < 20) {
            const response: { body: string } = await app.server.inject({ method: 'GET', url });
            bodies.push(response.body);
            url = /<a href="([^"]+)" rel="next">/.exec(response.body)?.[1]?.replace(/&amp;/g, '&');
          }
          return bodies;
        }),
      );
      expect(walks[0]!.length, start).toBeGreaterThan(1);
      expect(walks[1], start).toEqual(walks[0]);
    }
  });
});
