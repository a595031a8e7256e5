import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

// The site runs in Karachi (UTC+5): TEST_NOW, 29 Nov 2026 12:00 UTC, is 17:00 there.
// Expectations are written by hand from what the desk is promised (README "The newsroom").

const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ ([,.])/g, '$1').trim();
/** The text of one part of a page, found by an element's id (the section it heads). */
function section(html: string, id: string): string {
  const match = new RegExp(`<section[^>]*id="${id}"[\\s\\S]*?</section>`).exec(html);
  return match ? words(match[0]) : '';
}
function sentBackNotice(html: string): string {
  const match = /<section class="sent-back"[\s\S]*?<\/section>/.exec(html);
  return match ? words(match[0]) : '';
}
/** The history's revision lines, tags stripped. */
function historyLines(html: string): string[] {
  const history = /<h2>History<\/h2>([\s\S]*)$/.exec(html)![1]!;
  return [...history.matchAll(/<li>((?:(?!<li>|<details>)[\s\S])*?)<\/li>/g)].map((m) => words(m[1]!));
}

const NOTE = 'Please add a source for the tonnage figures & name the port official.';
const DESK_NOTE = 'Photo desk: we have pictures of the dredger <for> Monday.';

for (const database of testDatabases()) {
  describe(`review: send back, withdraw and desk notes on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    let writer: AdminClient;
    let stranger: AdminClient;
    let id: number;
    const article = async () => (await app.store.articles.findById(id))!;
    const act = (client: AdminClient, action: string, extra: Record<string, string> = {}) =>
      article().then((current) => client.post(`/admin/articles/${id}/action`, { action, revision: current.revision, ...extra }));

    beforeAll(async () => {
      app = await openTestApp(database, { env: { NEWSDESK_TIME_ZONE: 'Asia/Karachi' } });
      await makeUser(app, 'editor', 'Nadia Editor');
      await makeUser(app, 'contributor', 'Cam Writer');
      await makeUser(app, 'author', 'Other Author', 'other@newsroom.test');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      writer = await new AdminClient(app).signIn('contributor@newsroom.test', PASSWORD);
      stranger = await new AdminClient(app).signIn('other@newsroom.test', PASSWORD);
      await writer.get('/admin/articles/new');
      const created = await writer.post('/admin/articles', { title: 'Port dredging begins' });
      id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
      await writer.get(`/admin/articles/${id}`);
      expect((await writer.post(`/admin/articles/${id}`, { revision: (await article()).revision, title: 'Port dredging begins', bodyMd: 'Work starts on Monday.' })).statusCode).toBe(303);
    }, 300_000);
    afterAll(async () => app?.dispose());

    it('offers the writer no way out of review but Withdraw, and the editor Send back with a note field', async () => {
      expect([200, 303]).toContain((await act(writer, 'submit')).statusCode);
      const writerPage = await writer.get(`/admin/articles/${id}`);
      expect(writerPage.body).toContain('Withdraw from review');
      expect(writerPage.body).not.toContain('Send back to the writer');
      const editorPage = await editor.get(`/admin/articles/${id}`);
      expect(editorPage.body).toContain('Send back to the writer');
      expect(editorPage.body).toContain('<label for="send-back-note">Note to the writer: what should change?</label>');
      expect(editorPage.body).not.toContain('Withdraw from review');
    });

    it('refuses Send back to the writer and Withdraw to the editor, and a stale send back writes neither status nor note', async () => {
      const before = await article();
      const bySelf = await act(writer, 'send_back', { note: 'Sending it back to myself.' });
      expect(bySelf.statusCode).toBe(403);
      expect(bySelf.body).toContain('Only someone who may publish this article can send it back; its writer can withdraw it.');
      const byEditor = await act(editor, 'withdraw');
      expect(byEditor.statusCode).toBe(403);
      expect(byEditor.body).toContain('Only a writer of this article can withdraw it from review; an editor sends it back with a note.');
      // Someone who may not open the article at all.
      expect((await act(stranger, 'withdraw')).statusCode).toBe(403);
      const stale = await editor.post(`/admin/articles/${id}/action`, { action: 'send_back', revision: before.revision - 1, note: NOTE });
      expect(stale.statusCode).toBe(409);
      expect((await article()).status).toBe('in_review');
      expect((await article()).revision).toBe(before.revision);
      expect(await app.store.notes.list(id)).toEqual([]);
    });

    it('sends the article back with a note: a draft again, the note shown to the writer, a labelled revision and an audit line', async () => {
      const sent = await act(editor, 'send_back', { note: NOTE });
      expect([200, 303]).toContain(sent.statusCode);
      expect((await article()).status).toBe('draft');

      const page = await writer.get(`/admin/articles/${id}`);
      expect(page.statusCode).toBe(200);
      expect(sentBackNotice(page.body)).toBe(
        `Sent back to you Sent back by Nadia Editor, 29 Nov 2026, 17:00 ${NOTE.replace('&', '&amp;')} Make the changes, then submit it for review again.`,
      );
      expect(section(page.body, 'notes')).toContain(`Sent back by Nadia Editor, 29 Nov 2026, 17:00 ${NOTE.replace('&', '&amp;')}`);
      expect(historyLines(page.body)[0]).toMatch(/^Revision \d+ · Sent back to the writer · by Nadia Editor, 29 Nov 2026, 17:00 Current$/);
      const audit = await app.store.accounts.auditLog(5);
      expect(audit[0]).toMatchObject({ action: 'article.send_back', actorName: 'Nadia Editor', subject: 'port-dredging-begins' });

      // Sending back a draft makes no sense: it is one already.
      const again = await act(editor, 'send_back', { note: 'Again.' });
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('Only an article in review can be sent back to its writer.');
    });

    it('lets the writer withdraw their own submission, labelled in the history and the audit log', async () => {
      expect([200, 303]).toContain((await act(writer, 'submit')).statusCode);
      // Submitted again: the send-back note has been answered and no longer heads the editor.
      expect(sentBackNotice((await writer.get(`/admin/articles/${id}`)).body)).toBe('');
      const withdrawn = await act(writer, 'withdraw');
      expect([200, 303]).toContain(withdrawn.statusCode);
      expect((await article()).status).toBe('draft');
      const page = await writer.get(`/admin/articles/${id}`);
      expect(historyLines(page.body).slice(0, 2).map((line) => line.replace(/^Revision \d+ · /, ''))).toEqual([
        'Withdrawn from review · by Cam Writer, 29 Nov 2026, 17:00 Current',
        'Submitted for review · by Cam Writer, 29 Nov 2026, 17:00',
      ]);
      expect((await app.store.accounts.auditLog(1))[0]).toMatchObject({ action: 'article.withdraw', actorName: 'Cam Writer' });
      // Withdrawing a draft: nothing to withdraw.
      expect((await act(writer, 'withdraw')).statusCode).toBe(400);
    });

    it('keeps notes for the desk: added by anyone who may open the article, newest first, refused to others', async () => {
      await writer.get(`/admin/articles/${id}`);
      const added = await writer.post(`/admin/articles/${id}/notes`, { body: 'Sources added in the third paragraph.' });
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe(`/admin/articles/${id}#notes`);
      app.clock.advance(3_600_000);
      await editor.get(`/admin/articles/${id}`);
      expect((await editor.post(`/admin/articles/${id}/notes`, { body: `  ${DESK_NOTE}  ` })).statusCode).toBe(303);

      const panel = section((await writer.get(`/admin/articles/${id}`)).body, 'notes');
      expect(panel).toBe(
        'Notes for the desk Only people in the newsroom who can open this article see these notes; readers never do. ' +
          'Note by Nadia Editor, 29 Nov 2026, 18:00 Photo desk: we have pictures of the dredger &lt;for> Monday. ' +
          'Note by Cam Writer, 29 Nov 2026, 17:00 Sources added in the third paragraph. ' +
          `Sent back by Nadia Editor, 29 Nov 2026, 17:00 ${NOTE.replace('&', '&amp;')} ` +
          'Add a note Add note',
      );

      const empty = await writer.post(`/admin/articles/${id}/notes`, { body: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Write the note first: it is empty.');
      expect(empty.body).toContain(`href="/admin/articles/${id}#notes"`);
      await stranger.get('/admin');
      const refused = await stranger.post(`/admin/articles/${id}/notes`, { body: 'Not my story.' });
      expect(refused.statusCode).toBe(403);
      expect((await app.store.notes.list(id)).map((note) => note.body)).not.toContain('Not my story.');
    });

    it("works from the editor's one form too: its buttons save the typed edits first; a send back needs its note", async () => {
      expect([200, 303]).toContain((await act(writer, 'submit')).statusCode);
      await editor.get(`/admin/articles/${id}`);
      const form = async (fields: Record<string, string>) =>
        editor.post(`/admin/articles/${id}`, { revision: (await article()).revision, title: 'Port dredging begins on Monday', bodyMd: 'Work starts on Monday.', ...fields });
      const withoutNote = await form({ intent: 'send_back', note: '   ' });
      expect(withoutNote.statusCode).toBe(400);
      expect(withoutNote.body).toContain('Say what the writer should change: an article goes back with a note.');
      expect((await article()).status).toBe('in_review');
      // Any other button ignores an empty note field.
      const saved = await form({ intent: 'save', note: '' });
      expect(saved.statusCode).toBe(303);
      const sent = await form({ intent: 'send_back', note: 'Cut the second paragraph.' });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`/admin/articles/${id}?done=sent-back`);
      expect(await article()).toMatchObject({ status: 'draft', title: 'Port dredging begins on Monday' });
      expect((await app.store.notes.list(id))[0]).toMatchObject({ kind: 'sent_back', body: 'Cut the second paragraph.', authorName: 'Nadia Editor' });
      expect((await editor.get(String(sent.headers.location))).body).toContain('Sent back to the writer, with your note: it is a draft again.');

      expect([200, 303]).toContain((await act(writer, 'submit')).statusCode);
      await writer.get(`/admin/articles/${id}`);
      const withdrawn = await writer.post(`/admin/articles/${id}`, { revision: (await article()).revision, title: 'Port dredging begins on Monday', intent: 'withdraw', note: '' });
      expect(withdrawn.statusCode).toBe(303);
      expect(withdrawn.headers.location).toBe(`/admin/articles/${id}?done=withdrawn`);
      expect((await article()).status).toBe('draft');
    });

    it('reaches the same operations through the API: status "draft" sends back (with a note) or withdraws', async () => {
      const editorKey = newApiToken();
      await app.store.apiKeys.create({ name: 'desk tool', role: 'editor', tokenHash: hashApiToken(editorKey) });
      const writerUser = (await app.store.users.findByEmail('contributor@newsroom.test'))!;
      const writerKey = newApiToken();
      await app.store.apiKeys.create({ name: 'writer phone', role: 'contributor', tokenHash: hashApiToken(writerKey), userId: writerUser.id });
      const patch = (token: string, payload: object) =>
        app.server.inject({ method: 'PATCH', url: `/api/v1/articles/${id}`, headers: { authorization: `Bearer ${token}` }, payload });

      expect([200, 303]).toContain((await act(writer, 'submit')).statusCode);
      const sentBack = await patch(editorKey, { revision: (await article()).revision, status: 'draft', note: 'Shorter headline, please.' });
      expect(sentBack.statusCode, sentBack.body).toBe(200);
      expect(sentBack.json()).toMatchObject({ status: 'draft' });
      expect(sentBack.body).not.toContain('Shorter headline');
      expect((await app.store.notes.list(id))[0]).toMatchObject({ kind: 'sent_back', body: 'Shorter headline, please.', apiKeyName: 'desk tool' });
      expect((await app.store.accounts.auditLog(1))[0]).toMatchObject({ action: 'article.send_back', apiKeyName: 'desk tool' });

      expect([200, 303]).toContain((await act(writer, 'submit')).statusCode);
      const withdrawn = await patch(writerKey, { revision: (await article()).revision, status: 'draft' });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect((await app.store.accounts.auditLog(1))[0]).toMatchObject({ action: 'article.withdraw', apiKeyName: 'writer phone' });
      // A note with anything but a send back is refused, and nothing changes.
      const before = await article();
      const stray = await patch(editorKey, { revision: before.revision, title: 'New title', note: 'Stray note.' });
      expect(stray.statusCode).toBe(400);
      expect((await article()).revision).toBe(before.revision);
    });

    it('never shows notes to readers: the published page, feeds, search and sitemaps carry none', async () => {
      expect([200, 303]).toContain((await act(editor, 'publish')).statusCode);
      const slug = (await article()).slug;
      const readerPages = [`/${slug}`, '/', '/rss.xml', '/atom.xml', '/feed.json', '/search?q=dredging', '/sitemap.xml'];
      for (const url of readerPages) {
        const response = await app.server.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
        for (const text of ['tonnage figures', 'pictures of the dredger', 'Sources added', 'Shorter headline']) expect(response.body, `${url} shows "${text}"`).not.toContain(text);
      }
      expect((await app.server.inject({ method: 'GET', url: `/${slug}` })).body).toContain('Port dredging begins');
    });
  });
}
