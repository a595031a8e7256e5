import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';
import { createSection } from '../../src/core/taxonomy/manage.js';
import { deleteSection } from '../../src/core/taxonomy/section-admin.js';
import { createTag, mergeTags } from '../../src/core/taxonomy/tag-admin.js';

// A live story's edits wait in a working copy until "Update"; two people's saves merge field by field; every
// button saves first and redirects (post/redirect/get). Expectations are written out by hand below.

const HOUR = 3_600_000;

for (const database of testDatabases()) {
  describe(`working copies and merges on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    let admin: AdminClient;
    let author: AdminClient;
    let apiToken: string;
    const stored = async (id: number) => (await app.store.articles.findById(id))!;
    const publicPage = async (slug: string) => (await app.server.inject({ method: 'GET', url: `/${slug}` })).body;
    /** What the editor form would send for an article as it stands, with some fields changed. */
    async function form(client: AdminClient, id: number, changes: Record<string, string>, revision?: number) {
      const page = await client.get(`/admin/articles/${id}`);
      const value = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1] ?? '';
      const body = /<textarea id="bodyMd" name="bodyMd"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.body)?.[1] ?? '';
      const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      return {
        revision: revision ?? Number(value('revision')),
        title: unescape(value('title')),
        dek: unescape(value('dek')),
        bodyMd: unescape(body),
        excerpt: unescape(value('excerpt')),
        slug: value('slug'),
        tags: unescape(value('tags')),
        ...changes,
      };
    }

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
      await makeUser(app, 'editor', 'Nadia Editor');
      await makeUser(app, 'admin', 'Omar Admin');
      await makeUser(app, 'author', 'Sara Author');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      admin = await new AdminClient(app).signIn('admin@newsroom.test', PASSWORD);
      author = await new AdminClient(app).signIn('author@newsroom.test', PASSWORD);
      apiToken = newApiToken();
      await app.store.apiKeys.create({ name: 'wire desk', role: 'editor', tokenHash: hashApiToken(apiToken) });
    }, 300_000);
    afterAll(async () => app?.dispose());

    async function livestory(title: string) {
      app.clock.set(TEST_NOW);
      return addArticle(app, { title, bodyMd: 'The bridge reopened on Monday.', status: 'published', publishedAt: new Date(TEST_NOW.getTime() - HOUR), authorSlugs: ['nadia-editor'] });
    }

    it('keeps an autosaved half-typed headline off the public page until Update', async () => {
      const story = await livestory('Bridge reopens after repairs');
      const half = await editor.post(`/admin/articles/${story.id}/autosave`, await form(editor, story.id, { title: 'Bridge reop' }));
      expect(half.statusCode).toBe(200);
      // TEST_NOW is 12:00 UTC, and the tests' site zone is UTC.
      expect(half.json()).toMatchObject({ pending: true, live: true, saved: true, at: '12:00' });
      expect(await publicPage(story.slug)).toContain('Bridge reopens after repairs');
      expect(await publicPage(story.slug)).not.toContain('Bridge reop<');
      expect((await stored(story.id)).title).toBe('Bridge reopens after repairs');

      const editorPage = await editor.get(`/admin/articles/${story.id}`);
      expect(editorPage.body).toContain('value="Bridge reop"');
      expect(editorPage.body).toMatch(/<span id="pending-badge" class="status status-pending">\s*Unpublished changes/);

      const finished = await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Bridge reopens to lorries', intent: 'update' }));
      expect(finished.statusCode).toBe(303);
      expect(finished.headers.location).toBe(`/admin/articles/${story.id}?done=updated`);
      expect(await publicPage(story.slug)).toContain('Bridge reopens to lorries');
      expect(await app.store.pending.find(story.id)).toBeUndefined();
      const [latest] = await app.store.articles.revisions(story.id);
      expect([latest?.kind, latest?.pending]).toEqual(['updated', false]);
      expect((await app.store.accounts.auditLog(5)).map((entry) => entry.action)).toContain('article.update');
      // The notice comes from the address: reloading it shows the notice again and repeats nothing.
      const before = (await stored(story.id)).revision;
      const reload = await editor.get(String(finished.headers.location));
      expect(reload.body).toContain('Updated: readers now see your changes.');
      expect((await stored(story.id)).revision).toBe(before);
    });

    it('lets an author save changes to a live story but not publish them; an editor then updates', async () => {
      const story = await addArticle(app, { title: 'Ferry timetable changes', status: 'published', publishedAt: new Date(TEST_NOW.getTime() - HOUR), authorSlugs: ['sara-author'] });
      await app.store.db.updateTable('users').set({ role: 'contributor' }).where('slug', '=', 'sara-author').execute();
      const refused = await author.get(`/admin/articles/${story.id}`);
      expect(refused.statusCode).toBe(403);
      await app.store.db.updateTable('users').set({ role: 'author' }).where('slug', '=', 'sara-author').execute();
      const saved = await author.post(`/admin/articles/${story.id}`, await form(author, story.id, { dek: 'Two sailings a day from January.' }));
      expect(saved.headers.location).toBe(`/admin/articles/${story.id}?done=saved-pending`);
      expect(await publicPage(story.slug)).not.toContain('Two sailings a day');
      const editorView = await editor.get(`/admin/articles/${story.id}`);
      expect(editorView.body).toContain('Update: publish the changes');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { intent: 'update' }));
      expect(await publicPage(story.slug)).toContain('Two sailings a day from January.');
    });

    it('discards unpublished changes on request', async () => {
      const story = await livestory('Library hours extended');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Library hours cut' }));
      expect((await app.store.pending.find(story.id))?.fields.title).toBe('Library hours cut');
      const discarded = await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { intent: 'discard' }));
      expect(discarded.headers.location).toBe(`/admin/articles/${story.id}?done=discarded`);
      expect(await app.store.pending.find(story.id)).toBeUndefined();
      expect((await editor.get(`/admin/articles/${story.id}`)).body).toContain('value="Library hours extended"');
    });

    it('keeps edits to a scheduled story in the working copy, and publishing now (after confirming) applies them', async () => {
      app.clock.set(TEST_NOW);
      const story = await addArticle(app, { title: 'Budget to be presented', status: 'published', publishedAt: new Date(TEST_NOW.getTime() + 5 * HOUR), authorSlugs: ['nadia-editor'] });
      const asked = await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Budget presented today', intent: 'publish' }));
      expect(asked.headers.location).toBe(`/admin/articles/${story.id}/confirm?action=publish`);
      expect((await stored(story.id)).title).toBe('Budget to be presented');
      const confirm = await editor.get(String(asked.headers.location));
      expect(confirm.body).toContain('Publish “Budget presented today” now?');
      expect(confirm.body).toContain('with its unpublished changes');
      const revision = Number(/name="revision" value="(\d+)"/.exec(confirm.body)![1]);
      const done = await editor.post(`/admin/articles/${story.id}/action`, { action: 'publish', revision });
      expect(done.headers.location).toBe(`/admin/articles/${story.id}?done=published`);
      const after = await stored(story.id);
      expect(after.title).toBe('Budget presented today');
      expect(after.publishedAt?.getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
      expect(await app.store.pending.find(story.id)).toBeUndefined();
    });

    it('takes the working copy along when a live story is unpublished', async () => {
      const story = await livestory('Stadium plan approved');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Stadium plan delayed', intent: 'unpublish' }));
      const revision = (await stored(story.id)).revision;
      await editor.post(`/admin/articles/${story.id}/action`, { action: 'unpublish', revision });
      const after = await stored(story.id);
      expect([after.status, after.title]).toEqual(['draft', 'Stadium plan delayed']);
      expect(await app.store.pending.find(story.id)).toBeUndefined();
    });

    it('merges two editors who changed different fields: both changes are kept', async () => {
      const story = await addArticle(app, { title: 'Water rates rise', dek: 'Old standfirst.', status: 'draft', authorSlugs: ['nadia-editor'] });
      const mine = await form(editor, story.id, { title: 'Water rates rise by 8 per cent' });
      const theirs = await form(admin, story.id, { dek: 'Households pay more from April.', tags: 'Utilities' });
      expect((await admin.post(`/admin/articles/${story.id}`, theirs)).statusCode).toBe(303);
      const late = await editor.post(`/admin/articles/${story.id}`, mine);
      expect(late.headers.location).toBe(`/admin/articles/${story.id}?done=auto-merged`);
      const after = await stored(story.id);
      expect([after.title, after.dek]).toEqual(['Water rates rise by 8 per cent', 'Households pay more from April.']);
      expect(((await app.store.articles.tags([story.id])).get(story.id) ?? []).map((tag) => tag.name)).toEqual(['Utilities']);
    });

    it('asks which value to keep when both changed the same field, keeps the choice and the other in the history', async () => {
      const story = await addArticle(app, { title: 'Council meets on Friday', status: 'draft', authorSlugs: ['nadia-editor'] });
      const mine = await form(editor, story.id, { title: 'Council meeting moved to Monday', dek: 'Agenda unchanged.' });
      await admin.post(`/admin/articles/${story.id}`, await form(admin, story.id, { title: 'Council meeting cancelled' }));
      const late = await editor.post(`/admin/articles/${story.id}`, mine);
      const conflictUrl = String(late.headers.location);
      expect(conflictUrl).toMatch(new RegExp(`^/admin/articles/${story.id}/conflicts/\\d+$`));
      // Nothing of mine is written yet, and nothing of theirs is overwritten.
      expect((await stored(story.id)).title).toBe('Council meeting cancelled');
      const page = await editor.get(conflictUrl);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<legend>Headline</legend>');
      expect(page.body).toContain('<li>Standfirst: your change</li>');
      expect(page.body).toMatch(/<ins>[^<]*cancelled<\/ins>/);
      expect(page.body).toMatch(/<ins>[^<]*Monday<\/ins>/);
      // Only the choices travel: no hidden copy of the article's fields.
      const formHtml = /<form method="post" action="\/admin\/articles\/\d+\/conflicts\/\d+"[\s\S]*?<\/form>/.exec(page.body)![0];
      expect([...formHtml.matchAll(/type="hidden" name="([^"]+)"/g)].map((m) => m[1])).toEqual(['_csrf', 'theirs']);

      const missing = await editor.post(conflictUrl, { theirs: (await stored(story.id)).revision });
      expect(missing.statusCode).toBe(400);
      const chosen = await editor.post(conflictUrl, { theirs: (await stored(story.id)).revision, choice_title: 'theirs' });
      expect(chosen.headers.location).toBe(`/admin/articles/${story.id}?done=merged`);
      const after = await stored(story.id);
      expect([after.title, after.dek]).toEqual(['Council meeting cancelled', 'Agenda unchanged.']);
      const history = await app.store.articles.revisions(story.id);
      expect(history.slice(0, 2).map((entry) => entry.kind)).toEqual(['merged', 'unmerged']);
      const notKept = await app.store.articles.revision(story.id, history[1]!.revision);
      expect(notKept?.snapshot.title).toBe('Council meeting moved to Monday');
      // The kept-aside version is gone once merged.
      expect((await editor.get(conflictUrl)).statusCode).toBe(404);
    });

    it('takes a third version written on the comparison page', async () => {
      const story = await addArticle(app, { title: 'Rail strike called', status: 'draft', authorSlugs: ['nadia-editor'] });
      const mine = await form(editor, story.id, { title: 'Rail strike called for Tuesday' });
      await admin.post(`/admin/articles/${story.id}`, await form(admin, story.id, { title: 'Rail strike called off' }));
      const conflictUrl = String((await editor.post(`/admin/articles/${story.id}`, mine)).headers.location);
      await editor.get(conflictUrl);
      await editor.post(conflictUrl, { theirs: (await stored(story.id)).revision, choice_title: 'edit', edit_title: 'Rail strike for Tuesday called off' });
      expect((await stored(story.id)).title).toBe('Rail strike for Tuesday called off');
    });

    it('never calls one’s own autosave someone else’s save: a button pressed with the older revision carries on', async () => {
      const story = await addArticle(app, { title: 'Museum reopens', status: 'draft', authorSlugs: ['nadia-editor'] });
      const page = await form(editor, story.id, { title: 'Museum reopens its doors' });
      expect((await editor.post(`/admin/articles/${story.id}/autosave`, page)).statusCode).toBe(200);
      // The form still names the revision it was loaded at (the autosave's answer had not arrived yet).
      const submitted = await editor.post(`/admin/articles/${story.id}`, { ...page, title: 'Museum reopens its doors today', intent: 'submit' });
      expect(submitted.headers.location).toBe(`/admin/articles/${story.id}?done=submitted`);
      const after = await stored(story.id);
      expect([after.status, after.title]).toEqual(['in_review', 'Museum reopens its doors today']);
    });

    it('merges an API change of the live text with the working copy on Update, and asks when both changed the same field', async () => {
      const story = await livestory('Airport runway resurfaced');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Airport runway reopens' }));
      const api = async (payload: Record<string, unknown>) =>
        app.server.inject({ method: 'PATCH', url: `/api/v1/articles/${story.id}`, headers: { authorization: `Bearer ${apiToken}` }, payload: { revision: (await stored(story.id)).revision, ...payload } });
      expect((await api({ dek: 'Flights resume at noon.' })).statusCode).toBe(200);
      expect(await publicPage(story.slug)).toContain('Flights resume at noon.');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { intent: 'update' }));
      const merged = await stored(story.id);
      expect([merged.title, merged.dek]).toEqual(['Airport runway reopens', 'Flights resume at noon.']);

      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Airport runway reopens early' }));
      expect((await api({ title: 'Airport runway closed again' })).statusCode).toBe(200);
      const clash = await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { intent: 'update' }));
      const conflictUrl = String(clash.headers.location);
      expect(conflictUrl).toMatch(/\/conflicts\/\d+$/);
      expect(await publicPage(story.slug)).toContain('Airport runway closed again');
      const page = await editor.get(conflictUrl);
      expect(page.body).toContain('The live story changed while it had unpublished changes');
      await editor.post(conflictUrl, { theirs: (await stored(story.id)).revision, choice_title: 'mine' });
      // Settled into the working copy; Update then goes through.
      expect((await app.store.pending.find(story.id))?.fields.title).toBe('Airport runway reopens early');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { intent: 'update' }));
      expect((await stored(story.id)).title).toBe('Airport runway reopens early');
    });

    it('publishes a scheduled update at its time, and only what was scheduled', async () => {
      const story = await livestory('Election results due');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Election results announced' }));
      const scheduled = await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { intent: 'schedule_update', at: '2026-11-29T15:00' }));
      expect(scheduled.headers.location).toBe(`/admin/articles/${story.id}?done=update-scheduled`);
      // An edit after scheduling stays in the working copy.
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { dek: 'Turnout was 61 per cent.' }));
      await app.jobs.drain();
      expect(await publicPage(story.slug)).toContain('Election results due');
      app.clock.set(new Date('2026-11-29T15:00:01.000Z'));
      await app.jobs.drain();
      const after = await stored(story.id);
      expect([after.title, after.dek]).toEqual(['Election results announced', '']);
      expect((await app.store.pending.find(story.id))?.fields.dek).toBe('Turnout was 61 per cent.');
      app.clock.set(TEST_NOW);
    });

    it('keeps unpublished changes pointing at a merged tag and a deleted section where they went', async () => {
      const story = await livestory('Harbour dues revised');
      const editorId = (await app.store.users.findBySlug('nadia-editor'))!.id;
      const deps = { store: app.store, clock: app.clock, bus: app.bus };
      const doomed = await createSection(deps, { name: 'Harbour desk', slug: 'harbour-desk', description: '', parentId: null, actorId: editorId });
      const kept = await createSection(deps, { name: 'Ports desk', slug: 'ports-desk', description: '', parentId: null, actorId: editorId });
      const from = await createTag(deps, { name: 'Harbour fees', actorId: editorId });
      const into = await createTag(deps, { name: 'Port charges', actorId: editorId });
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { tags: 'harbour fees, Shipping', categoryId: String(doomed.id) }));
      await mergeTags(deps, { fromId: from.id, intoId: into.id, actorId: editorId });
      await deleteSection(deps, { id: doomed.id, moveTo: kept.id, actorId: editorId });
      const pending = (await app.store.pending.find(story.id))!;
      expect([pending.fields.tagNames, pending.fields.primaryCategoryId]).toEqual([['Port charges', 'Shipping'], kept.id]);
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { intent: 'update' }));
      expect(((await app.store.articles.tags([story.id])).get(story.id) ?? []).map((tag) => tag.slug)).toEqual(['port-charges', 'shipping']);
      expect(await app.store.tags.findBySlug('harbour-fees')).toBeUndefined();
    });

    it('lets a bulk action change the live story at once, keeping its working copy to merge on Update', async () => {
      const story = await livestory('Ferry fares frozen');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Ferry fares frozen until March' }));
      await editor.get('/admin/articles');
      const tagged = await editor.post('/admin/articles/bulk', { ids: story.id, action: 'tag', tag: 'Transport' });
      expect(tagged.statusCode).toBe(303);
      expect(((await app.store.articles.tags([story.id])).get(story.id) ?? []).map((tag) => tag.name)).toEqual(['Transport']);
      expect((await stored(story.id)).title).toBe('Ferry fares frozen');
      expect((await app.store.pending.find(story.id))?.fields.title).toBe('Ferry fares frozen until March');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { intent: 'update' }));
      const after = await stored(story.id);
      expect(after.title).toBe('Ferry fares frozen until March');
      expect(((await app.store.articles.tags([story.id])).get(story.id) ?? []).map((tag) => tag.name)).toEqual(['Transport']);
    });

    it('applies a working copy once when 20 Updates of the same revision arrive at once, with no server error', async () => {
      const story = await livestory('Tunnel tolls to rise');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Tunnel tolls to rise in April' }));
      const page = await form(editor, story.id, { intent: 'update' });
      const answers = await Promise.all(Array.from({ length: 20 }, () => editor.post(`/admin/articles/${story.id}`, page)));
      expect(answers.map((answer) => answer.statusCode).filter((code) => code >= 500)).toEqual([]);
      const places = answers.map((answer) => String(answer.headers.location));
      expect(places.filter((place) => place.endsWith('?done=updated'))).toHaveLength(1);
      const after = await stored(story.id);
      expect(after.title).toBe('Tunnel tolls to rise in April');
      expect(await app.store.pending.find(story.id)).toBeUndefined();
      const kinds = (await app.store.articles.revisions(story.id)).map((entry) => entry.kind);
      expect(kinds.filter((kind) => kind === 'updated')).toHaveLength(1);
      const audit = (await app.store.accounts.auditLog(200)).filter((entry) => entry.action === 'article.update' && entry.subject === after.slug);
      expect(audit).toHaveLength(1);
    });

    it('previews the working copy with a banner, its picture, and no invented date for a draft', async () => {
      const draft = await addArticle(app, { title: 'Tram line extension', status: 'draft', authorSlugs: ['nadia-editor'] });
      const preview = await editor.get(`/admin/articles/${draft.id}/preview`);
      expect(preview.body).toContain('Preview — not published');
      expect(preview.body).not.toContain('Published <time');
      expect(preview.body).toContain('Not published yet');
      const story = await livestory('Tram depot opens');
      await editor.post(`/admin/articles/${story.id}`, await form(editor, story.id, { title: 'Tram depot opens to visitors' }));
      const live = await editor.get(`/admin/articles/${story.id}/preview`);
      expect(live.body).toContain('Preview — these changes are not published yet');
      expect(live.body).toContain('Tram depot opens to visitors');
      expect(live.headers['cache-control']).toBe('private, no-store');
    });
  });
}
