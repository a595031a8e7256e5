import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

/**
 * Scheduling in a site time zone with daylight saving. Each zone's changes of 2027 are written out by hand:
 * [zone, a time the clocks skip and the gap the message must name, a time that happens twice with its two
 * readings (offset in minutes, label, UTC instant), an ordinary time with its UTC instant].
 */
const ZONES = [
  {
    zone: 'Europe/London',
    skipped: { at: '2027-03-28T01:30', gap: 'from 01:00 to 02:00' },
    repeated: {
      at: '2027-10-31T01:30',
      first: { offset: 60, label: '01:30 BST (UTC+1)', utc: '2027-10-31T00:30:00.000Z' },
      second: { offset: 0, label: '01:30 GMT (UTC+0)', utc: '2027-10-31T01:30:00.000Z' },
    },
    ordinary: { at: '2027-06-01T09:00', utc: '2027-06-01T08:00:00.000Z' },
  },
  {
    zone: 'America/New_York',
    skipped: { at: '2027-03-14T02:30', gap: 'from 02:00 to 03:00' },
    repeated: {
      at: '2027-11-07T01:30',
      first: { offset: -240, label: '01:30 EDT (UTC-4)', utc: '2027-11-07T05:30:00.000Z' },
      second: { offset: -300, label: '01:30 EST (UTC-5)', utc: '2027-11-07T06:30:00.000Z' },
    },
    ordinary: { at: '2027-01-15T18:00', utc: '2027-01-15T23:00:00.000Z' },
  },
] as const;

for (const database of testDatabases()) {
  for (const { zone, skipped, repeated, ordinary } of ZONES) {
    describe(`scheduling in ${zone} across daylight-saving changes on ${database.name}`, () => {
      let app: TestApp;
      let editor: AdminClient;

      beforeAll(async () => {
        app = await openTestApp(database, { seed: false, env: { NEWSDESK_TIME_ZONE: zone } });
        await makeUser(app, 'editor');
        editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      });
      afterAll(async () => app.dispose());

      async function schedule(title: string, fields: Record<string, string>) {
        const article = await addArticle(app, { title, status: 'draft', authorSlugs: ['editor-person'] });
        await editor.get(`/admin/articles/${article.id}`);
        const response = await editor.post(`/admin/articles/${article.id}/action`, { action: 'schedule', revision: article.revision, ...fields });
        return { response, stored: (await app.store.articles.findById(article.id))! };
      }

      it(`refuses ${skipped.at}, which the clocks skip, naming the gap`, async () => {
        const { response, stored } = await schedule('Skipped hour', { at: skipped.at });
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain(`${skipped.at.slice(11)} does not exist on ${skipped.at.slice(0, 10)} in ${zone}`);
        expect(response.body).toContain(skipped.gap);
        expect(stored.status).toBe('draft');
        expect(stored.publishedAt).toBeNull();
      });

      it(`asks which ${repeated.at} is meant, offering both, and stores nothing until told`, async () => {
        const { response, stored } = await schedule('Repeated hour', { at: repeated.at });
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain('happens twice');
        expect(response.body).toContain(`value="${repeated.at}"`);
        for (const choice of [repeated.first, repeated.second]) {
          expect(response.body).toContain(`<input type="radio" name="offset" value="${choice.offset}"/>`);
          expect(response.body).toContain(`<span>${choice.label}</span>`);
        }
        expect(stored.status).toBe('draft');
        expect(stored.publishedAt).toBeNull();
      });

      for (const which of ['first', 'second'] as const) {
        it(`stores the ${which} ${repeated.at} when the form says which`, async () => {
          const choice = repeated[which];
          const { response, stored } = await schedule(`Repeated hour, ${which}`, { at: repeated.at, offset: String(choice.offset) });
          expect(response.statusCode).toBe(303);
          expect(stored.status).toBe('published');
          expect(stored.publishedAt?.toISOString()).toBe(choice.utc);
        });
      }

      it(`stores an ordinary ${ordinary.at} as ${ordinary.utc}`, async () => {
        const { response, stored } = await schedule('Ordinary time', { at: ordinary.at });
        expect(response.statusCode).toBe(303);
        expect(stored.publishedAt?.toISOString()).toBe(ordinary.utc);
      });
    });
  }
}
