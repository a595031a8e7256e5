import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, ArticleStatus } from '../../src/core/articles/article.js';
import { createArticle } from '../../src/core/articles/create-article.js';
import { fieldsOfArticle } from '../../src/core/articles/editable-fields.js';
import { createSection } from '../../src/core/taxonomy/manage.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { testDatabases } from '../support/databases.js';
import { openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

// The desk's dashboard, the paged article list and its bulk actions, seen by each role. No demo content:
// every article below is made here, so every count is known. The site runs in Karachi (UTC+5); TEST_NOW is
// 29 Nov 2026 12:00 UTC, 17:00 in Karachi.

const HOUR = 3_600_000;
const at = (hours: number) => new Date(TEST_NOW.getTime() + hours * HOUR);
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();

/** One queue of the dashboard: its count, the headlines it lists, its "See all" link and its text. */
function queue(html: string, key: string): { count: number; titles: string[]; seeAll: string | undefined; text: string } {
  const section = new RegExp(`<section class="desk-queue" aria-labelledby="queue-${key}">([\\s\\S]*?)</section>`).exec(html)?.[1];
  if (section === undefined) throw new Error(`no queue ${key} on the page`);
  return {
    count: Number(/<span class="queue-count">(\d+)<\/span>/.exec(section)![1]),
    titles: [...section.matchAll(/<a href="\/admin\/articles\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]!),
    seeAll: /<a href="([^"]*)">See all/.exec(section)?.[1]?.replace(/&amp;/g, '&'),
    text: words(section),
  };
}

/** The headlines of the list's rows, in order. */
function listTitles(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<a href="\/admin\/articles\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]!);
}

const link = (html: string, rel: 'next' | 'prev') => new RegExp(`<a href="([^"]*)" rel="${rel}">`).exec(html)?.[1]?.replace(/&amp;/g, '&');

for (const database of testDatabases()) {
  describe(`the desk's dashboard, list and bulk actions on ${database.name}`, () => {
    let app: TestApp;
    const people = {} as Record<'contributor' | 'author' | 'editor', { id: number; client: AdminClient }>;
    const ids: Record<string, number> = {};
    let economy: number;

    async function article(title: string, input: { by: number[]; status: ArticleStatus; publishedAt?: Date; updatedAt?: Date }): Promise<Article> {
      const made = await createArticle(
        { store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 15, bus: app.bus },
        { title, bodyMd: 'A short body.', status: input.status, authorIds: input.by, publishedAt: input.publishedAt ?? null, ...(input.updatedAt ? { updatedAt: input.updatedAt } : {}) },
      );
      ids[title] = made.id;
      return made;
    }
    const stored = async (title: string) => (await app.store.articles.findById(ids[title]!))!;

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false, env: { NEWSDESK_TIME_ZONE: 'Asia/Karachi' } });
      for (const [role, name] of [['contributor', 'Cora Contributor'], ['author', 'Aziz Author'], ['editor', 'Eda Editor']] as const) {
        const person = await makeUser(app, role, name);
        people[role] = { id: person.id, client: await new AdminClient(app).signIn(`${role}@newsroom.test`, PASSWORD) };
      }
      const { contributor: cora, author: aziz, editor: eda } = people;
      economy = (await createSection({ store: app.store, clock: app.clock }, { name: 'Economy', slug: 'economy', description: '', parentId: null, actorId: eda.id })).id;
      // Last changes an hour apart, oldest first, so "newest change first" has one answer.
      const steps: Array<[string, { by: number[]; status: ArticleStatus; publishedAt?: Date }]> = [
        ['Cora draft one', { by: [cora.id], status: 'draft' }],
        ['Cora draft two', { by: [cora.id], status: 'draft' }],
        ['Cora in review', { by: [cora.id], status: 'in_review' }],
        ['Aziz draft', { by: [aziz.id], status: 'draft' }],
        ['Aziz in review', { by: [aziz.id], status: 'in_review' }],
        ['Aziz scheduled', { by: [aziz.id], status: 'published', publishedAt: at(48) }],
        ['Aziz published', { by: [aziz.id], status: 'published', publishedAt: at(-24) }],
        ['Eda draft', { by: [eda.id], status: 'draft' }],
        ['Eda scheduled soon', { by: [eda.id], status: 'published', publishedAt: at(1) }],
        ['Eda scheduled later', { by: [eda.id], status: 'published', publishedAt: at(72) }],
        ['Eda published', { by: [eda.id], status: 'published', publishedAt: at(-2) }],
        ['Eda archived', { by: [eda.id], status: 'archived', publishedAt: at(-200) }],
      ];
      for (const [index, [title, input]] of steps.entries()) await article(title, { ...input, updatedAt: at(-100 + index) });
      // Working copies: two live stories with changes readers do not see yet, and a stray one on a draft (not live: not counted).
      for (const title of ['Aziz scheduled', 'Eda published', 'Eda draft']) {
        const live = await stored(title);
        const { authorIds } = await app.store.articles.links(live.id);
        const fields = fieldsOfArticle(live, { authorIds, tagNames: [] });
        await app.store.pending.put({ articleId: live.id, baseRevision: live.revision, fields: { ...fields, title: `${title}, rewritten` }, savedBy: authorIds[0]!, savedAt: at(-1), applyAt: null, applyRevision: null });
      }
    }, 300_000);
    afterAll(async () => app?.dispose());

    it("counts an editor's queues over the whole desk (drafts their own), scheduled soonest first with times in the site's zone", async () => {
      const page = await people.editor.client.get('/admin');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<a href="/admin">Dashboard</a>');
      expect(page.body).toContain('<a href="/admin/articles">Articles</a>');
      expect(queue(page.body, 'my-drafts')).toMatchObject({ count: 1, titles: ['Eda draft'] });
      expect(queue(page.body, 'in-review')).toMatchObject({ count: 2, titles: ['Aziz in review', 'Cora in review'], seeAll: '/admin/articles?status=in_review' });
      const scheduled = queue(page.body, 'scheduled');
      expect(scheduled).toMatchObject({ count: 3, titles: ['Eda scheduled soon', 'Aziz scheduled', 'Eda scheduled later'], seeAll: '/admin/articles?status=scheduled' });
      // 13:00 UTC is 18:00 in Karachi; 48 hours on, 1 Dec 12:00 UTC is 17:00.
      expect(scheduled.text).toContain('Eda scheduled soon Goes live 29 Nov 2026, 18:00');
      expect(scheduled.text).toContain('Aziz scheduled Goes live 1 Dec 2026, 17:00');
      expect(queue(page.body, 'published')).toMatchObject({ count: 2, titles: ['Eda published', 'Aziz published'], seeAll: '/admin/articles?status=published' });
      expect(queue(page.body, 'my-drafts').seeAll).toBe(`/admin/articles?status=draft&author=${people.editor.id}`);
      expect(queue(page.body, 'pending')).toMatchObject({ count: 2, titles: ['Eda published', 'Aziz scheduled'], seeAll: '/admin/articles?pending=1' });
      expect(queue(page.body, 'pending').text).toContain('Changes pending on live stories 2');
    });

    it("counts an author's and a contributor's queues over their own articles only", async () => {
      const author = (await people.author.client.get('/admin')).body;
      expect(['my-drafts', 'in-review', 'scheduled', 'published', 'pending'].map((key) => [queue(author, key).count, queue(author, key).titles])).toEqual([
        [1, ['Aziz draft']],
        [1, ['Aziz in review']],
        [1, ['Aziz scheduled']],
        [1, ['Aziz published']],
        [1, ['Aziz scheduled']],
      ]);
      const contributor = (await people.contributor.client.get('/admin')).body;
      expect(['my-drafts', 'in-review', 'scheduled', 'published', 'pending'].map((key) => [queue(contributor, key).count, queue(contributor, key).titles])).toEqual([
        [2, ['Cora draft two', 'Cora draft one']],
        [1, ['Cora in review']],
        [0, []],
        [0, []],
        [0, []],
      ]);
      expect(queue(contributor, 'scheduled').seeAll, 'an empty queue has no See all link').toBeUndefined();
    });

    it('lists as many articles behind "See all N" as the queue counts, for each role', async () => {
      for (const [role, key, count] of [['editor', 'scheduled', 3], ['editor', 'in-review', 2], ['editor', 'pending', 2], ['author', 'in-review', 1], ['author', 'pending', 1], ['contributor', 'my-drafts', 2]] as const) {
        const client = people[role].client;
        const found = queue((await client.get('/admin')).body, key);
        const list = await client.get(found.seeAll!);
        expect(listTitles(list.body), `${role} ${key}`).toHaveLength(count);
      }
    });

    it('shows the byline beside the publication time in the list', async () => {
      const list = await people.editor.client.get('/admin/articles?status=published');
      expect(list.body).toContain('<th scope="col">Publication</th>');
      expect(list.body).toContain('<th scope="col">Byline</th>');
      const row = [...list.body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => words(m[1]!)).find((r) => r.includes('Aziz published'));
      // 28 Nov 12:00 UTC is 17:00 in Karachi.
      expect(row).toMatch(/^Aziz published Published 28 Nov 2026, 17:00 Aziz Author/);
      const marked = await people.editor.client.get('/admin/articles?pending=1');
      expect(listTitles(marked.body)).toEqual(['Eda published', 'Aziz scheduled']);
      expect(marked.body.match(/<span class="status status-pending">Unpublished changes<\/span>/g)).toHaveLength(2);
      expect(marked.body).toContain('<input id="f-pending" name="pending" type="checkbox" value="1" checked/>');
    });

    it('reports what a contributor may not do in bulk, and changes nothing else', async () => {
      const cora = people.contributor.client;
      await cora.get('/admin/articles');
      const before = { one: (await stored('Cora draft one')).revision, eda: (await stored('Eda draft')).revision };
      const answer = await cora.post('/admin/articles/bulk', { ids: ids['Cora draft one']!, action: 'publish' });
      expect(answer.statusCode).toBe(303);
      const location = String(answer.headers.location);
      expect(location.startsWith('/admin/articles?')).toBe(true);
      const result = await cora.get(location);
      expect(words(result.body)).toContain("Not changed: ‘Cora draft one’ — Your role may not publish this article; submit it for review.");

      // Someone else's article, sent by hand: refused, and named by number only (its headline stays private).
      const tagged = await cora.post('/admin/articles/bulk', { ids: [ids['Cora draft two']!, ids['Eda draft']!], action: 'tag', tag: 'Harbour' });
      const page = words((await cora.get(String(tagged.headers.location))).body);
      expect(page).toContain('1 tagged “Harbour”.');
      expect(page).toContain(`Not changed: Article ${ids['Eda draft']} — You may not change this article; ask an editor.`);
      expect(page).not.toContain('Eda draft');
      expect((await stored('Cora draft one')).status).toBe('draft');
      expect((await stored('Cora draft one')).revision).toBe(before.one);
      expect((await stored('Eda draft')).revision).toBe(before.eda);
      expect((await app.store.articles.tags([ids['Cora draft two']!])).get(ids['Cora draft two']!)?.map((t) => t.name)).toEqual(['Harbour']);
      expect((await app.store.articles.tags([ids['Eda draft']!])).get(ids['Eda draft']!) ?? []).toEqual([]);

      // Her own story, once an editor published it, is in her list but no longer hers to change: named, and refused.
      const live = await article('Cora live story', { by: [people.contributor.id], status: 'published', publishedAt: at(-5) });
      const refused = await cora.post('/admin/articles/bulk', { ids: [live.id], action: 'tag', tag: 'Harbour' });
      expect(words((await cora.get(String(refused.headers.location))).body)).toContain('Not changed: ‘Cora live story’ — You may not change this article; ask an editor.');
      expect((await stored('Cora live story')).revision).toBe(live.revision);
    });

    it("lets an author unpublish and move their own articles in bulk, and refuses someone else's", async () => {
      const aziz = people.author.client;
      await aziz.get('/admin/articles');
      const edaPublished = await stored('Eda published');
      const unpublished = await aziz.post('/admin/articles/bulk', { ids: [ids['Aziz published']!, ids['Eda published']!], action: 'unpublish', status: 'published' });
      expect(unpublished.statusCode).toBe(303);
      // The list it returns to keeps its filter.
      expect(String(unpublished.headers.location)).toMatch(/^\/admin\/articles\?status=published&/);
      const page = words((await aziz.get(String(unpublished.headers.location))).body);
      expect(page).toContain('1 unpublished (back to draft).');
      expect(page).toContain(`Not changed: Article ${ids['Eda published']} — You may not change this article; ask an editor.`);
      expect((await stored('Aziz published')).status).toBe('draft');
      expect(await stored('Eda published')).toEqual(edaPublished);

      const moved = await aziz.post('/admin/articles/bulk', { ids: [ids['Aziz draft']!, ids['Cora in review']!], action: 'move', section: economy });
      const movedPage = words((await aziz.get(String(moved.headers.location))).body);
      expect(movedPage).toContain('1 moved to Economy.');
      expect(movedPage).toContain(`Not changed: Article ${ids['Cora in review']} — You may not change this article; ask an editor.`);
      expect((await stored('Aziz draft')).primaryCategoryId).toBe(economy);
      expect((await stored('Cora in review')).primaryCategoryId).toBeNull();
    });

    it('publishes in bulk for an editor through the same operation (a published revision each), and says what was already so', async () => {
      const eda = people.editor.client;
      await eda.get('/admin/articles');
      const chosen = ['Cora in review', 'Aziz in review', 'Eda scheduled later', 'Eda published', 'Eda archived'];
      const revisions = await Promise.all(chosen.map(async (title) => (await stored(title)).revision));
      const answer = await eda.post('/admin/articles/bulk', { ids: chosen.map((title) => ids[title]!), action: 'publish' });
      expect(answer.statusCode).toBe(303);
      const page = words((await eda.get(String(answer.headers.location))).body);
      expect(page).toContain('3 published.');
      expect(page).toContain('1 already published.');
      expect(page).toContain('Not changed: ‘Eda archived’ — It is archived; restore it from the archive first.');
      const after = await Promise.all(chosen.map((title) => stored(title)));
      expect(after.map((a) => a.status)).toEqual(['published', 'published', 'published', 'published', 'archived']);
      // Published now, in the site's clock: the scheduled one no longer waits for its time.
      expect(after.slice(0, 3).map((a) => a.publishedAt?.toISOString())).toEqual([TEST_NOW.toISOString(), TEST_NOW.toISOString(), TEST_NOW.toISOString()]);
      expect(after.map((a) => a.revision)).toEqual([revisions[0]! + 1, revisions[1]! + 1, revisions[2]! + 1, revisions[3], revisions[4]]);
      expect((await app.store.articles.revision(ids['Cora in review']!, revisions[0]! + 1))?.kind).toBe('published');

      // Reloading the result page repeats nothing.
      await eda.get(String(answer.headers.location));
      expect((await Promise.all(chosen.map((title) => stored(title)))).map((a) => a.revision)).toEqual(after.map((a) => a.revision));
    });

    it('refuses a bulk request without articles, or a move without a section, with a message in the newsroom layout', async () => {
      const eda = people.editor.client;
      await eda.get('/admin/articles');
      const none = await eda.post('/admin/articles/bulk', { action: 'publish' });
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('<p class="error" role="alert">Tick at least one article, then choose what to do with them.</p>');
      expect(none.body).toContain('<h1>Articles</h1>');
      const nowhere = await eda.post('/admin/articles/bulk', { ids: ids['Eda draft']!, action: 'move', section: '' });
      expect(nowhere.statusCode).toBe(400);
      expect(nowhere.body).toContain('Choose the section to move the ticked articles to.');
      const forged = await eda.post('/admin/articles/bulk', { ids: [ids['Eda draft']!, 'x1'], action: 'publish' });
      expect(forged.statusCode).toBe(400);
      expect((await stored('Eda draft')).status).toBe('draft');
    });

    it('pages through every one of 120 articles, 50 at a time, Next and Previous keeping the filters', async () => {
      // Two articles share each last-change time, so the id decides between them.
      const paged: string[] = [];
      for (let n = 1; n <= 120; n++) {
        const title = `Paged story ${String(n).padStart(3, '0')}`;
        paged.push(title);
        await article(title, { by: [people.editor.id], status: 'draft', updatedAt: at(-50 + Math.floor(n / 2) / 60) });
      }
      const newestFirst = [...paged].reverse();
      const eda = people.editor.client;
      const first = await eda.get('/admin/articles?q=Paged+story');
      expect(words(first.body)).toContain('120 articles, 50 on this page');
      expect(listTitles(first.body)).toEqual(newestFirst.slice(0, 50));
      expect(link(first.body, 'prev')).toBeUndefined();
      const second = await eda.get(link(first.body, 'next')!);
      expect(link(first.body, 'next')).toMatch(/^\/admin\/articles\?q=Paged\+story&before=\d+\.\d+$/);
      expect(listTitles(second.body)).toEqual(newestFirst.slice(50, 100));
      const third = await eda.get(link(second.body, 'next')!);
      expect(listTitles(third.body)).toEqual(newestFirst.slice(100, 120));
      expect(link(third.body, 'next')).toBeUndefined();
      const back = await eda.get(link(third.body, 'prev')!);
      expect(link(third.body, 'prev')).toMatch(/^\/admin\/articles\?q=Paged\+story&after=\d+\.\d+$/);
      expect(listTitles(back.body)).toEqual(newestFirst.slice(50, 100));
      const start = await eda.get(link(back.body, 'prev')!);
      expect(listTitles(start.body)).toEqual(newestFirst.slice(0, 50));
      expect(link(start.body, 'prev')).toBeUndefined();

      // Without a filter, Next reaches every article on the desk exactly once: the 13 made above and these 120.
      const seen: string[] = [];
      let url: string | undefined = '/admin/articles';
      while (url) {
        const page = await eda.get(url);
        expect(page.statusCode).toBe(200);
        seen.push(...listTitles(page.body));
        url = link(page.body, 'next');
      }
      expect(seen).toHaveLength(13 + 120);
      expect(new Set(seen).size).toBe(13 + 120);
    });

    it('answers a made-up page cursor with a 400 in the newsroom layout that says what a cursor looks like, and the first page', async () => {
      const bad = await people.editor.client.get('/admin/articles?q=Paged+story&before=yesterday');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('<p class="error" role="alert">The &#34;before&#34; parameter must look like 1764410400000.42 (time.id).</p>');
      expect(listTitles(bad.body)[0]).toBe('Paged story 120');
    });
  });
}
