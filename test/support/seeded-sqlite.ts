import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { systemClock } from '../../src/core/ports.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { createStore } from '../../src/storage/create-store.js';

/** A published demo story that every fault test edits. */
export const DEMO_SLUG = 'state-bank-holds-policy-rate-as-inflation-slows';

/**
 * Prepares a SQLite file for a server process to open: migrated, the demo loaded (dated from now), and an
 * editor API key. Returns the key and the id of `DEMO_SLUG`.
 */
export async function seedSqliteFile(file: string): Promise<{ token: string; articleId: number }> {
  const token = newApiToken();
  const store = await createStore({ kind: 'sqlite', file });
  try {
    await store.migrate();
    await seedDemo({ store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: 15 });
    await store.apiKeys.create({ name: 'desk', role: 'editor', tokenHash: hashApiToken(token) });
    return { token, articleId: (await store.articles.findPublicBySlug(DEMO_SLUG, new Date()))!.id };
  } finally {
    await store.close();
  }
}
