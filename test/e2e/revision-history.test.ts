import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

// The site runs in Karachi (UTC+5): times on the history and in the diff are in the site's zone.
// TEST_NOW is 29 Nov 2026 12:00 UTC, 17:00 in Karachi.

const words = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
/** The history's revision lines on the editor page (folded ones included), tags stripped, spaces squeezed. */
function historyLines(html: string): string[] {
  const history = /<h2>History<\/h2>([\s\S]*)$/.exec(html)![1]!;
  return [...history.matchAll(/<li>((?:(?!<li>|<details>)[\s\S])*?)<\/li>/g)].map((m) => words(m[1]!));
}

for (const database of testDatabases()) {
  describe(`revisions read like a history on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    let id: number;
    const revisionOf = async () => (await app.store.articles.findById(id))!.revision;

    beforeAll(async () => {
      app = await openTestApp(database, { env: { NEWSDESK_TIME_ZONE: 'Asia/Karachi' } });
      await makeUser(app, 'editor', 'Nadia Editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      await editor.get('/admin/articles/new');
      const created = await editor.post('/admin/articles', { title: 'Port dredging begins' });
      id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
      await editor.get(`/admin/articles/${id}`);
      // 2: a save; 3–5: three autosaves while typing; 6: published; 7: through the API; 8: revision 2 restored
      // (the story is live, so the restored text is an unpublished change in its working copy).
      expect((await editor.post(`/admin/articles/${id}`, { revision: await revisionOf(), title: 'Port dredging begins', bodyMd: 'Work starts on Monday at the east wharf.' })).statusCode).toBe(303);
      for (const body of ['Work starts on Tuesday', 'Work starts on Tuesday at the west', 'Work starts on Tuesday at the west wharf.']) {
        expect((await editor.post(`/admin/articles/${id}/autosave`, { revision: await revisionOf(), title: 'Port dredging begins', bodyMd: body })).statusCode).toBe(200);
      }
      expect((await editor.post(`/admin/articles/${id}/action`, { action: 'publish', revision: await revisionOf() })).statusCode).toBe(303);
      const token = newApiToken();
      await app.store.apiKeys.create({ name: 'wire desk', role: 'editor', tokenHash: hashApiToken(token) });
      const api = await app.server.inject({
        method: 'PATCH',
        url: `/api/v1/articles/${id}`,
        headers: { authorization: `Bearer ${token}` },
        payload: { revision: await revisionOf(), dek: 'Ships will wait less.' },
      });
      expect(api.statusCode, api.body).toBe(200);
      expect((await editor.post(`/admin/articles/${id}/revisions/2/restore`, { revision: await revisionOf() })).statusCode).toBe(303);
    }, 300_000);
    afterAll(async () => app?.dispose());

    it('labels every revision, marks the current one and folds consecutive autosaves', async () => {
      const page = await editor.get(`/admin/articles/${id}`);
      expect(page.statusCode).toBe(200);
      expect(historyLines(page.body)).toEqual([
        'Revision 8 · Restored an earlier revision (unpublished change) · by Nadia Editor, 29 Nov 2026, 17:00 Current',
        'Revision 7 · Saved through the API · by the API key “wire desk”, 29 Nov 2026, 17:00',
        'Revision 6 · Published · by Nadia Editor, 29 Nov 2026, 17:00',
        'Revision 5 · Autosave · by Nadia Editor, 29 Nov 2026, 17:00',
        'Revision 4 · Autosave · by Nadia Editor, 29 Nov 2026, 17:00',
        'Revision 3 · Autosave · by Nadia Editor, 29 Nov 2026, 17:00',
        'Revision 2 · Save · by Nadia Editor, 29 Nov 2026, 17:00',
        'Revision 1 · Created · by Nadia Editor, 29 Nov 2026, 17:00',
      ]);
      // The three autosaves, and only they, sit folded under one summary.
      const folded = [...page.body.matchAll(/<details>([\s\S]*?)<\/details>/g)].map((m) => m[1]!);
      expect(folded).toHaveLength(1);
      expect(folded[0]).toContain('<summary>3 autosaves, revisions 3 to 5 (29 Nov 2026, 17:00 to 29 Nov 2026, 17:00)</summary>');
      expect(historyLines(folded[0]!.replace(/^/, '<h2>History</h2>'))).toEqual([
        'Revision 5 · Autosave · by Nadia Editor, 29 Nov 2026, 17:00',
        'Revision 4 · Autosave · by Nadia Editor, 29 Nov 2026, 17:00',
        'Revision 3 · Autosave · by Nadia Editor, 29 Nov 2026, 17:00',
      ]);
    });

    it('reads a revision without raw field names, nulls or ISO times, and diffs words', async () => {
      const page = await editor.get(`/admin/articles/${id}/revisions/5`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1>Revision 5: Autosave</h1>');
      expect(page.body).not.toContain('<strong class="status">Current</strong>');
      const fields = [...page.body.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
      // Revision 5 was a draft; the current version is published, with the text of revision 2 restored.
      expect(fields).toEqual(['Body', 'Excerpt', 'Status', 'Publication time']);
      expect(page.body).toContain('<dd class="diff"><span>Work starts on </span><del>Tuesday</del><ins>Monday</ins><span> at the </span><del>west</del><ins>east</ins><span> wharf.</span></dd>');
      expect(page.body).toContain('<dd class="diff"><del>Draft</del><ins>Published</ins></dd>');
      expect(page.body).toContain('<dd class="diff"><del>none</del><ins>29 Nov 2026, 17:00</ins></dd>');
      for (const raw of ['bodyMd', 'null', 'publishedAt', '2026-11-29T', 'primaryCategoryId', 'tagIds']) expect(page.body, raw).not.toContain(raw);

      // The API gave revision 7 a standfirst; restoring revision 2 emptied it again.
      const api = await editor.get(`/admin/articles/${id}/revisions/7`);
      expect(api.body).toContain('<h1>Revision 7: Saved through the API</h1>');
      expect(api.body).toContain('<dt>Standfirst</dt><dd class="diff"><del>Ships will wait less.</del><ins>none</ins></dd>');

      const current = await editor.get(`/admin/articles/${id}/revisions/8`);
      expect(current.body).toContain('<h1>Revision 8: Restored an earlier revision (unpublished change)</h1>');
      expect(current.body).toContain('<strong class="status">Current</strong> This is the article as it stands.');
      expect(current.body).toContain('It is the same as the current version.');
    });

    it('reads revisions saved before kinds were recorded as saves', async () => {
      await app.store.db.updateTable('revisions').set({ kind: null }).where('article_id', '=', id).where('revision', '=', 6).execute();
      const page = await editor.get(`/admin/articles/${id}`);
      expect(historyLines(page.body)[2]).toBe('Revision 6 · Save · by Nadia Editor, 29 Nov 2026, 17:00');
      expect((await editor.get(`/admin/articles/${id}/revisions/6`)).body).toContain('<h1>Revision 6: Save</h1>');
    });
  });
}
