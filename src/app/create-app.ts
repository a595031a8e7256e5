import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { systemClock, type Clock } from '../core/ports.js';
import { createServer } from '../http/create-server.js';
import { createMarkdownRenderer } from '../render/markdown.js';
import { createStore, type StoreHandle } from '../storage/create-store.js';
import { seedDemo } from './demo/seed-demo.js';

export interface App {
  config: Config;
  store: StoreHandle;
  server: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The composition root: config → store (migrated) → demo content on an empty database when allowed →
 * HTTP server (not listening).
 */
export async function createApp(input: { config: Config; clock?: Clock; logger?: boolean }): Promise<App> {
  const { config } = input;
  const clock = input.clock ?? systemClock;
  const store = await createStore(config.database, () => clock.now());
  try {
    await store.migrate();
    if (config.demoContent === 'auto' && (await store.articles.count()) === 0) {
      await seedDemo({ store, clock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords });
    }
    const server = await createServer({
      config,
      store,
      clock,
      logger: input.logger === false ? false : { level: config.logLevel },
    });
    return {
      config,
      store,
      server,
      async close() {
        await server.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
