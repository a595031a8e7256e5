import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/app/argon2-hasher.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import type { DatabaseConfig } from '../../src/config/config.js';
import { addUser } from '../../src/core/accounts/users.js';
import { systemClock } from '../../src/core/ports.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { createStore } from '../../src/storage/create-store.js';
import { PASSWORD } from '../support/admin-session.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { describeWithTool } from '../support/required-tools.js';

const CSRF = 'processes-test-csrf-token-abcdef';
const PAGE = '/category/international';

async function prepare(database: DatabaseConfig): Promise<void> {
  const store = await createStore(database);
  try {
    await store.migrate();
    await seedDemo({ store, clock: systemClock, markdown: createMarkdownRenderer(), excerptWords: 15 });
    for (const [email, name] of [['target@newsroom.test', 'Target'], ['owner@newsroom.test', 'Owner']] as const) {
      await addUser({ store, clock: systemClock, hasher: argon2Hasher }, { email, displayName: name, role: 'editor', password: PASSWORD, actorId: null });
    }
  } finally {
    await store.close();
  }
}

const signIn = (server: ServerProcess, email: string, password: string) =>
  fetch(`${server.url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: `newsdesk_csrf=${CSRF}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: CSRF, email, password }).toString(),
  });

/** The checks, for two server processes sharing one database. */
function sharedDatabaseChecks(servers: () => ServerProcess[]): void {
  it('lets at most 5 of 30 parallel wrong passwords, spread over both processes, reach a password check', async () => {
    const [a, b] = servers() as [ServerProcess, ServerProcess];
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(i % 2 === 0 ? a : b, 'target@newsroom.test', `wrong password number ${i}`)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401).length + statuses.filter((status) => status === 429).length).toBe(30);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect((await signIn(b, 'target@newsroom.test', PASSWORD)).status).toBe(429);
  });

  it('accepts a session cookie signed by one process on the other, which then bypasses its page cache', async () => {
    const [a, b] = servers() as [ServerProcess, ServerProcess];
    const response = await signIn(a, 'owner@newsroom.test', PASSWORD);
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('newsdesk_session='))!.split(';')[0]!;
    expect((await fetch(`${b.url}/admin`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    await fetch(`${b.url}${PAGE}`);
    expect((await fetch(`${b.url}${PAGE}`)).headers.get('x-cache')).toBe('HIT');
    const staff = await fetch(`${b.url}${PAGE}`, { headers: { cookie } });
    expect(staff.headers.get('x-cache')).toBeNull();
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    expect((await fetch(`${b.url}${PAGE}`, { headers: { cookie: 'newsdesk_session=made-up' } })).headers.get('x-cache')).toBe('HIT');
  });
}

describe('two server processes on one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-signin-'));
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    const file = join(dir, 'site.sqlite');
    await prepare({ kind: 'sqlite', file });
    const env = { DATABASE_URL: `sqlite:${file}` };
    servers = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  sharedDatabaseChecks(() => servers);
});

describeWithTool('postgresql', 'two server processes on one PostgreSQL', () => {
  const pgUrl = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    await prepare({ kind: 'postgres', url: pgUrl, schema });
    const env = { DATABASE_URL: `${pgUrl}?schema=${schema}` };
    servers = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  sharedDatabaseChecks(() => servers);
});
