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

/** The importers and what they bring (XML and feed parsers, HTML conversion): loaded by the import commands only, never by a server. */
const importers = () => import('./import-services.js');

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
  importWordpress: async (input) => (await importers()).importServices.importWordpress(input),
  importGhost: async (input) => (await importers()).importServices.importGhost(input),
  importFeed: async (input) => (await importers()).importServices.importFeed(input),
  exportSite: async (input) => (await import('./site-archive-services.js')).exportSiteToFile(input),
  exportWxr: async (input) => (await import('./site-archive-services.js')).exportWxrToFile(input),
  restoreSite: async (input) => (await import('./site-archive-services.js')).restoreSiteFromFile(input),
  seedDemo: ({ store, config }) =>
    seedDemo({ store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords }),
};
