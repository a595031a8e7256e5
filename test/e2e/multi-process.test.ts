import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithTool } from '../support/required-tools.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import type { DatabaseConfig } from '../../src/config/config.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { systemClock } from '../../src/core/ports.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { createStore } from '../../src/storage/create-store.js';
import { startServerProcess, within, type ServerProcess } from '../support/processes.js';

const SLUG = 'pakistan-cabinet-approves-cis-moa-with-united-states';

/** Migrates and seeds a database, and makes an editor API key for it. */
async function prepare(database: DatabaseConfig): Promise<{ token: string; articleId: number }> {
  const store = await createStore(database);
  try {
    await store.migrate();
    await seedDemo({ store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: 15 });
    const token = newApiToken();
    await store.apiKeys.create({ name: 'test', role: 'editor', tokenHash: hashApiToken(token) });
    const article = await store.articles.findPublicBySlug(SLUG, new Date());
    return { token, articleId: article!.id };
  } finally {
    await store.close();
  }
}

async function editTitle(server: ServerProcess, token: string, id: number, title: string, revision?: number) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const current = (await (await fetch(`${server.url}/api/v1/articles/${id}`, { headers })).json()) as { revision: number };
  return fetch(`${server.url}/api/v1/articles/${id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ revision: revision ?? current.revision, title }),
  });
}

const titleOn = async (server: ServerProcess, path: string, title: string) =>
  (await (await fetch(server.url + path)).text()).includes(title);

const pgUrl = process.env.TEST_DATABASE_URL;
/** How long a change may take to reach another process: generous for a busy machine, well under a cache entry's 300 s life. */
const NOTICE_WAIT_MS = 60_000;

describeWithTool('postgresql', 'two server processes on one PostgreSQL', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let servers: ServerProcess[] = [];
  let token: string;
  let articleId: number;

  beforeAll(async () => {
    ({ token, articleId } = await prepare({ kind: 'postgres', url: pgUrl!, schema }));
    const env = { DATABASE_URL: `${pgUrl}?schema=${schema}` };
    servers = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  it('shows a change made through one process on the other, cache and all, long before the cache would expire', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    await fetch(`${b.url}/${SLUG}`);
    await fetch(`${b.url}/`);
    expect((await fetch(`${b.url}/${SLUG}`)).headers.get('x-cache')).toBe('HIT');
    const response = await editTitle(a, token, articleId, 'Cabinet clears CIS-MOA signing with Washington');
    expect(response.status).toBe(200);
    // The notice travels over LISTEN/NOTIFY: wait for it, but far less than the 300 s a cached page lives.
    const article = await within(NOTICE_WAIT_MS, () => titleOn(b, `/${SLUG}`, 'Cabinet clears CIS-MOA signing with Washington'));
    const home = await within(NOTICE_WAIT_MS, () => titleOn(b, '/', 'Cabinet clears CIS-MOA signing with Washington'));
    expect(article, 'article page on the other process').toBeDefined();
    expect(home, 'home page on the other process').toBeDefined();
  });

  it('refuses an edit made to a stale revision with 409, through either process', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const first = await editTitle(a, token, articleId, 'First editor wins');
    const { revision } = (await first.json()) as { revision: number };
    const stale = await editTitle(b, token, articleId, 'Second editor loses', revision - 1);
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: string; details: { currentRevision: number } };
    expect(body.error).toBe('STALE_REVISION');
    expect(body.details.currentRevision).toBe(revision);
    expect(await titleOn(b, `/${SLUG}`, 'First editor wins')).toBe(true);
  });
});

describe('serve --workers 2 on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-workers-'));
  let server: ServerProcess;
  let token: string;
  let articleId: number;

  beforeAll(async () => {
    const file = join(dir, 'site.sqlite');
    ({ token, articleId } = await prepare({ kind: 'sqlite', file }));
    server = await startServerProcess({ env: { DATABASE_URL: `sqlite:${file}` }, args: ['--workers', '2'] });
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every worker cache in step', async () => {
    for (let i = 0; i < 20; i++) await fetch(`${server.url}/${SLUG}`, { headers: { connection: 'close' } });
    expect((await editTitle(server, token, articleId, 'Workers agree on the new headline')).status).toBe(200);
    const seen = await within(NOTICE_WAIT_MS, async () => {
      const bodies = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${server.url}/${SLUG}`, { headers: { connection: 'close' } }).then((r) => r.text())),
      );
      return bodies.every((body) => body.includes('Workers agree on the new headline'));
    });
    expect(seen).toBeDefined();
  });
});
