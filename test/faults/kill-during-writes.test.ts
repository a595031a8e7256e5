import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import type { DatabaseConfig } from '../../src/config/config.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { systemClock } from '../../src/core/ports.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { createStore, type StoreHandle } from '../../src/storage/create-store.js';
import { testDatabases } from '../support/databases.js';
import { startServerProcess, within, type ServerProcess } from '../support/processes.js';

const WRITERS = 6;
/** Saves acknowledged before the process is killed (it goes on saving while it dies). */
const ACKNOWLEDGED_BEFORE_KILL = 30;
/** A job claimed by the killed process is locked for 60 s before anyone else may run it; allow for that. */
const OUTBOX_WAIT_MS = 180_000;
const AUTHORS = ['imran-qadir', 'farah-siddiqui'];

interface Acknowledged {
  articleId: number;
  revision: number;
  title: string;
}

function databaseUrl(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `sqlite:${config.file}`;
  const url = new URL(config.url);
  if (config.schema) url.searchParams.set('schema', config.schema);
  return url.toString();
}

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/**
 * Every save the server acknowledged is there; every save that is there is whole: the article row, its
 * newest revision, its byline and its tags agree (a save writes them in one transaction).
 */
async function checkSaves(store: StoreHandle, acknowledged: readonly Acknowledged[], articleIds: readonly number[]): Promise<void> {
  for (const articleId of articleIds) {
    const article = await store.db.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow();
    const revisions = await store.db
      .selectFrom('revisions')
      .select(['revision', 'snapshot'])
      .where('article_id', '=', articleId)
      .orderBy('revision')
      .execute();
    const byRevision = new Map(revisions.map((row) => [row.revision, JSON.parse(row.snapshot) as Record<string, unknown>]));
    for (const ack of acknowledged.filter((ack) => ack.articleId === articleId)) {
      expect(byRevision.get(ack.revision)?.title, `acknowledged save ${ack.revision} of article ${articleId}`).toBe(ack.title);
      expect(article.revision).toBeGreaterThanOrEqual(ack.revision);
    }
    const newest = byRevision.get(article.revision);
    expect(newest, `article ${articleId} at revision ${article.revision} has that revision`).toBeDefined();
    expect(Math.max(...byRevision.keys())).toBe(article.revision);
    expect({ title: article.title, bodyMd: article.body_md, status: article.status, publishedAt: iso(article.published_at) }).toEqual({
      title: newest!.title,
      bodyMd: newest!.bodyMd,
      status: newest!.status,
      publishedAt: newest!.publishedAt,
    });
    const authors = await store.db
      .selectFrom('article_authors')
      .select(['user_id', 'public_at'])
      .where('article_id', '=', articleId)
      .orderBy('position')
      .execute();
    expect(authors.map((row) => row.user_id)).toEqual(newest!.authorIds);
    const tags = await store.db.selectFrom('article_tags').select(['tag_id', 'public_at']).where('article_id', '=', articleId).execute();
    expect(tags.map((row) => row.tag_id).sort((x, y) => x - y)).toEqual([...(newest!.tagIds as number[])].sort((x, y) => x - y));
    const publicAt = article.status === 'published' ? iso(article.published_at) : null;
    for (const link of [...authors, ...tags]) expect(iso(link.public_at), `link rows of article ${articleId} follow it`).toBe(publicAt);
  }
}

for (const database of testDatabases()) {
  describe(`kill -9 during bursts of saves and publishes on ${database.name}`, () => {
    it('loses no acknowledged save, leaves no half save, and finishes the pending outbox jobs after a restart', async () => {
      const { config, drop } = await database.create();
      let server: ServerProcess | undefined;
      try {
        const token = newApiToken();
        let articleIds: number[];
        {
          const store = await createStore(config);
          try {
            await store.migrate();
            await seedDemo({ store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: 15 });
            await store.apiKeys.create({ name: 'burst', role: 'editor', tokenHash: hashApiToken(token) });
            const rows = await store.db
              .selectFrom('articles')
              .select('id')
              .where('status', '=', 'published')
              .orderBy('id')
              .limit(WRITERS)
              .execute();
            articleIds = rows.map((row) => row.id);
          } finally {
            await store.close();
          }
        }
        expect(articleIds).toHaveLength(WRITERS);
        const env = { DATABASE_URL: databaseUrl(config) };
        server = await startServerProcess({ env });
        const first = server;
        const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

        const acknowledged: Acknowledged[] = [];
        let writing = true;
        const writers = articleIds.map(async (articleId, writer) => {
          const current = (await (await fetch(`${first.url}/api/v1/articles/${articleId}`, { headers })).json()) as { revision: number };
          let revision = current.revision;
          for (let save = 0; writing; save++) {
            const title = `Desk ${writer}, save ${save}`;
            // Even saves edit the text, byline and tags; odd ones (re)schedule publication two seconds ahead,
            // which writes an outbox job in the same transaction.
            const body =
              save % 2 === 0
                ? {
                    revision,
                    title,
                    bodyMd: `Paragraph ${save} of desk ${writer}.\n\n`.repeat(1 + (save % 5) * 40),
                    tagNames: [`Desk ${writer}`, `Round ${save % 3}`],
                    authorSlugs: save % 4 === 0 ? AUTHORS : [...AUTHORS].reverse(),
                  }
                : { revision, title, status: 'published', publishedAt: new Date(Date.now() + 2000).toISOString() };
            try {
              const response = await fetch(`${first.url}/api/v1/articles/${articleId}`, {
                method: 'PATCH',
                headers,
                body: JSON.stringify(body),
              });
              const answer = (await response.json()) as { revision: number; title: string; message?: string };
              if (response.status !== 200) throw new Error(`save refused with ${response.status}: ${answer.message}`);
              revision = answer.revision;
              acknowledged.push({ articleId, revision: answer.revision, title: answer.title });
            } catch (error) {
              if (writing) throw error;
              return; // The process died under this save: it was never acknowledged.
            }
          }
        });
        expect(await within(120_000, async () => acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL)).toBeDefined();
        // From here a failed save is the kill's doing; the saves in flight now are the ones it cuts off.
        writing = false;
        const exited = new Promise<void>((resolve) => first.child.once('exit', () => resolve()));
        first.child.kill('SIGKILL');
        await exited;
        await Promise.all(writers);

        const store = await createStore(config);
        try {
          if (config.kind === 'sqlite') {
            const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
            expect(rows).toEqual([{ integrity_check: 'ok' }]);
          }
          await checkSaves(store, acknowledged, articleIds);
          const jobs = await store.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          expect(Number(jobs.n), 'the burst wrote outbox jobs').toBeGreaterThan(0);

          server = await startServerProcess({ env });
          const unfinished = async () =>
            Number(
              (
                await store.db
                  .selectFrom('outbox')
                  .select((eb) => eb.fn.countAll<number>().as('n'))
                  .where('done_at', 'is', null)
                  .executeTakeFirstOrThrow()
              ).n,
            );
          expect(await within(OUTBOX_WAIT_MS, async () => (await unfinished()) === 0), 'every outbox job done after the restart').toBeDefined();
          for (const articleId of articleIds) {
            const response = await fetch(`${server.url}/api/v1/articles/${articleId}`, { headers });
            expect(response.status).toBe(200);
            const row = await store.db.selectFrom('articles').select(['revision', 'title']).where('id', '=', articleId).executeTakeFirstOrThrow();
            expect(await response.json()).toMatchObject({ revision: row.revision, title: row.title });
          }
        } finally {
          await store.close();
        }
      } finally {
        await server?.stop();
        await drop();
      }
    }, 600_000);
  });
}
