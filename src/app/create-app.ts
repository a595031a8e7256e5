import { FEED_POLL_JOB, pollFeed, type FeedPollPayload } from '../core/imports/feed-subscriptions.js';
import { dirname, resolve } from 'node:path';
import { rm } from 'node:fs/promises';
import { startImportRunner, type ImportRunner } from './import-runner.js';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { systemClock, type Clock } from '../core/ports.js';
import { createServer } from '../http/create-server.js';
import { createMarkdownRenderer } from '../render/markdown.js';
import { createStore, type StoreHandle } from '../storage/create-store.js';
import { seedDemo } from './demo/seed-demo.js';
import { PageCache } from '../cache/page-cache.js';
import type { InvalidationBus } from '../core/ports.js';
import { createBus } from './invalidation.js';
import { scheduleWatcher } from './schedule-watcher.js';
import { cachedCategories } from './cached-categories.js';
import { cachedNewest } from './cached-newest.js';
import { cacheKey } from '../core/publishing/cache-keys.js';
import { argon2Hasher } from './argon2-hasher.js';
import { smtpMailer } from './smtp-mailer.js';
import { startOutboxWorker, type OutboxWorker } from '../jobs/outbox-worker.js';
import { INVALIDATE_JOB, PUBLISHING_JOB } from '../core/articles/update-article.js';
import { applyScheduledUpdate, SCHEDULED_UPDATE_JOB } from '../core/articles/working-copy.js';

export interface App {
  config: Config;
  store: StoreHandle;
  server: FastifyInstance;
  pageCache: PageCache;
  /** Announces changed content to every process's page cache. */
  bus: InvalidationBus;
  /** Runs the outbox; `drain()` runs what is due now. */
  jobs: OutboxWorker;
  /** Runs the imports the newsroom queued; `drain()` runs them now. */
  imports: ImportRunner;
  close(): Promise<void>;
}

/**
 * The composition root: config → store (migrated) → demo content on an empty database when allowed →
 * HTTP server (not listening).
 */
export async function createApp(input: {
  config: Config;
  clock?: Clock;
  /** false: silent; a stream: JSON lines written there (at the configured level). Default stdout. */
  logger?: boolean | { stream: { write(line: string): unknown } };
  /** How often the outbox is polled; 0 polls only on `jobs.drain()`. Default 1000 ms. */
  jobIntervalMs?: number;
}): Promise<App> {
  const { config } = input;
  const clock = input.clock ?? systemClock;
  const store = await createStore(config.database, () => clock.now());
  try {
    await store.migrate();
    if (config.demoContent === 'auto' && (await store.articles.isEmpty())) {
      await seedDemo({ store, clock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords });
    }
    const pageCache = new PageCache(config.cacheMegabytes * 1024 * 1024);
    const schedule = scheduleWatcher(store, clock);
    const categories = cachedCategories(store.categories);
    const articles = cachedNewest(store.articles, schedule.next);
    const bus = await createBus(config, {
      // Notices were lost (the database went away and came back): nothing cached can be trusted.
      onMissed: () => {
        pageCache.clear();
        schedule.reset();
        categories.reset();
        articles.reset();
      },
    });
    bus.subscribe((keys) => {
      pageCache.invalidate(keys);
      if (keys.some((key) => key.startsWith('list:'))) schedule.reset();
      if (keys.some((key) => key === 'nav' || key.startsWith('category:'))) categories.reset();
      articles.reset();
    });
    const mailer = config.mail ? smtpMailer(config.mail) : undefined;
    const importDir = resolve(config.importDir);
    const imports = startImportRunner({
      runs: store.importRuns,
      clock,
      intervalMs: input.jobIntervalMs ?? 1000,
      // The importers and what they bring are loaded when the first import runs, not at start.
      execute: async (run, onProgress) =>
        (await import('./import-services.js')).executeImportRun(run, { store: { ...store, categories, articles }, config, clock, bus, onProgress }),
      discard: async (run) => {
        const file = resolve(run.source);
        if (dirname(file) === importDir) await rm(file, { force: true });
      },
      onError: (error, run) => server.log.warn({ err: error, importRun: run.id }, 'newsroom import failed'),
    });
    const server = await createServer({
      config,
      // Pages read sections and the newest articles from memory; everything else goes to the database.
      store: { ...store, categories, articles },
      clock,
      pageCache,
      bus,
      hasher: argon2Hasher,
      ...(mailer ? { mailer } : {}),
      nextScheduledAt: schedule.next,
      readiness: () => store.readiness(),
      importRunner: imports,
      siteExporter: { stream: async (out) => (await import('./site-archive-services.js')).streamSiteArchive({ config, out, gzip: true, includeSecrets: false }) },
      logger: input.logger === false ? false : { level: config.logLevel, ...(typeof input.logger === 'object' ? input.logger : {}) },
    });
    const jobs = startOutboxWorker({
      outbox: store.outbox,
      clock,
      intervalMs: input.jobIntervalMs ?? 1000,
      handlers: {
        [INVALIDATE_JOB]: async (payload) => bus.publish((payload as { keys: string[] }).keys),
        // Every process already dropped its pages when the article was saved; this is where a CDN purge
        // by Surrogate-Key and webhooks belong. Announcing the article's keys again is harmless.
        [PUBLISHING_JOB]: async (payload) => {
          const article = await store.articles.findById((payload as { articleId: number }).articleId);
          if (article) bus.publish([cacheKey.article(article.id)]).catch(() => undefined);
        },
        // A subscribed feed's poll: new entries become drafts, the next poll is scheduled (core/imports/feed-subscriptions.ts).
        [FEED_POLL_JOB]: async (payload) => {
          await pollFeed(
            { store, clock, poll: async (subscription) => (await import('./import-services.js')).pollSubscribedFeed(subscription, { store, config, clock }) },
            payload as FeedPollPayload,
          );
        },
        [SCHEDULED_UPDATE_JOB]: async (payload) =>
          applyScheduledUpdate({ store, clock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords, bus }, payload as { articleId: number; revision: number }),
      },
      onError: (error, job) => server.log.error({ err: error, job: job.id }, 'outbox job failed'),
    });
    return {
      config,
      store,
      server,
      pageCache,
      bus,
      jobs,
      imports,
      /**
       * Stops taking requests and finishes the ones in flight while the outbox worker finishes its current
       * job; then lets go of the bus and the database.
       */
      async close() {
        await Promise.all([server.close(), jobs.stop(), imports.stop()]);
        mailer?.close();
        await bus.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
