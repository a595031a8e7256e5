import type { CliServices } from '../cli/run-cli.js';
import { systemClock } from '../core/ports.js';
import { createMarkdownRenderer } from '../render/markdown.js';
import { createApp } from './create-app.js';
import { seedDemo } from './demo/seed-demo.js';
import { removeDemo } from './demo/remove-demo.js';
import { createBus } from './invalidation.js';
import { removeImageFiles } from '../media/process-image.js';
import { generateArticles } from './bench-data/generate-articles.js';
import { addUser, setPasswordAsOperator } from '../core/accounts/users.js';
import { argon2Hasher } from './argon2-hasher.js';
import { readSecret } from './read-secret.js';
import { importWordpress } from '../importers/wxr/wordpress-import.js';
import { mediaDirSource } from '../importers/picture-source.js';
import { publicHttpSource } from '../importers/fetch-pictures.js';
import { importFeed } from '../importers/feeds/feed-import.js';
import { ImportError } from '../core/imports/import-error.js';
import { PictureUnavailable } from '../importers/picture-source.js';
import { readFile } from 'node:fs/promises';

/** A feed fetched from a public address (10 MB at most). */
async function readFeedAddress(url: string): Promise<Buffer> {
  try {
    return await publicHttpSource({ maxBytes: 10 * 1024 * 1024, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml, */*;q=0.5' }).read(url);
  } catch (error) {
    if (error instanceof PictureUnavailable) throw new ImportError(`Cannot fetch the feed: ${error.message}.`, 'UNREADABLE');
    throw error;
  }
}

/** The real implementations behind the CLI's commands. */
export const cliServices: CliServices = {
  addUser: ({ store, email, displayName, role, password }) =>
    addUser({ store, clock: systemClock, hasher: argon2Hasher }, { email, displayName, role, password, actorId: null }),
  setPassword: ({ store, email, password }) => setPasswordAsOperator({ store, clock: systemClock, hasher: argon2Hasher }, { email, password }),
  readSecret,
  createApp: ({ config }) => createApp({ config }),
  generateArticles: ({ store, count, onProgress }) =>
    generateArticles({ store, count, now: new Date(), ...(onProgress ? { onProgress } : {}) }),
  async removeDemo({ store, config }) {
    // PostgreSQL: running servers hear at once (LISTEN/NOTIFY). Any database: the outbox job the removal
    // writes is run by a server's worker, which publishes the same keys on its bus.
    const bus = config.database.kind === 'postgres' ? await createBus(config, { onMissed: () => undefined }) : undefined;
    try {
      return await removeDemo({ store, clock: systemClock, ...(bus ? { bus } : {}), removeFiles: (image) => removeImageFiles(image, config.mediaDir) });
    } finally {
      await bus?.close();
    }
  },
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
  seedDemo: ({ store, config }) =>
    seedDemo({ store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords }),
};
