import { createApp, type App } from '../../src/app/create-app.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { loadConfig } from '../../src/config/config.js';
import type { Clock } from '../../src/core/ports.js';
import type { Article } from '../../src/core/articles/article.js';
import { createArticle, type NewArticleInput } from '../../src/core/articles/create-article.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import type { TestDatabase } from './databases.js';

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const TEST_NOW = new Date('2026-11-29T12:00:00.000Z');

export interface TestApp extends App {
  clock: TestClock;
  dispose(): Promise<void>;
}

/** The whole application on a fresh database, with the demo content dated from `TEST_NOW`. */
export async function openTestApp(
  database: TestDatabase,
  options: { env?: Record<string, string>; seed?: boolean; jobIntervalMs?: number } = {},
): Promise<TestApp> {
  const { config: databaseConfig, drop } = await database.create();
  const config = {
    ...loadConfig({ NEWSDESK_SITE_URL: 'https://news.example.test', NEWSDESK_DEMO_CONTENT: 'off', ...options.env }),
    database: databaseConfig,
  };
  const clock = new TestClock(TEST_NOW);
  const app = await createApp({ config, clock, logger: false, jobIntervalMs: options.jobIntervalMs ?? 0 });
  if (options.seed !== false) {
    await seedDemo({ store: app.store, clock, markdown: createMarkdownRenderer(), excerptWords: config.excerptWords });
  }
  return Object.assign(app, {
    clock,
    async dispose() {
      await app.close();
      await drop();
    },
  });
}

/** Creates an article through the real domain operation (slug, excerpt and HTML derived as in production). */
export async function addArticle(
  app: TestApp,
  input: Partial<NewArticleInput> & { title: string; authorSlugs?: string[]; categorySlug?: string },
): Promise<Article> {
  const authorIds: number[] = [];
  for (const slug of input.authorSlugs ?? ['imran-qadir']) {
    const user = await app.store.users.findBySlug(slug);
    if (!user) throw new Error(`no user ${slug}`);
    authorIds.push(user.id);
  }
  const category = input.categorySlug ? await app.store.categories.findBySlug(input.categorySlug) : undefined;
  return createArticle(
    { store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: app.config.excerptWords, bus: app.bus },
    {
      bodyMd: 'A short body.',
      status: 'published',
      ...input,
      authorIds,
      primaryCategoryId: category?.id ?? null,
    },
  );
}
