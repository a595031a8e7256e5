import { readFile } from 'node:fs/promises';
import type { CliServices } from '../cli/run-cli.js';
import { ImportError } from '../core/imports/import-error.js';
import { systemClock } from '../core/ports.js';
import { publicHttpSource } from '../importers/fetch-pictures.js';
import { importFeed } from '../importers/feeds/feed-import.js';
import { importGhost } from '../importers/ghost/ghost-import.js';
import { mediaDirSource, PictureUnavailable } from '../importers/picture-source.js';
import { importWordpress } from '../importers/wxr/wordpress-import.js';
import { createMarkdownRenderer } from '../render/markdown.js';
import { createBus } from './invalidation.js';
import type { Config } from '../config/config.js';
import type { Clock, InvalidationBus, Store } from '../core/ports.js';
import type { ImportRun } from '../core/imports/import-runs.js';
import type { FeedSubscription } from '../core/imports/feed-subscriptions.js';
import type { FeedImportReport, ImportReport } from '../core/imports/import-report.js';

/** A feed fetched from a public address (10 MB at most). */
async function readFeedAddress(url: string): Promise<Buffer> {
  try {
    return await publicHttpSource({ maxBytes: 10 * 1024 * 1024, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml, */*;q=0.5' }).read(url);
  } catch (error) {
    if (error instanceof PictureUnavailable) throw new ImportError(`Cannot fetch the feed: ${error.message}.`, 'UNREADABLE');
    throw error;
  }
}

/**
 * Runs an import the newsroom started (app/import-runner.ts), in the server process that took it: page caches
 * hear about imported articles on the server's own bus.
 */
export async function executeImportRun(
  run: ImportRun,
  deps: { store: Store; config: Config; clock: Clock; bus: InvalidationBus; onProgress: (done: number, total: number) => void },
): Promise<ImportReport | FeedImportReport> {
  const { store, config, clock, bus, onProgress } = deps;
  const articleDeps = { store, clock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords, bus };
  const dryRun = run.options.dryRun === true;
  if (run.kind === 'wordpress') {
    return importWordpress(articleDeps, run.source, {
      dryRun,
      onProgress,
      ...(run.options.fetchMedia ? { pictures: { source: publicHttpSource(), mediaDir: config.mediaDir } } : {}),
    });
  }
  if (run.kind === 'ghost') {
    return importGhost(articleDeps, run.source, { dryRun, onProgress, ...(run.options.fetchMedia ? { pictures: { source: publicHttpSource(), mediaDir: config.mediaDir } } : {}) });
  }
  const bytes = /^https?:\/\//i.test(run.source)
    ? await readFeedAddress(run.source)
    : await readFile(run.source).catch((error: NodeJS.ErrnoException) => {
        throw new ImportError(`Cannot read the uploaded file (${error.code ?? error.message}).`, 'UNREADABLE');
      });
  const report = await importFeed(articleDeps, bytes, { origin: /^https?:\/\//i.test(run.source) ? run.source : run.label, sectionId: run.options.sectionId ?? null, dryRun });
  onProgress(report.entries, report.entries);
  return report;
}

/** One scheduled poll of a subscribed feed: its new entries become drafts in its section. */
export async function pollSubscribedFeed(subscription: FeedSubscription, deps: { store: Store; config: Config; clock: Clock }): Promise<FeedImportReport> {
  const bytes = await readFeedAddress(subscription.url);
  return importFeed({ store: deps.store, clock: deps.clock, markdown: createMarkdownRenderer(), excerptWords: deps.config.excerptWords }, bytes, {
    origin: subscription.url,
    sectionId: subscription.sectionId,
    dryRun: false,
  });
}

/** The import commands' services (cli-services.ts loads this module only when one runs). */
export const importServices: Pick<CliServices, 'importWordpress' | 'importGhost' | 'importFeed'> = {
  async importWordpress({ store, config, file, dryRun, mediaDir, fetchMedia, onProgress }) {
    // PostgreSQL: running servers' caches hear about every imported article at once (LISTEN/NOTIFY).
    const bus = config.database.kind === 'postgres' && !dryRun ? await createBus(config, { onMissed: () => undefined }) : undefined;
    try {
      return await importWordpress(
        { store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords, ...(bus ? { bus } : {}) },
        file,
        {
          dryRun,
          onProgress,
          ...(mediaDir !== undefined ? { pictures: { source: mediaDirSource(mediaDir), mediaDir: config.mediaDir } } : {}),
          ...(fetchMedia && mediaDir === undefined ? { pictures: { source: publicHttpSource(), mediaDir: config.mediaDir } } : {}),
        },
      );
    } finally {
      await bus?.close();
    }
  },
  async importGhost({ store, config, file, dryRun, mediaDir, fetchMedia }) {
    const bus = config.database.kind === 'postgres' && !dryRun ? await createBus(config, { onMissed: () => undefined }) : undefined;
    try {
      return await importGhost({ store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords, ...(bus ? { bus } : {}) }, file, {
        dryRun,
        ...(mediaDir !== undefined ? { pictures: { source: mediaDirSource(mediaDir), mediaDir: config.mediaDir } } : {}),
        ...(fetchMedia && mediaDir === undefined ? { pictures: { source: publicHttpSource(), mediaDir: config.mediaDir } } : {}),
      });
    } finally {
      await bus?.close();
    }
  },
  async importFeed({ store, config, from, sectionSlug, dryRun }) {
    const section = sectionSlug === undefined ? undefined : await store.categories.findBySlug(sectionSlug);
    if (sectionSlug !== undefined && !section) throw new ImportError(`There is no section "${sectionSlug}"; create it in the newsroom first, or leave --section out.`, 'UNREADABLE');
    const bytes = /^https?:\/\//i.test(from) ? await readFeedAddress(from) : await readFile(from).catch((error: NodeJS.ErrnoException) => {
      throw new ImportError(`Cannot read ${from} (${error.code ?? error.message}).`, 'UNREADABLE');
    });
    return importFeed({ store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords }, bytes, {
      origin: from,
      sectionId: section?.id ?? null,
      dryRun,
    });
  },
};
