import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_POLL_JOB, pollFeed, subscribeToFeed, unsubscribeFromFeed } from '../../src/core/imports/feed-subscriptions.js';
import { importFeed } from '../../src/importers/feeds/feed-import.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const GUARDIAN = `${CORPUS_DIR}feeds/rss-parser/guardian.rss`;

for (const database of testDatabases()) {
  describe(`feeds polled by the outbox worker on ${database.name}`, () => {
    let app: TestApp;

    /** Polls of this subscription still waiting in the outbox, with their generation and due time. */
    const waiting = async (subscriptionId: number) =>
      (await app.store.db.selectFrom('outbox').select(['payload', 'available_at']).where('kind', '=', FEED_POLL_JOB).where('done_at', 'is', null).execute())
        .map((row) => ({ ...(JSON.parse(row.payload) as { subscriptionId: number; generation: number }), at: new Date(row.available_at).getTime() }))
        .filter((job) => job.subscriptionId === subscriptionId);

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
    });
    afterAll(async () => {
      await app?.dispose();
    });

    it('polls on its interval, records a feed it cannot read, and never runs two chains', async () => {
      // The real job handler: this address does not resolve, so each poll records why and the next is scheduled.
      const url = 'https://wire.invalid/news.rss';
      const subscription = await subscribeToFeed({ store: app.store, clock: app.clock }, { url, sectionId: null, everyMinutes: 30, actorId: null });
      expect(await waiting(subscription.id)).toEqual([{ subscriptionId: subscription.id, generation: 0, at: app.clock.now().getTime() }]);
      await app.jobs.drain();
      const first = (await app.store.feeds.findById(subscription.id))!;
      expect(first.lastError).toMatch(/Cannot fetch the feed/);
      expect(first.lastPolledAt?.getTime()).toBe(app.clock.now().getTime());
      expect(await waiting(subscription.id)).toEqual([{ subscriptionId: subscription.id, generation: 1, at: app.clock.now().getTime() + 30 * 60_000 }]);

      // Not due yet: nothing runs. Due: the second poll, and the third is scheduled.
      await app.jobs.drain();
      expect((await app.store.feeds.findById(subscription.id))!.generation).toBe(1);
      app.clock.advance(30 * 60_000);
      await app.jobs.drain();
      expect(await waiting(subscription.id)).toEqual([{ subscriptionId: subscription.id, generation: 2, at: app.clock.now().getTime() + 30 * 60_000 }]);

      // Subscribed again with a new interval while a poll waits: the waiting poll is stale, one chain goes on.
      await subscribeToFeed({ store: app.store, clock: app.clock }, { url, sectionId: null, everyMinutes: 10, actorId: null });
      app.clock.advance(30 * 60_000);
      await app.jobs.drain();
      const chains = await waiting(subscription.id);
      expect(chains).toHaveLength(1);
      expect(chains[0]!.at).toBe(app.clock.now().getTime() + 10 * 60_000);

      // Stopped: the waiting poll finds itself stale, and nothing follows it.
      await unsubscribeFromFeed({ store: app.store, clock: app.clock }, { id: subscription.id, actorId: null });
      app.clock.advance(10 * 60_000);
      await app.jobs.drain();
      expect(await waiting(subscription.id)).toEqual([]);
      expect((await app.store.feeds.findById(subscription.id))!.active).toBe(false);
    });

    it('makes a draft of each new entry once, in the subscribed section', async () => {
      const section = await app.store.categories.create({ name: 'Wire', slug: 'wire-desk', description: '' });
      const subscription = await subscribeToFeed({ store: app.store, clock: app.clock }, { url: 'https://partner.example.test/feed', sectionId: section.id, everyMinutes: 15, actorId: null });
      const bytes = readFileSync(GUARDIAN);
      const poll = (s: { url: string; sectionId: number | null }) =>
        importFeed({ store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 20 }, bytes, { origin: s.url, sectionId: s.sectionId, dryRun: false });
      expect(await pollFeed({ store: app.store, clock: app.clock, poll }, { subscriptionId: subscription.id, generation: subscription.generation })).toBe('polled');
      const after = (await app.store.feeds.findById(subscription.id))!;
      expect(after.lastReport!.created).toBeGreaterThan(0);
      const drafts = await app.store.db.selectFrom('articles').select(['status', 'primary_category_id']).where('primary_category_id', '=', section.id).execute();
      expect(drafts).toHaveLength(after.lastReport!.created);
      expect(drafts.every((row) => row.status === 'draft')).toBe(true);
      // The next poll of the same feed adds nothing; a poll of an old generation does nothing at all.
      await pollFeed({ store: app.store, clock: app.clock, poll }, { subscriptionId: subscription.id, generation: subscription.generation + 1 });
      expect((await app.store.feeds.findById(subscription.id))!.lastReport!.created).toBe(0);
      expect(await pollFeed({ store: app.store, clock: app.clock, poll }, { subscriptionId: subscription.id, generation: subscription.generation })).toBe('stale');
    });

    it('is started and stopped by an admin on the Export and import page', async () => {
      await makeUser(app, 'admin', 'Feed Admin', 'feed-admin@newsroom.test');
      const admin = await new AdminClient(app).signIn('feed-admin@newsroom.test', PASSWORD);
      await admin.get('/admin/site');
      const refused = await admin.post('/admin/feeds', { url: 'https://agency.example.test/rss', sectionId: '', everyMinutes: '1' });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('5 minutes at the most often');
      const added = await admin.post('/admin/feeds', { url: 'https://agency.example.test/rss', sectionId: '', everyMinutes: '20' });
      expect([added.statusCode, added.headers.location]).toEqual([303, '/admin/site?done=subscribed']);
      const page = await admin.get('/admin/site');
      expect(page.body).toContain('https://agency.example.test/rss');
      expect(page.body).toContain('20 min');
      const id = (await app.store.feeds.list()).find((feed) => feed.url === 'https://agency.example.test/rss')!.id;
      expect((await admin.post(`/admin/feeds/${id}/stop`, {})).statusCode).toBe(303);
      expect((await app.store.feeds.findById(id))!.active).toBe(false);
      expect((await admin.get('/admin/site')).body).toContain('Stopped');
    });
  });
}
