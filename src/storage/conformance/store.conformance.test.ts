import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../core/fulltext/query.js';
import { articleIdsOf, rankedSearch } from '../../core/fulltext/search.js';
import type { ArticleDraft, ArticleStatus } from '../../core/articles/article.js';
import { isDomainError } from '../../core/errors.js';
import { descendantIds } from '../../core/taxonomy/taxonomy.js';
import { isPublic } from '../../core/publishing/visibility.js';
import { openTestStore, testDatabases } from '../../../test/support/databases.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

for (const database of testDatabases()) {
  describe(`store conformance on ${database.name}`, () => {
    let store: Awaited<ReturnType<typeof openTestStore>>;
    let users: number[];
    let n = 0;

    function draft(overrides: Partial<ArticleDraft> & { status?: ArticleStatus } = {}): ArticleDraft {
      n += 1;
      return {
        slug: `article-${database.name}-${n}`,
        title: `Article ${n}`,
        dek: '',
        bodyMd: 'Body',
        bodyHtml: '<p>Body</p>',
        excerpt: 'Body',
        status: 'published',
        publishedAt: hoursAgo(1),
        updatedAt: hoursAgo(1),
        createdAt: hoursAgo(2),
        primaryCategoryId: null,
        authorIds: [],
        tagIds: [],
        ...overrides,
      };
    }

    beforeAll(async () => {
      store = await openTestStore(database, () => NOW);
      users = [];
      for (const name of ['Zoë Adams', 'Bilal Khan', 'Carmen Ortiz']) {
        const slug = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, '-');
        const user = await store.users.create({ email: `${slug}@example.com`, displayName: name, slug, role: 'author' });
        users.push(user.id);
      }
    });
    afterAll(async () => store.dispose());
    beforeEach(async () => {
      await store.db.deleteFrom('article_tags').execute();
      await store.db.deleteFrom('article_authors').execute();
      await store.db.deleteFrom('articles').execute();
    });

    it('runs migrations again without changing anything', async () => {
      await store.migrate();
      expect(await store.articles.count()).toBe(0);
    });

    it('keeps the byline order it was given, not the order of ids or names', async () => {
      const [a, b, c] = users as [number, number, number];
      const article = await store.articles.create(draft({ authorIds: [c, a, b] }));
      const bylines = (await store.articles.bylines([article.id])).get(article.id);
      expect(bylines?.map((byline) => byline.userId)).toEqual([c, a, b]);
      expect(bylines?.map((byline) => byline.displayName)).toEqual(['Carmen Ortiz', 'Zoë Adams', 'Bilal Khan']);
    });

    it('round-trips every field, times as the same instants', async () => {
      const published = new Date('2026-11-28T09:15:30.123Z');
      const created = await store.articles.create(
        draft({ title: 'Ünïcode & <tags>', publishedAt: published, noindex: true, seoTitle: 'SEO', canonicalUrl: null }),
      );
      const found = await store.articles.findById(created.id);
      expect(found).toEqual(created);
      expect(found?.publishedAt?.toISOString()).toBe('2026-11-28T09:15:30.123Z');
      expect(found?.noindex).toBe(true);
      expect(found?.revision).toBe(1);
    });

    it('refuses a second article with the same slug with SLUG_TAKEN and writes nothing of it', async () => {
      const tag = await store.tags.ensure({ slug: 'dup', name: 'Dup' });
      await store.articles.create(draft({ slug: 'same-slug' }));
      const error = await store.articles
        .create(draft({ slug: 'same-slug', authorIds: [users[0]!], tagIds: [tag.id] }))
        .catch((e: unknown) => e);
      expect(isDomainError(error, 'SLUG_TAKEN')).toBe(true);
      expect(await store.articles.count()).toBe(1);
      expect(await store.db.selectFrom('article_authors').selectAll().execute()).toEqual([]);
    });

    it('rolls back every row of a failed transaction', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.articles.create(draft({ slug: 'inside-transaction' }));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.articles.slugExists('inside-transaction')).toBe(false);
    });

    it('shows readers only published articles whose time has come', async () => {
      const visible = await store.articles.create(draft({ slug: 'visible' }));
      const hidden: Array<[string, ArticleStatus, Date | null]> = [
        ['draft-one', 'draft', hoursAgo(1)],
        ['in-review', 'in_review', hoursAgo(1)],
        ['archived-one', 'archived', hoursAgo(1)],
        ['scheduled', 'published', new Date(NOW.getTime() + 60_000)],
        ['no-date', 'draft', null],
      ];
      for (const [slug, status, publishedAt] of hidden) await store.articles.create(draft({ slug, status, publishedAt }));
      const listed = await store.articles.listPublic({ now: NOW, limit: 50 });
      expect(listed.map((a) => a.slug)).toEqual(['visible']);
      expect((await store.articles.findPublicBySlug('visible', NOW))?.id).toBe(visible.id);
      for (const [slug] of hidden) expect(await store.articles.findPublicBySlug(slug, NOW)).toBeUndefined();
      // The scheduled one appears the moment its time comes.
      const later = new Date(NOW.getTime() + 60_000);
      expect((await store.articles.findPublicBySlug('scheduled', later))?.slug).toBe('scheduled');
      // The queries and the core's read rule agree on every article, now and later.
      for (const moment of [NOW, later]) {
        const all = await Promise.all(['visible', ...hidden.map(([slug]) => slug)].map(async (slug) => (await store.db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id));
        const expected = [];
        for (const id of all) {
          const article = (await store.articles.findById(id))!;
          if (isPublic(article, moment)) expected.push(article.slug);
        }
        const shown = (await store.articles.listPublic({ now: moment, limit: 50 })).map((a) => a.slug);
        expect(shown.sort(), moment.toISOString()).toEqual(expected.sort());
      }
    });

    it('applies the one read rule on every public read path: lists, tags, authors, search, sitemaps, news, counts', async () => {
      const soon = new Date(NOW.getTime() + 60_000);
      const later = new Date(NOW.getTime() + 3_600_000);
      const section = await store.categories.create({ slug: `rule-${n}`, name: 'Rule' });
      const shared = await store.tags.ensure({ slug: 'rule-shared', name: 'Rule shared' });
      // [status, published at, public now?, public an hour later?] — written by hand, not computed.
      const states: Array<[ArticleStatus, Date | null, boolean, boolean]> = [
        ['published', hoursAgo(30), true, true],
        ['published', hoursAgo(1), true, true],
        ['published', NOW, true, true],
        ['published', soon, false, true],
        ['published', new Date(NOW.getTime() + 86_400_000), false, false],
        ['draft', hoursAgo(1), false, false],
        ['draft', null, false, false],
        ['in_review', hoursAgo(1), false, false],
        ['archived', hoursAgo(1), false, false],
        ['archived', null, false, false],
      ];
      const made: Array<{ id: number; slug: string; tagId: number; authorId: number; noindex: boolean; nowPublic: boolean; laterPublic: boolean }> = [];
      let i = 0;
      for (const [status, publishedAt, nowPublic, laterPublic] of states) {
        for (const noindex of [false, true]) {
          i += 1;
          const own = await store.tags.ensure({ slug: `rule-tag-${i}`, name: `Rule tag ${i}` });
          const author = await store.users.create({ email: `rule-${i}-${database.name}@example.com`, displayName: `Rule ${i}`, slug: `rule-author-${i}`, role: 'author' });
          const article = await store.articles.create(
            draft({ slug: `rule-${i}`, status, publishedAt, noindex, primaryCategoryId: section.id, tagIds: [shared.id, own.id], authorIds: [author.id], bodyMd: `Quillwort ${i}`, bodyHtml: `<p>Quillwort ${i}</p>` }),
          );
          expect(isPublic(article, NOW), `core rule, ${status} ${publishedAt?.toISOString()}`).toBe(nowPublic);
          expect(isPublic(article, later), `core rule later, ${status} ${publishedAt?.toISOString()}`).toBe(laterPublic);
          made.push({ id: article.id, slug: article.slug, tagId: own.id, authorId: author.id, noindex, nowPublic, laterPublic });
        }
      }
      const sorted = (values: Iterable<string | number>) => [...values].map(String).sort();
      for (const [moment, key] of [[NOW, 'nowPublic'], [later, 'laterPublic']] as const) {
        const label = moment.toISOString();
        const expected = made.filter((a) => a[key]);
        const slugs = sorted(expected.map((a) => a.slug));
        const indexable = sorted(expected.filter((a) => !a.noindex).map((a) => a.slug));
        const list = async (q: Partial<Parameters<typeof store.articles.listPublic>[0]>) =>
          sorted((await store.articles.listPublic({ now: moment, limit: 100, ...q })).map((a) => a.slug));

        expect(await list({}), `home list ${label}`).toEqual(slugs);
        expect(await list({ categoryIds: [section.id] }), `section list ${label}`).toEqual(slugs);
        expect(await list({ tagId: shared.id }), `tag list ${label}`).toEqual(slugs);
        for (const a of made) {
          expect(await list({ tagId: a.tagId }), `own tag ${a.slug} ${label}`).toEqual(a[key] ? [a.slug] : []);
          expect(await list({ authorId: a.authorId }), `author ${a.slug} ${label}`).toEqual(a[key] ? [a.slug] : []);
          expect((await store.articles.findPublicBySlug(a.slug, moment))?.slug, `article page ${a.slug} ${label}`).toBe(a[key] ? a.slug : undefined);
          expect(await store.tags.isInUse(a.tagId, moment), `tag page ${a.slug} ${label}`).toBe(a[key]);
          expect(await store.users.isBylined(a.authorId, moment), `author page ${a.slug} ${label}`).toBe(a[key]);
        }
        // Search finds what crawlers are told about: public and not marked noindex.
        const ranked = await rankedSearch(store.articles, { query: parseSearchQuery('quillwort'), filters: {}, sort: 'date', now: moment });
        const found = await store.articles.searchResults(articleIdsOf(ranked.keys), moment);
        expect(sorted(found.map((a) => a.slug)), `search ${label}`).toEqual(indexable);

        const ownTags = new Set(made.map((a) => a.tagId));
        const inUse = (await store.tags.listInUse({ now: moment, offset: 0, limit: 1000 })).filter((t) => ownTags.has(t.id));
        expect(sorted(inUse.map((t) => t.id)), `tags in use ${label}`).toEqual(sorted(expected.map((a) => a.tagId)));
        expect(await store.tags.countInUse(moment), `tag count ${label}`).toBe(expected.length + (expected.length > 0 ? 1 : 0));
        const ownAuthors = new Set(made.map((a) => a.authorId));
        const bylined = (await store.users.listBylined(moment)).filter((u) => ownAuthors.has(u.id));
        expect(sorted(bylined.map((u) => u.id)), `bylined authors ${label}`).toEqual(sorted(expected.map((a) => a.authorId)));

        const months = await store.articles.sitemapMonths(moment);
        expect(months.reduce((sum, m) => sum + m.count, 0), `sitemap months ${label}`).toBe(indexable.length);
        const entries = await store.articles.sitemapEntries({ now: moment, from: new Date(0), to: new Date(NOW.getTime() + 10 * 86_400_000), offset: 0, limit: 1000 });
        expect(sorted(entries.map((e) => e.slug)), `sitemap entries ${label}`).toEqual(indexable);
        const since = hoursAgo(48);
        const news = await store.articles.recentForNews({ now: moment, since, offset: 0, limit: 1000 });
        expect(sorted(news.map((e) => e.slug)), `news sitemap ${label}`).toEqual(indexable);
        expect(await store.articles.countRecentForNews({ now: moment, since }), `news count ${label}`).toBe(indexable.length);
      }
      // The other side of the time condition: when the listings next change by themselves.
      expect((await store.articles.nextScheduledAt(NOW))?.toISOString()).toBe(soon.toISOString());
      expect((await store.articles.nextScheduledAt(later))?.toISOString()).toBe(new Date(NOW.getTime() + 86_400_000).toISOString());
    });

    it('sitemap months follow publishing, withdrawing, re-dating, noindex and deleting (counted per UTC month)', async () => {
      const at = (iso: string) => new Date(iso);
      const months = async (moment = NOW) =>
        (await store.articles.sitemapMonths(moment)).map((m) => [m.month, m.count, m.lastModified.toISOString()]);
      expect(await months()).toEqual([]);
      const a = await store.articles.create(draft({ publishedAt: at('2026-09-30T23:59:59Z'), updatedAt: at('2026-10-02T08:00:00Z') }));
      const b = await store.articles.create(draft({ publishedAt: at('2026-10-01T00:00:00Z'), updatedAt: at('2026-10-01T00:00:00Z') }));
      await store.articles.create(draft({ publishedAt: at('2026-11-20T10:00:00Z'), updatedAt: at('2026-11-21T10:00:00Z') }));
      // Not listed: a draft, a noindex article, and one scheduled for tomorrow.
      await store.articles.create(draft({ status: 'draft', publishedAt: null, updatedAt: at('2026-11-28T10:00:00Z') }));
      await store.articles.create(draft({ noindex: true, publishedAt: at('2026-10-15T10:00:00Z'), updatedAt: at('2026-11-28T10:00:00Z') }));
      await store.articles.create(draft({ publishedAt: at('2026-11-30T09:00:00Z'), updatedAt: at('2026-11-28T11:00:00Z') }));
      expect(await months()).toEqual([
        ['2026-09', 1, '2026-10-02T08:00:00.000Z'],
        ['2026-10', 1, '2026-10-01T00:00:00.000Z'],
        ['2026-11', 1, '2026-11-21T10:00:00.000Z'],
      ]);
      // The scheduled one counts once its time has come (and December has no article yet).
      expect(await months(at('2026-12-01T00:00:00Z'))).toEqual([
        ['2026-09', 1, '2026-10-02T08:00:00.000Z'],
        ['2026-10', 1, '2026-10-01T00:00:00.000Z'],
        ['2026-11', 2, '2026-11-28T11:00:00.000Z'],
      ]);
      // Re-dated from September into October: September empties and is no longer listed.
      const moved = await store.articles.update(a.id, a.revision, { publishedAt: at('2026-10-05T00:00:00Z'), updatedAt: at('2026-11-01T00:00:00Z') });
      expect(await months()).toEqual([
        ['2026-10', 2, '2026-11-01T00:00:00.000Z'],
        ['2026-11', 1, '2026-11-21T10:00:00.000Z'],
      ]);
      // Withdrawn, then published again; then marked noindex.
      const withdrawn = await store.articles.update(moved.id, moved.revision, { status: 'draft', updatedAt: at('2026-11-02T00:00:00Z') });
      expect(await months()).toEqual([
        ['2026-10', 1, '2026-10-01T00:00:00.000Z'],
        ['2026-11', 1, '2026-11-21T10:00:00.000Z'],
      ]);
      const republished = await store.articles.update(withdrawn.id, withdrawn.revision, { status: 'published', updatedAt: at('2026-11-03T00:00:00Z') });
      expect(await months()).toEqual([
        ['2026-10', 2, '2026-11-03T00:00:00.000Z'],
        ['2026-11', 1, '2026-11-21T10:00:00.000Z'],
      ]);
      await store.articles.update(republished.id, republished.revision, { noindex: true, updatedAt: at('2026-11-04T00:00:00Z') });
      expect(await months()).toEqual([
        ['2026-10', 1, '2026-10-01T00:00:00.000Z'],
        ['2026-11', 1, '2026-11-21T10:00:00.000Z'],
      ]);
      // Deleted.
      await store.db.deleteFrom('articles').where('id', '=', b.id).execute();
      expect(await months()).toEqual([['2026-11', 1, '2026-11-21T10:00:00.000Z']]);
    });

    it('pages with a keyset that neither skips nor repeats when many articles share a timestamp', async () => {
      const same = hoursAgo(3);
      const ids: number[] = [];
      for (let i = 0; i < 23; i++) ids.push((await store.articles.create(draft({ publishedAt: same }))).id);
      const newest = await store.articles.create(draft({ publishedAt: hoursAgo(1) }));
      const seen: number[] = [];
      let before: { publishedAt: Date; id: number } | undefined;
      for (let page = 0; page < 10; page++) {
        const rows = await store.articles.listPublic({ now: NOW, limit: 5, before });
        if (rows.length === 0) break;
        seen.push(...rows.map((row) => row.id));
        const last = rows[rows.length - 1]!;
        before = { publishedAt: last.publishedAt, id: last.id };
        // A newer article arriving mid-way must not shift later pages.
        if (page === 1) await store.articles.create(draft({ publishedAt: hoursAgo(0.5) }));
      }
      expect(seen).toEqual([newest.id, ...ids.sort((x, y) => y - x)]);
    });

    it('filters by a set of categories, a tag and an author', async () => {
      const economy = await store.categories.create({ slug: `economy-${n}`, name: 'Economy' });
      const banking = await store.categories.create({ slug: `banking-${n}`, name: 'Banking', parentId: economy.id });
      const rates = await store.tags.ensure({ slug: 'interest-rates', name: 'Interest rates' });
      const inEconomy = await store.articles.create(draft({ primaryCategoryId: economy.id, publishedAt: hoursAgo(3) }));
      const inBanking = await store.articles.create(
        draft({ primaryCategoryId: banking.id, tagIds: [rates.id], authorIds: [users[1]!], publishedAt: hoursAgo(2) }),
      );
      await store.articles.create(draft({ authorIds: [users[0]!, users[1]!], publishedAt: hoursAgo(4) }));
      const ids = (rows: Array<{ id: number }>) => rows.map((row) => row.id);

      const sections = descendantIds(await store.categories.list(), economy.id);
      expect(sections).toEqual([economy.id, banking.id]);
      expect(ids(await store.articles.listPublic({ now: NOW, limit: 10, categoryIds: sections }))).toEqual([
        inBanking.id,
        inEconomy.id,
      ]);
      expect(ids(await store.articles.listPublic({ now: NOW, limit: 10, categoryIds: [economy.id] }))).toEqual([inEconomy.id]);
      expect(await store.articles.listPublic({ now: NOW, limit: 10, categoryIds: [] })).toEqual([]);
      expect(ids(await store.articles.listPublic({ now: NOW, limit: 10, tagId: rates.id }))).toEqual([inBanking.id]);
      const byAuthor = await store.articles.listPublic({ now: NOW, limit: 10, authorId: users[1]! });
      expect(byAuthor).toHaveLength(2);
      expect(byAuthor[0]?.id).toBe(inBanking.id);
      const excluded = await store.articles.listPublic({ now: NOW, limit: 10, excludeIds: [inBanking.id] });
      expect(ids(excluded)).not.toContain(inBanking.id);
    });

    it('keeps tag and author listings in step when an article is unpublished, rescheduled or re-tagged', async () => {
      const tag = await store.tags.ensure({ slug: 'in-step', name: 'In step' });
      const other = await store.tags.ensure({ slug: 'other-step', name: 'Other step' });
      const author = users[2]!;
      const article = await store.articles.create(draft({ tagIds: [tag.id], authorIds: [author], publishedAt: hoursAgo(2) }));
      const listed = async () => ({
        tag: (await store.articles.listPublic({ now: NOW, limit: 10, tagId: tag.id })).map((a) => a.id),
        author: (await store.articles.listPublic({ now: NOW, limit: 10, authorId: author })).map((a) => a.id),
      });
      expect(await listed()).toEqual({ tag: [article.id], author: [article.id] });
      const unpublished = await store.articles.update(article.id, 1, { status: 'draft', updatedAt: NOW });
      expect(await listed()).toEqual({ tag: [], author: [] });
      const scheduled = await store.articles.update(article.id, unpublished.revision, {
        status: 'published',
        publishedAt: new Date(NOW.getTime() + 60_000),
        updatedAt: NOW,
      });
      expect(await listed()).toEqual({ tag: [], author: [] });
      const back = await store.articles.update(article.id, scheduled.revision, { publishedAt: hoursAgo(1), updatedAt: NOW });
      expect(await listed()).toEqual({ tag: [article.id], author: [article.id] });
      await store.articles.update(article.id, back.revision, { tagIds: [other.id], updatedAt: NOW });
      expect((await listed()).tag).toEqual([]);
      expect((await store.articles.listPublic({ now: NOW, limit: 10, tagId: other.id })).map((a) => a.id)).toEqual([article.id]);
    });

    it('refuses a stale revision and writes nothing', async () => {
      const article = await store.articles.create(draft({ title: 'Original' }));
      await store.articles.update(article.id, 1, { title: 'First edit', updatedAt: NOW });
      const error = await store.articles.update(article.id, 1, { title: 'Stale edit', updatedAt: NOW }).catch((e: unknown) => e);
      expect(isDomainError(error, 'STALE_REVISION')).toBe(true);
      expect((await store.articles.findById(article.id))?.title).toBe('First edit');
    });

    it('returns tags ordered by name and creates each tag once', async () => {
      const zebra = await store.tags.ensure({ slug: 'zebra', name: 'Zebra' });
      const apple = await store.tags.ensure({ slug: 'apple', name: 'Apple' });
      expect((await store.tags.ensure({ slug: 'zebra', name: 'Zebra again' })).id).toBe(zebra.id);
      const article = await store.articles.create(draft({ tagIds: [zebra.id, apple.id] }));
      expect((await store.articles.tags([article.id])).get(article.id)?.map((t) => t.name)).toEqual(['Apple', 'Zebra']);
    });

    it('stores redirects and replaces one for the same old path', async () => {
      await store.redirects.add({ fromPath: '/old-slug', toPath: '/new-slug' });
      await store.redirects.add({ fromPath: '/old-slug', toPath: '/newer-slug' });
      expect(await store.redirects.find('/old-slug')).toEqual({ toPath: '/newer-slug', status: 301 });
      expect(await store.redirects.find('/unknown')).toBeUndefined();
    });

    it('lists categories by name and finds users by e-mail in any case', async () => {
      const names = (await store.categories.list()).map((c) => c.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect((await store.users.findByEmail('ZOE-ADAMS@example.com'))?.displayName).toBe('Zoë Adams');
    });

    it('finds pictures by words, and their uses in bodies by their own addresses only (LIKE wildcards in keys are plain text)', async () => {
      const crops = (stem: string) => ({ '16x9': `${stem}-16x9.jpg`, '4x3': `${stem}-4x3.jpg`, '1x1': `${stem}-1x1.jpg` });
      const picture = (key: string, alt: string) =>
        store.media.create({ key, width: 10, height: 10, alt, variants: [{ file: `${key}-400.jpg`, width: 10, height: 10, format: 'jpeg' }], crops: crops(key), originalName: `${alt}.png`, uploadedBy: users[0]!, at: NOW });
      const underscore = await picture('ab_cdefghijklmno', 'Percent 100% and under_score');
      const plain = await picture('abXcdefghijklmno', 'Quay at low tide');
      const body = await store.articles.create(draft({ bodyMd: `![x](/media/abXcdefghijklmno-400.jpg)` }));
      const featured = await store.articles.create(draft({ status: 'draft', publishedAt: null }));
      await store.articles.update(featured.id, featured.revision, { featuredMediaId: underscore.id, updatedAt: NOW });

      expect((await store.media.list({ query: '100%', limit: 10, offset: 0 })).items.map((m) => m.id)).toEqual([underscore.id]);
      expect((await store.media.list({ query: 'under_', limit: 10, offset: 0 })).items.map((m) => m.id)).toEqual([underscore.id]);
      expect((await store.media.list({ query: 'QUAY tide', limit: 10, offset: 0 })).items.map((m) => m.id)).toEqual([plain.id]);
      expect((await store.media.list({ query: 'quay percent', limit: 10, offset: 0 })).total).toBe(0);

      const uses = await store.media.usesMany([underscore, plain]);
      expect(uses.get(underscore.id)!.articles.map((u) => [u.article.id, u.featured, u.inBody])).toEqual([[featured.id, true, false]]);
      expect(uses.get(plain.id)!.articles.map((u) => [u.article.id, u.featured, u.inBody])).toEqual([[body.id, false, true]]);
      expect(await store.media.deleteIfUnused(plain.id)).toBeUndefined();

      // Compare and set: files swapped from a stale read are refused.
      const before = await store.media.replaceFiles(plain.id, { crops: crops('NEWSTEMnewstem12'), focal: { x: 0.25, y: 0.75 } });
      expect(before?.crops).toEqual(crops('abXcdefghijklmno'));
      expect((await store.media.findById(plain.id))!.focal).toEqual({ x: 0.25, y: 0.75 });
      const files = await store.media.referencedFiles();
      expect(files.has('NEWSTEMnewstem12-1x1.jpg') && files.has('abXcdefghijklmno-400.jpg') && !files.has('abXcdefghijklmno-1x1.jpg')).toBe(true);

      await store.articles.update(body.id, body.revision, { bodyMd: 'No picture now.', updatedAt: NOW });
      expect((await store.media.deleteIfUnused(plain.id))?.id).toBe(plain.id);
      await store.articles.update(featured.id, featured.revision + 1, { featuredMediaId: null, updatedAt: NOW });
      expect((await store.media.deleteIfUnused(underscore.id))?.id).toBe(underscore.id);
    });
  });
}
