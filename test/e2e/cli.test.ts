import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliServices } from '../../src/app/cli-services.js';
import { runCli as run } from '../../src/cli/run-cli.js';
import { argon2Hasher } from '../../src/app/argon2-hasher.js';
import { parseDatabaseUrl } from '../../src/config/config.js';
import { createStore } from '../../src/storage/create-store.js';

const runCli = (argv: string[], io: Parameters<typeof run>[1]) => run(argv, io, cliServices);

function capture(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      env: { NEWSDESK_LOG_LEVEL: 'silent', ...env },
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

const tempSqlite = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'newsdesk-cli-')), 'cli.sqlite')}`;

describe('newsdesk CLI', () => {
  it('lists its commands and explains each with --help', async () => {
    const run = capture();
    expect((await runCli(['--help'], run.io)).code).toBe(0);
    for (const name of ['serve', 'migrate', 'seed-demo']) expect(run.stdout()).toContain(name);
    for (const name of ['serve', 'migrate', 'seed-demo']) {
      const help = capture();
      expect((await runCli([name, '--help'], help.io)).code).toBe(0);
      expect(help.stdout()).toContain(`Usage: newsdesk ${name}`);
    }
  });

  it('refuses an unknown command or option with exit code 1', async () => {
    const unknown = capture();
    expect((await runCli(['frobnicate'], unknown.io)).code).toBe(1);
    expect(unknown.stderr()).toContain('unknown command "frobnicate"');
    const badOption = capture();
    expect((await runCli(['migrate', '--nope'], badOption.io)).code).toBe(1);
    expect(badOption.stderr()).toContain("Unknown option '--nope'");
  });

  it('migrates, and loads the demo content once', async () => {
    const env = { DATABASE_URL: tempSqlite() };
    const migrate = capture(env);
    expect((await runCli(['migrate'], migrate.io)).code).toBe(0);
    expect(migrate.stdout()).toContain('Database is up to date');
    const seed = capture(env);
    expect((await runCli(['seed-demo'], seed.io)).code).toBe(0);
    expect(seed.stdout()).toMatch(/^Loaded 18 articles, 6 categories and 4 authors\./);
    const again = capture(env);
    expect((await runCli(['seed-demo'], again.io)).code).toBe(0);
    expect(again.stdout()).toContain('already loaded');
  });

  it('bench-data reports progress in plain lines when stderr is not a terminal, and seed-demo still loads after it', async () => {
    const env = { DATABASE_URL: tempSqlite() };
    const bench = capture(env);
    expect((await runCli(['bench-data', '--articles', '1500'], bench.io)).code).toBe(0);
    expect(bench.stdout()).toMatch(/^Added 1,500 articles in [\d.]+ s/);
    // A log, not a terminal: whole lines, no carriage returns, the last one says it is done.
    expect(bench.stderr()).not.toContain('\r');
    expect(bench.stderr().trimEnd().split('\n').at(-1)).toMatch(/^1,500 \/ 1,500 articles {2}100% {2}[\d,]+\/s {2}done in \d+ s$/);
    // bench-data made sections the demo also has ("economy", "business"): the demo files its articles there.
    const seed = capture(env);
    expect((await runCli(['seed-demo'], seed.io)).code, seed.stderr()).toBe(0);
    expect(seed.stdout()).toMatch(/^Loaded 18 articles, \d categories and 4 authors\./);
    const store = await createStore(parseDatabaseUrl(env.DATABASE_URL, []));
    try {
      expect(await store.articles.count()).toBe(1500 + 18);
      // Taking the demo away leaves bench-data's sections and articles.
      const remove = capture(env);
      expect((await runCli(['demo', 'remove'], remove.io)).code, remove.stderr()).toBe(0);
      expect(await store.articles.count()).toBe(1500);
      expect(await store.categories.findBySlug('economy')).toBeDefined();
    } finally {
      await store.close();
    }
  });

  describe('bad configuration stops start-up with one clear line', () => {
    let blocker: Server;
    let busyPort: number;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      busyPort = (blocker.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

    const cases: Array<[string, () => Record<string, string>, RegExp]> = [
      ['an unknown DATABASE_URL scheme', () => ({ DATABASE_URL: 'mysql://root@localhost/news' }), /unsupported scheme "mysql"\. Use sqlite:<file>/],
      [
        'an unreachable PostgreSQL',
        () => ({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/newsdesk' }),
        /Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/newsdesk \(ECONNREFUSED\)/,
      ],
      [
        'a port in use',
        () => ({ DATABASE_URL: tempSqlite(), NEWSDESK_PORT: String(busyPort), NEWSDESK_HOST: '127.0.0.1', NEWSDESK_DEMO_CONTENT: 'off' }),
        /port \d+ on 127\.0\.0\.1 is already in use/,
      ],
      ['a bad port number', () => ({ NEWSDESK_PORT: 'eighty' }), /NEWSDESK_PORT must be a whole number from 0 to 65535, not "eighty"/],
      ['a bad site URL', () => ({ NEWSDESK_SITE_URL: 'news.example.com' }), /NEWSDESK_SITE_URL must be an absolute URL/],
    ];
    for (const [name, env, message] of cases) {
      it(name, async () => {
        const run = capture(env());
        const result = await runCli(['serve'], run.io);
        await result.stop?.();
        expect(result.code).toBe(1);
        expect(run.stderr()).toMatch(message);
        expect(run.stderr()).not.toMatch(/\n\s+at /);
      });
    }

    it('as a real process too: exit code 1, no stack trace', () => {
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/app/main.ts', 'serve'], {
        env: { ...process.env, DATABASE_URL: 'mongodb://localhost/news' },
        encoding: 'utf8',
        timeout: 100_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr.trim().split('\n')).toHaveLength(1);
      expect(child.stderr).toContain('unsupported scheme "mongodb"');
    });
  });

  it('adds the first admin with the password from standard input, and sets a new one (a real process)', async () => {
    const databaseUrl = tempSqlite();
    const newsdesk = (args: string[], input: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/app/main.ts', ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        input,
        encoding: 'utf8',
        timeout: 100_000,
      });
    const ok = newsdesk(['user', 'add', '--email', 'Chief@Example.com', '--role', 'admin', '--name', 'Chief Editor'], 'a long enough password\n');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Added Chief Editor <chief@example.com> as admin.');
    const short = newsdesk(['user', 'add', '--email', 'b@example.com', '--role', 'editor'], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('A password needs at least 10 characters.');
    // 1,366 three-byte characters: 4,098 bytes, refused before hashing although far fewer characters.
    const long = newsdesk(['user', 'add', '--email', 'd@example.com', '--role', 'editor'], `${'€'.repeat(1366)}\n`);
    expect(long.status).toBe(1);
    expect(long.stderr).toContain('A password can be at most 4,096 bytes long; this one is 4,098 bytes.');
    const badRole = newsdesk(['user', 'add', '--email', 'c@example.com', '--role', 'boss'], 'a long enough password\n');
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toContain('The role must be one of admin, editor, author, contributor.');
    const reset = newsdesk(['user', 'password', '--email', 'chief@example.com'], 'set by the operator\n');
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('Set a new password for Chief Editor <chief@example.com> and signed them out everywhere.');
    const store = await createStore(parseDatabaseUrl(databaseUrl, []));
    try {
      const stored = await store.accounts.credentials('chief@example.com');
      expect(await argon2Hasher.verify(stored!.passwordHash!, 'set by the operator')).toBe(true);
    } finally {
      await store.close();
    }
    const nobody = newsdesk(['user', 'password', '--email', 'nobody@example.com'], 'set by the operator\n');
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toContain('There is no account for nobody@example.com.');
  }, 360_000);

  it('serves on a free port and stops cleanly', async () => {
    const run = capture({ DATABASE_URL: tempSqlite(), NEWSDESK_PORT: '0', NEWSDESK_HOST: '127.0.0.1' });
    const result = await runCli(['serve'], run.io);
    try {
      expect(result.code).toBe(0);
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(run.stdout())?.[0];
      const response = await fetch(`${url}/pakistan-cabinet-approves-cis-moa-with-united-states`);
      expect(response.status).toBe(200);
    } finally {
      await result.stop?.();
    }
  });
});
