import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { systemClock } from '../../src/core/ports.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { createStore } from '../../src/storage/create-store.js';
import { startLoad } from '../support/load.js';
import { startServerProcess, within, type ServerProcess } from '../support/processes.js';
import { describeWithTool } from '../support/required-tools.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const SLUG = 'pakistan-cabinet-approves-cis-moa-with-united-states';
/** Generous limits for a busy two-core machine: how long recovery may take before the test gives up. */
const RECOVERY_WAIT_MS = 60_000;
/** A hang guard for tests that start server processes (each may take a while to start on a busy machine). */
const PROCESS_TEST_TIMEOUT_MS = 600_000;

const alive = (server: ServerProcess) => server.child.exitCode === null && server.child.signalCode === null;

/**
 * Two real server processes on one PostgreSQL schema, reaching the database through a TCP relay the test
 * controls. The connections are killed by PostgreSQL itself (pg_terminate_backend), or the relay cuts them
 * and refuses new ones as a restarting server would.
 */
describeWithTool('postgresql', 'two server processes when PostgreSQL goes away', () => {
  const pgUrl = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  // The name every connection of these two processes carries, so the test kills theirs and nobody else's.
  const applicationName = `newsdesk_faults_${schema}`;
  let admin: pg.Client;
  let proxy: TcpProxy;
  let a: ServerProcess;
  let b: ServerProcess;
  let token: string;
  let articleId: number;

  const api = (server: ServerProcess) =>
    fetch(`${server.url}/api/v1/articles/${articleId}`, { headers: { authorization: `Bearer ${token}` } });
  async function editTitle(server: ServerProcess, title: string): Promise<Response> {
    const { revision } = (await (await api(server)).json()) as { revision: number };
    return fetch(`${server.url}/api/v1/articles/${articleId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ revision, title }),
    });
  }
  const shows = async (server: ServerProcess, title: string) => (await (await fetch(`${server.url}/${SLUG}`)).text()).includes(title);
  const killConnections = async () =>
    Number(
      (
        await admin.query<{ n: string }>(
          'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where application_name = $1',
          [applicationName],
        )
      ).rows[0]!.n,
    );
  /** Both processes have their LISTEN connection open (the last thing it ran was LISTEN). */
  const bothListening = async () =>
    Number(
      (
        await admin.query<{ n: string }>(
          "select count(*) as n from pg_stat_activity where application_name = $1 and query ilike 'listen %'",
          [applicationName],
        )
      ).rows[0]!.n,
    ) === 2;

  beforeAll(async () => {
    const store = await createStore({ kind: 'postgres', url: pgUrl, schema });
    try {
      await store.migrate();
      await seedDemo({ store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: 15 });
      token = newApiToken();
      await store.apiKeys.create({ name: 'faults', role: 'editor', tokenHash: hashApiToken(token) });
      articleId = (await store.articles.findPublicBySlug(SLUG, new Date()))!.id;
    } finally {
      await store.close();
    }
    admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    const target = new URL(pgUrl);
    proxy = await startTcpProxy({ host: target.hostname || '127.0.0.1', port: Number(target.port || 5432) });
    const through = new URL(pgUrl);
    through.hostname = '127.0.0.1';
    through.port = String(proxy.port);
    through.searchParams.set('schema', schema);
    through.searchParams.set('application_name', applicationName);
    const env = { DATABASE_URL: through.toString() };
    [a, b] = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.close();
    await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
  });

  it('keeps serving while PostgreSQL kills every connection under load, and invalidation still reaches both', async () => {
    const paths = [`/${SLUG}`, '/', '/category/international', '/search?q=cabinet', '/search?q=budget', '/rss.xml'];
    const load = startLoad({
      concurrency: 20,
      next: (index) => {
        const server = index % 2 === 0 ? a : b;
        // Every other request reads the database (the API is never cached); the rest are pages.
        return index % 4 < 2
          ? { url: `${server.url}/api/v1/articles/${articleId}`, headers: { authorization: `Bearer ${token}` } }
          : { url: `${server.url}${paths[index % paths.length]}` };
      },
    });
    const killed: number[] = [];
    for (let round = 0; round < 3; round++) {
      const before = load.answered();
      expect(await within(RECOVERY_WAIT_MS, async () => load.answered() >= before + 40)).toBeDefined();
      killed.push(await killConnections());
    }
    const after = load.answered();
    await within(RECOVERY_WAIT_MS, async () => load.answered() >= after + 40);
    const report = await load.stop();

    expect(killed.every((count) => count > 0), `connections killed per round: ${killed.join(', ')}`).toBe(true);
    expect(report.failures, 'requests that got no answer (reset or refused)').toEqual([]);
    expect(report.unexpected, 'answers other than 200 and 503').toEqual([]);
    expect(report.unavailableWithoutRetryAfter).toBe(0);
    expect(alive(a) && alive(b), `a server process ended:\n${a.output()}\n${b.output()}`).toBe(true);

    for (const server of [a, b]) expect(await within(RECOVERY_WAIT_MS, async () => (await api(server)).status === 200)).toBeDefined();
    // Once both are listening again, a cached page on b changes only if a's notice reaches it.
    expect(await within(RECOVERY_WAIT_MS, bothListening), 'both LISTEN connections reopened').toBeDefined();
    await fetch(`${b.url}/${SLUG}`);
    expect((await fetch(`${b.url}/${SLUG}`)).headers.get('x-cache')).toBe('HIT');
    expect((await editTitle(a, 'Cabinet approves the agreement after the outage')).status).toBe(200);
    expect(await within(RECOVERY_WAIT_MS, () => shows(b, 'Cabinet approves the agreement after the outage'))).toBeDefined();
  }, PROCESS_TEST_TIMEOUT_MS);

  it('answers 503 with Retry-After while the database is unreachable, keeps cached pages, and recovers', async () => {
    expect(await within(RECOVERY_WAIT_MS, bothListening)).toBeDefined();
    await fetch(`${b.url}/${SLUG}`);
    expect((await fetch(`${b.url}/${SLUG}`)).headers.get('x-cache')).toBe('HIT');

    await proxy.down();
    try {
      let refused: Response | undefined;
      expect(
        await within(RECOVERY_WAIT_MS, async () => {
          refused = await api(a);
          return refused.status === 503;
        }),
      ).toBeDefined();
      expect(refused!.headers.get('retry-after')).toBe('5');
      expect(((await refused!.json()) as { message: string }).message).toMatch(/database/i);

      const page = await fetch(`${a.url}/tag/pakistan?before=1764410400000.1`);
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      expect(await page.text()).toMatch(/try again/i);

      const write = await fetch(`${a.url}/api/v1/articles/${articleId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ revision: 1, title: 'Never saved' }),
      });
      expect(write.status).toBe(503);

      expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${a.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('cache-control')).toBe('no-store');
      expect(((await ready.json()) as { reason: string }).reason).toMatch(/unreachable/);

      // Readers of cached pages do not notice.
      const cached = await fetch(`${b.url}/${SLUG}`);
      expect(cached.status).toBe(200);

      // A change b cannot hear about: written while its LISTEN connection is down, with no notice at all.
      await admin.query(`update ${schema}.articles set title = $1 where id = $2`, ['Changed while nobody was listening', articleId]);
    } finally {
      await proxy.up();
    }

    for (const server of [a, b]) {
      expect(await within(RECOVERY_WAIT_MS, async () => (await fetch(`${server.url}/readyz`)).status === 200)).toBeDefined();
    }
    // Having missed notices, b dropped its cached pages when it listened again.
    expect(await within(RECOVERY_WAIT_MS, () => shows(b, 'Changed while nobody was listening'))).toBeDefined();
    expect(await shows(a, 'Never saved')).toBe(false);
    expect(alive(a) && alive(b)).toBe(true);
  }, PROCESS_TEST_TIMEOUT_MS);
});
