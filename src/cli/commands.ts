import type { FastifyInstance } from 'fastify';
import cluster, { type Worker } from 'node:cluster';
import { statSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { isInvalidateMessage } from '../cache/cluster-messages.js';
import type { Config } from '../config/config.js';
import type { Store } from '../core/ports.js';
import { createStore, type StoreHandle } from '../storage/create-store.js';
import { hashApiToken, newApiToken, roleAtLeast } from '../core/access/api-token.js';
import { ROLES, type Author, type Role } from '../core/authors/author.js';
import { progressReporter, type ProgressStream } from './progress-reporter.js';
import { PRUNE_GRACE_MS, pruneMediaFiles } from '../media/prune-media.js';
import { reportLines, type FeedImportReport, type ImportReport } from '../core/imports/import-report.js';
import { ImportError } from '../core/imports/import-error.js';
import { subscribeToFeed } from '../core/imports/feed-subscriptions.js';
import { isDomainError } from '../core/errors.js';
import { systemClock } from '../core/ports.js';
import type { ArchiveSummary } from '../storage/site-archive/write-site-archive.js';
import type { WxrSummary } from '../storage/site-archive/write-wxr.js';
import type { RestoreReport } from '../storage/site-archive/restore-site-archive.js';

/**
 * What the commands need from the composition root (app/), handed in by app/main.ts so that cli/ does
 * not import app/ (DESIGN.md §2).
 */
export interface CliServices {
  createApp(input: { config: Config }): Promise<{ server: FastifyInstance; close(): Promise<void> }>;
  seedDemo(input: { store: Store; config: Config }): Promise<{ articles: number; categories: number; authors: number }>;
  /** Removes the demo content (and tells every server's page cache). */
  removeDemo(input: { store: Store; config: Config }): Promise<{ articles: number; authors: number; sections: number; tags: number; pictures: number }>;
  generateArticles(input: { store: StoreHandle; count: number; onProgress?: (done: number) => void }): Promise<{ articles: number }>;
  addUser(input: { store: Store; email: string; displayName: string; role: string; password: string }): Promise<Author>;
  /** Sets a user's password (no old one needed) and ends their sessions. */
  setPassword(input: { store: Store; email: string; password: string }): Promise<Author>;
  /** A line from standard input without echoing it when it is a terminal. */
  readSecret(): Promise<string>;
  /** Imports a WordPress export (WXR); throws ImportError, having written nothing, when the file is unusable. */
  importWordpress(input: {
    store: Store;
    config: Config;
    file: string;
    dryRun: boolean;
    /** A copy of the old site's uploads folder: its pictures come into the library. */
    mediaDir?: string;
    /** Fetch the pictures from their addresses (public addresses only). */
    fetchMedia?: boolean;
    onProgress: (done: number, total: number) => void;
  }): Promise<ImportReport>;
  /** Imports a Ghost export (JSON); throws ImportError, having written nothing, when the file is unusable. */
  importGhost(input: { store: Store; config: Config; file: string; dryRun: boolean; mediaDir?: string; fetchMedia?: boolean }): Promise<ImportReport>;
  /** Imports a feed's entries as drafts in a section; throws ImportError when it is not a feed. */
  importFeed(input: { store: Store; config: Config; from: string; sectionSlug: string | undefined; dryRun: boolean }): Promise<FeedImportReport>;
  /** Writes the whole site to FILE in the Newsdesk export format (gzip when FILE ends in .gz). */
  exportSite(input: { config: Config; file: string; includeSecrets: boolean; onProgress?: (done: number, total: number) => void }): Promise<ArchiveSummary>;
  /** Writes the site as a WordPress export (WXR 1.2). */
  exportWxr(input: { config: Config; file: string }): Promise<WxrSummary>;
  /** Restores a Newsdesk export into an empty database; throws ImportError, having written nothing, when it cannot. */
  restoreSite(input: { store: StoreHandle; config: Config; file: string; dryRun: boolean; onProgress?: (done: number, total: number) => void }): Promise<RestoreReport>;
}

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  /** Standard error; `isTTY` and `columns` when it is a terminal (progress is drawn in place there). */
  stderr: ProgressStream;
}

export interface Command {
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Words allowed after the command (sub-commands such as `create`). Default none. */
  positionals?: readonly string[];
  /** How many free words (a file's path) may follow the sub-command. Default none. */
  freeArguments?: number;
  run(input: {
    config: Config;
    values: Record<string, string | boolean | undefined>;
    positionals: readonly string[];
    io: CliIo;
    services: CliServices;
  }): Promise<{ code: number; stop?: () => Promise<void> }>;
}

function describeDatabase(config: Config): string {
  return config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
}

const serve: Command = {
  summary: 'Serve the site (creates and migrates the database; loads demo content into an empty one).',
  help: `Usage: newsdesk serve [--port N] [--host H] [--workers N]

Serves the public site. On an empty database the demo content is loaded unless NEWSDESK_DEMO_CONTENT=off.
  --port N      port to listen on (default NEWSDESK_PORT or 3000)
  --host H      address to bind (default NEWSDESK_HOST or localhost; 0.0.0.0 for every interface)
  --workers N   run N processes sharing the port (default 1); caches stay in step over IPC (SQLite)
                or LISTEN/NOTIFY (PostgreSQL)
`,
  options: { port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' } },
  async run({ config, values, io, services }) {
    const workers = values.workers === undefined ? 1 : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      io.stderr.write(`newsdesk serve: --workers must be a whole number from 1 to 64, not "${String(values.workers)}".\n`);
      return { code: 1 };
    }
    if (workers > 1 && cluster.isPrimary) return runPrimary({ config, workers, io, services });
    const port = values.port === undefined ? config.port : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr.write(`newsdesk serve: --port must be a whole number from 0 to 65535, not "${String(values.port)}".\n`);
      return { code: 1 };
    }
    const host = typeof values.host === 'string' ? values.host : config.host;
    const app = await services.createApp({ config });
    try {
      await app.server.listen({ port, host });
    } catch (error) {
      await app.close().catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code === 'EADDRINUSE') {
        io.stderr.write(`newsdesk serve: port ${port} on ${host} is already in use. Stop the program using it or set NEWSDESK_PORT to a free port.\n`);
        return { code: 1 };
      }
      if (code === 'EACCES') {
        io.stderr.write(`newsdesk serve: not allowed to listen on port ${port}. Use a port above 1023 or run with the needed rights.\n`);
        return { code: 1 };
      }
      throw error;
    }
    const address = app.server.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    io.stdout.write(`Newsdesk is serving http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${actualPort} (${describeDatabase(config)}). Press Ctrl+C to stop.\n`);
    return { code: 0, stop: () => app.close() };
  },
};

/** The cluster primary: prepares the database once, forks the workers, relays invalidations, restarts crashes. */
async function runPrimary(input: { config: Config; workers: number; io: CliIo; services: CliServices }) {
  const { config, io } = input;
  const store = await createStore(config.database);
  try {
    await store.migrate();
    if (config.demoContent === 'auto' && (await store.articles.isEmpty())) await input.services.seedDemo({ store, config });
  } finally {
    await store.close();
  }
  let stopping = false;
  const relay = (from: Worker) => (message: unknown) => {
    if (!isInvalidateMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from) worker.send(message);
  };
  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', relay(worker));
    worker.on('exit', (code) => {
      if (stopping) return;
      io.stderr.write(`newsdesk serve: worker ${worker.process.pid} exited (${code}); starting another.\n`);
      setTimeout(fork, 1000).unref();
    });
  };
  for (let i = 0; i < input.workers; i++) fork();
  io.stdout.write(`Newsdesk primary ${process.pid} started ${input.workers} workers (${describeDatabase(config)}).\n`);
  return {
    code: 0,
    stop: async () => {
      stopping = true;
      const all = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
      await Promise.all(
        all.map((worker) => new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.kill('SIGTERM');
        })),
      );
    },
  };
}

const migrate: Command = {
  summary: 'Create or update the database schema.',
  help: `Usage: newsdesk migrate

Applies every pending migration to the database named by DATABASE_URL (default sqlite:./data/newsdesk.sqlite).
`,
  options: {},
  async run({ config, io }) {
    const store = await createStore(config.database);
    try {
      await store.migrate();
      io.stdout.write(`Database is up to date (${describeDatabase(config)}).\n`);
      return { code: 0 };
    } finally {
      await store.close();
    }
  },
};

const seedDemoCommand: Command = {
  summary: 'Load the demo newsroom: authors, categories and articles from the last few days.',
  help: `Usage: newsdesk seed-demo

Migrates the database, then loads the demo content in one transaction. Safe to run twice: it does nothing
when the demo authors are already there.
`,
  options: {},
  async run({ config, io, services }) {
    const store = await createStore(config.database);
    try {
      await store.migrate();
      const result = await services.seedDemo({ store, config });
      io.stdout.write(
        result.articles === 0
          ? 'The demo content is already loaded; nothing changed.\n'
          : `Loaded ${result.articles} articles, ${result.categories} categories and ${result.authors} authors.\n`,
      );
      return { code: 0 };
    } finally {
      await store.close();
    }
  },
};

const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const demo: Command = {
  summary: 'Remove the demo content: its articles, authors, sections, tags and pictures.',
  help: `Usage: newsdesk demo remove

Removes, in one transaction, exactly what the demo seed created: its articles (with their revisions and
notes), and its authors, sections, tags and pictures that nothing else uses. Whatever the newsroom wrote stays,
and so does a demo section or tag one of your articles uses. Page caches are purged in every process. Safe
to run twice: the second time there is nothing left to remove.

To start without demo content at all, set NEWSDESK_DEMO_CONTENT=off before the first start.
`,
  options: {},
  positionals: ['remove'],
  async run({ config, io, positionals, services }) {
    if (positionals[0] !== 'remove') {
      io.stderr.write('newsdesk demo: say what to do: newsdesk demo remove\n');
      return { code: 1 };
    }
    const store = await createStore(config.database);
    try {
      await store.migrate();
      const removed = await services.removeDemo({ store, config });
      const total = removed.articles + removed.authors + removed.sections + removed.tags + removed.pictures;
      io.stdout.write(
        total === 0
          ? 'There is no demo content to remove; nothing changed.\n'
          : `Removed the demo content: ${counted(removed.articles, 'article')}, ${counted(removed.authors, 'author')}, ${counted(removed.sections, 'section')}, ${counted(removed.tags, 'tag')} and ${counted(removed.pictures, 'picture')}.\n`,
      );
      return { code: 0 };
    } finally {
      await store.close();
    }
  },
};

const apiKey: Command = {
  summary: 'Create an API key for the REST API (/api/v1).',
  help: `Usage: newsdesk api-key create --name NAME [--role editor] [--user EMAIL]

Prints a new key once; only its hash is stored. Send it as "Authorization: Bearer <key>".
A key may do what a member of staff of its role may, through the same workflow (revisions and the
audit log name the key). With --user it writes for that person: their articles are its own, its role
cannot be above theirs, and it stops working when they are disabled.
  --name NAME   what the key is for (an integration, a person)
  --role ROLE   admin, editor (default), author or contributor
  --user EMAIL  the newsroom account the key writes for
`,
  options: { name: { type: 'string' }, role: { type: 'string' }, user: { type: 'string' } },
  positionals: ['create'],
  async run({ config, values, io, positionals }) {
    if (positionals[0] !== 'create') {
      io.stderr.write('newsdesk api-key: say what to do: newsdesk api-key create --name NAME\n');
      return { code: 1 };
    }
    const name = typeof values.name === 'string' ? values.name.trim() : '';
    const role = typeof values.role === 'string' ? values.role : 'editor';
    if (name === '') {
      io.stderr.write('newsdesk api-key create: --name is required, e.g. --name "wire importer".\n');
      return { code: 1 };
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      io.stderr.write(`newsdesk api-key create: --role must be one of ${ROLES.join(', ')}, not "${role}".\n`);
      return { code: 1 };
    }
    const store = await createStore(config.database);
    try {
      await store.migrate();
      let userId: number | null = null;
      if (typeof values.user === 'string') {
        const person = await store.users.findByEmail(values.user.trim().toLowerCase());
        if (!person) {
          io.stderr.write(`newsdesk api-key create: there is no account with the address "${values.user}".\n`);
          return { code: 1 };
        }
        if (!roleAtLeast(person.role, role as Role)) {
          io.stderr.write(`newsdesk api-key create: ${person.email} is ${person.role}; a key for them can be at most that, not ${role}.\n`);
          return { code: 1 };
        }
        userId = person.id;
      }
      const token = newApiToken();
      await store.apiKeys.create({ name, role: role as Role, tokenHash: hashApiToken(token), userId });
      io.stdout.write(`${token}\n`);
      io.stderr.write(`Created API key "${name}" (${role}). It is shown only this once.\n`);
      return { code: 0 };
    } finally {
      await store.close();
    }
  },
};

const user: Command = {
  summary: 'Add a newsroom account (the first admin, say), or set the password of one: newsdesk user add|password',
  help: `Usage: newsdesk user add --email E --role ROLE [--name "Display Name"]
       newsdesk user password --email E

add       creates an account that can sign in at /admin/login
password  sets a new password for an existing account (when reset by e-mail is not available) and
          signs it out everywhere

The password is read from standard input (type it at the prompt, or pipe it in); it needs at least 10
characters and at most 4,096 bytes.
  --email E     sign-in e-mail
  --role ROLE   admin, editor, author or contributor (add)
  --name N      name shown in bylines (add; default: the part of the e-mail before @)
`,
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  positionals: ['add', 'password'],
  async run({ config, values, io, positionals, services }) {
    const action = positionals[0];
    if (action !== 'add' && action !== 'password') {
      io.stderr.write('newsdesk user: say what to do: newsdesk user add --email E --role ROLE, or newsdesk user password --email E\n');
      return { code: 1 };
    }
    const email = typeof values.email === 'string' ? values.email : '';
    const role = typeof values.role === 'string' ? values.role : '';
    if (email === '' || (action === 'add' && role === '')) {
      io.stderr.write(
        action === 'add'
          ? 'newsdesk user add: --email and --role are required, e.g. --email chief@example.com --role admin.\n'
          : 'newsdesk user password: --email is required, e.g. --email chief@example.com.\n',
      );
      return { code: 1 };
    }
    const displayName = typeof values.name === 'string' && values.name.trim() !== '' ? values.name : email.split('@')[0] ?? email;
    io.stderr.write(action === 'add' ? 'Password (at least 10 characters): ' : 'New password (at least 10 characters): ');
    const password = await services.readSecret();
    io.stderr.write('\n');
    const store = await createStore(config.database);
    try {
      await store.migrate();
      if (action === 'password') {
        const changed = await services.setPassword({ store, email, password });
        io.stdout.write(`Set a new password for ${changed.displayName} <${changed.email}> and signed them out everywhere.\n`);
        return { code: 0 };
      }
      const created = await services.addUser({ store, email, displayName, role, password });
      io.stdout.write(`Added ${created.displayName} <${created.email}> as ${created.role}. Sign in at ${config.siteUrl}/admin/login\n`);
      return { code: 0 };
    } catch (error) {
      const message = (error as { message?: string }).message ?? String(error);
      io.stderr.write(`newsdesk user ${action}: ${message}\n`);
      return { code: 1 };
    } finally {
      await store.close();
    }
  },
};

const benchData: Command = {
  summary: 'Generate N realistic articles quickly (bulk inserts), for load tests.',
  help: `Usage: newsdesk bench-data --articles N

Adds N published articles (with authors, sections and tags) to the database named by DATABASE_URL.
`,
  options: { articles: { type: 'string' } },
  async run({ config, values, io, services }) {
    const count = Number(values.articles ?? '');
    if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
      io.stderr.write('newsdesk bench-data: --articles must be a whole number from 1 to 10000000.\n');
      return { code: 1 };
    }
    const store = await createStore(config.database);
    try {
      await store.migrate();
      const started = Date.now();
      const progress = progressReporter(io.stderr, { total: count, noun: 'articles' });
      const result = await services.generateArticles({ store, count, onProgress: (done) => progress.update(done) });
      progress.finish(result.articles);
      io.stdout.write(
        `Added ${result.articles.toLocaleString('en')} articles in ${((Date.now() - started) / 1000).toFixed(1)} s (${describeDatabase(config)}).\n`,
      );
      return { code: 0 };
    } finally {
      await store.close();
    }
  },
};

const media: Command = {
  summary: 'Delete picture files no picture uses any more: newsdesk media prune [--dry-run]',
  help: `Usage: newsdesk media prune [--dry-run]

Deletes the files in the media folder (NEWSDESK_MEDIA_DIR) that no picture of the library names: left
behind by a crash during an upload, a removal or a replacement. Files the library uses are never
touched, nor files younger than ${PRUNE_GRACE_MS / 60_000} minutes (an upload in progress), nor files the
newsroom did not make.
  --dry-run     list what would be deleted, delete nothing
`,
  options: { 'dry-run': { type: 'boolean' } },
  positionals: ['prune'],
  async run({ config, values, io, positionals }) {
    if (positionals[0] !== 'prune') {
      io.stderr.write('newsdesk media: say what to do: newsdesk media prune [--dry-run]\n');
      return { code: 1 };
    }
    const dryRun = values['dry-run'] === true;
    const store = await createStore(config.database);
    try {
      await store.migrate();
      const result = await pruneMediaFiles({ dir: config.mediaDir, referenced: () => store.media.referencedFiles(), now: new Date(), dryRun });
      for (const name of result.orphans) io.stdout.write(`${name}\n`);
      const count = `${result.orphans.length} file${result.orphans.length === 1 ? '' : 's'} no picture uses`;
      io.stderr.write(dryRun ? `Would delete ${count} (dry run: nothing deleted).\n` : `Deleted ${count}.\n`);
      if (result.young > 0) io.stderr.write(`Kept ${result.young} unused file${result.young === 1 ? '' : 's'} younger than ${PRUNE_GRACE_MS / 60_000} minutes.\n`);
      return { code: 0 };
    } finally {
      await store.close();
    }
  },
};

/** Runs `work` with a progress bar on stderr (drawn once the total is known), finished when it ends. */
async function withProgress<T>(io: CliIo, noun: string, work: (onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  let progress: ReturnType<typeof progressReporter> | undefined;
  let last = 0;
  const result = await work((done, total) => {
    progress ??= progressReporter(io.stderr, { total, noun });
    progress.update((last = done));
  });
  progress?.finish(last);
  return result;
}

/** The end-of-import report, in plain lines. */
export function describeImport(report: ImportReport): string {
  const [first, ...rest] = reportLines(report, report.dryRun);
  return `${report.dryRun ? `Dry run (nothing written): ${first!.charAt(0).toLowerCase()}${first!.slice(1)}` : first}\n${rest.map((line) => `  ${line}\n`).join('')}`;
}

/**
 * Runs an import against the configured database (migrated first): an ImportError, thrown before anything
 * was written, ends as one line and exit code 1.
 */
async function runImport(config: Config, io: CliIo, file: string, work: (store: StoreHandle) => Promise<string>): Promise<{ code: number }> {
  const store = await createStore(config.database);
  try {
    await store.migrate();
    io.stdout.write(await work(store));
    return { code: 0 };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.stderr.write(`newsdesk import: ${file}: ${error.message} Nothing was imported.\n`);
    return { code: 1 };
  } finally {
    await store.close();
  }
}

async function importFeedCommand(input: {
  config: Config;
  file: string;
  section: string | boolean | undefined;
  dryRun: boolean;
  io: CliIo;
  services: CliServices;
}): Promise<{ code: number }> {
  const { config, file, io, services } = input;
  return runImport(config, io, file, async (store) => {
    const report = await services.importFeed({ store, config, from: file, sectionSlug: typeof input.section === 'string' ? input.section : undefined, dryRun: input.dryRun });
    return (
      `${input.dryRun ? 'Dry run (nothing written): would import' : 'Imported'} ${report.created} new draft${report.created === 1 ? '' : 's'} from "${report.feed.title}" (${report.feed.format}, ${report.entries} entries; ${report.alreadyImported} seen before).\n` +
      report.problems.map((problem) => `  not imported: ${problem}\n`).join('')
    );
  });
}

async function subscribeCommand(input: { config: Config; url: string; section: string | boolean | undefined; every: string | boolean | undefined; io: CliIo }): Promise<{ code: number }> {
  const { config, url, io } = input;
  const store = await createStore(config.database);
  try {
    await store.migrate();
    const slug = typeof input.section === 'string' ? input.section : undefined;
    const section = slug === undefined ? undefined : await store.categories.findBySlug(slug);
    if (slug !== undefined && !section) {
      io.stderr.write(`newsdesk import: there is no section "${slug}"; create it in the newsroom first, or leave --section out.\n`);
      return { code: 1 };
    }
    const everyMinutes = Number(input.every);
    try {
      await subscribeToFeed({ store, clock: systemClock }, { url, sectionId: section?.id ?? null, everyMinutes, actorId: null });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      io.stderr.write(`newsdesk import: ${error.message}\n`);
      return { code: 1 };
    }
    io.stdout.write(`Polling ${url} every ${everyMinutes} minutes${section ? ` into ${section.name}` : ''}: a running server reads it within a minute, then at each interval.\n`);
    return { code: 0 };
  } finally {
    await store.close();
  }
}

async function restoreCommand(input: { config: Config; file: string; dryRun: boolean; io: CliIo; services: CliServices }): Promise<{ code: number }> {
  const { config, file, io, services } = input;
  return runImport(config, io, file, async (store) => {
    const report = await withProgress(io, 'rows', (onProgress) =>
      services.restoreSite({
        store,
        config,
        file,
        dryRun: input.dryRun,
        onProgress,
      }),
    );
    const rows = Object.entries(report.rows).map(([table, n]) => `${table} ${n.toLocaleString('en')}`);
    return (
      `${report.dryRun ? 'Dry run (nothing written): would restore' : 'Restored'} the export of ${report.site.name || 'a site'} (${report.site.url}) made ${report.exportedAt}:\n` +
      `  rows: ${rows.join(', ')}\n  picture files: ${report.files}\n` +
      (report.secrets ? '' : '  made without secrets: nobody has a password here yet (newsdesk user password --email EMAIL), and API keys came over revoked\n')
    );
  });
}

const exportCommand: Command = {
  summary: 'Write the whole site to a file (newsdesk export FILE[.gz]), to restore or move it',
  help: `Usage: newsdesk export FILE [--include-secrets]
       newsdesk export FILE.xml --format wxr

Writes everything (articles with their revisions, sections, tags, people, pictures with their files,
redirects, notes, the audit log and settings) to FILE in the Newsdesk export format (docs/export-format.md),
from one consistent snapshot, while the site keeps serving. FILE ending in .gz is gzip-compressed.
Restore it with: newsdesk import newsdesk FILE (into an empty database, SQLite or PostgreSQL).
  --include-secrets  also write password hashes, two-step sign-in secrets, recovery codes, API key hashes
                     and the cookie-signing key (without it, people need a new password on the new site and
                     API keys arrive revoked). Keep such a file as safe as the database itself.
  --format wxr       write a WordPress export instead (WXR 1.2), to take the site back to WordPress
                     (Tools → Import → WordPress): authors, sections as categories with their parents,
                     tags, articles as posts with status, dates, HTML, excerpt and bylines, static pages,
                     and pictures as attachments at their addresses here, for WordPress to fetch.
`,
  options: { 'include-secrets': { type: 'boolean' }, format: { type: 'string' } },
  freeArguments: 1,
  async run({ config, values, io, positionals, services }) {
    const [file] = positionals;
    if (file === undefined) {
      io.stderr.write('newsdesk export: name the file to write: newsdesk export site.ndjson.gz\n');
      return { code: 1 };
    }
    const format = values.format ?? 'newsdesk';
    if (format !== 'newsdesk' && format !== 'wxr') {
      io.stderr.write(`newsdesk export: --format is newsdesk (the default) or wxr, not "${String(format)}".\n`);
      return { code: 1 };
    }
    if (format === 'wxr') {
      if (values['include-secrets'] === true) {
        io.stderr.write('newsdesk export: a WordPress export holds no secrets; leave out --include-secrets.\n');
        return { code: 1 };
      }
      const wxr = await services.exportWxr({ config, file });
      io.stdout.write(
        `Wrote a WordPress export to ${file}: ${wxr.posts} posts, ${wxr.pages} pages, ${wxr.attachments} pictures, ${wxr.authors} authors, ${wxr.categories} categories, ${wxr.tags} tags.\n`,
      );
      return { code: 0 };
    }
    const summary = await withProgress(io, 'rows', (onProgress) =>
      services.exportSite({
        config,
        file,
        includeSecrets: values['include-secrets'] === true,
        onProgress,
      }),
    );
    const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    io.stdout.write(
      `Exported ${rows.toLocaleString('en')} rows and ${summary.files} picture files to ${file}` +
        `${values['include-secrets'] === true ? ' (with secrets: keep it safe)' : ' (without secrets)'}.\n` +
        (summary.missingFiles.length > 0 ? `  ${summary.missingFiles.length} picture files named in the database were not in the media folder: ${summary.missingFiles.slice(0, 5).join(', ')}\n` : ''),
    );
    return { code: 0 };
  },
};

const importCommand: Command = {
  summary: 'Import from WordPress, Ghost or a feed: newsdesk import wordpress|ghost|feed FILE',
  help: `Usage: newsdesk import wordpress FILE.xml [--media-dir DIR | --fetch-media] [--dry-run]

Imports a WordPress export (Tools → Export → All content) into the database named by DATABASE_URL:
posts with their status and dates, authors as byline profiles, categories as sections (with their
hierarchy), tags, and a 301 redirect from every old address. The file is read twice: first whole, writing
nothing (a damaged file stops here and leaves the database as it was), then item by item, each in its own
transaction. Running it again imports only what is missing, so an interrupted import is finished by
running the same command.
  --media-dir DIR  a copy of the old site's wp-content/uploads folder: its pictures are checked and resized
                   like uploads, and bodies and featured pictures use them (without it, a picture stays a
                   link to its old address)
  --fetch-media    fetch the pictures from their addresses instead: public addresses only (every
                   connection and redirect is checked), 15 s and 30 MB at most each
  --dry-run        read everything and report what would be imported; write nothing

Usage: newsdesk import ghost FILE.json [--media-dir DIR | --fetch-media] [--dry-run]

Imports a Ghost export (Settings → Labs → Export): posts, pages, authors as byline profiles (never their
password hashes), tags, and 301s from Ghost's addresses. Running it again imports only what is missing.
  --media-dir DIR  a copy of the old site's content/images folder: the pictures posts show or feature
                   come into the library, checked and resized like uploads
  --fetch-media    fetch them from their addresses instead (public addresses only; Ghost 4+ exports name
                   their own site __GHOST_URL__, which only --media-dir can resolve)

Usage: newsdesk import newsdesk FILE [--dry-run]

Restores a Newsdesk export (newsdesk export FILE) into an empty database: every article with its
revisions, every section, tag, person, picture (with its files, into NEWSDESK_MEDIA_DIR), redirect and
setting, with the same ids, so every address stays what it was. One transaction: a damaged or cut-short
file changes nothing. It moves a site from SQLite to PostgreSQL, too.

Usage: newsdesk import feed URL-or-FILE [--section SLUG] [--dry-run]
       newsdesk import feed URL --every MINUTES [--section SLUG]

Imports the entries of an RSS, Atom or JSON feed (wire or partner copy) as drafts, in the section SLUG when
given, for an editor to review. Each entry comes once: running it again adds only new entries. A URL is
fetched from public addresses only. With --every, the running servers' outbox worker polls the URL from now
on, every MINUTES (5 to 10080), each new entry becoming a draft once; the newsroom's Export and import page
lists the polled feeds, what each last brought, and stops them.
`,
  options: { 'dry-run': { type: 'boolean' }, 'media-dir': { type: 'string' }, 'fetch-media': { type: 'boolean' }, section: { type: 'string' }, every: { type: 'string' } },
  positionals: ['wordpress', 'ghost', 'feed', 'newsdesk'],
  freeArguments: 1,
  async run({ config, values, io, positionals, services }) {
    const [kind, file] = positionals;
    if ((kind !== 'wordpress' && kind !== 'ghost' && kind !== 'feed' && kind !== 'newsdesk') || file === undefined) {
      io.stderr.write(
        'newsdesk import: name the kind and the file: newsdesk import wordpress FILE.xml, newsdesk import ghost FILE.json, newsdesk import feed URL-or-FILE --section SLUG, or newsdesk import newsdesk EXPORT-FILE\n',
      );
      return { code: 1 };
    }
    if (kind === 'newsdesk') return restoreCommand({ config, file, dryRun: values['dry-run'] === true, io, services });
    if (kind === 'feed' && values.every !== undefined) return subscribeCommand({ config, url: file, section: values.section, every: values.every, io });
    if (kind === 'feed') return importFeedCommand({ config, file, section: values.section, dryRun: values['dry-run'] === true, io, services });
    const mediaDir = values['media-dir'];
    if (typeof mediaDir === 'string' && values['fetch-media'] === true) {
      io.stderr.write('newsdesk import: choose one of --media-dir and --fetch-media.\n');
      return { code: 1 };
    }
    if (typeof mediaDir === 'string' && !statSync(mediaDir, { throwIfNoEntry: false })?.isDirectory()) {
      io.stderr.write(`newsdesk import: --media-dir ${mediaDir} is not a folder. Name the copy of the old site's ${kind === 'ghost' ? 'content/images' : 'wp-content/uploads'}.\n`);
      return { code: 1 };
    }
    if (kind === 'ghost') {
      return runImport(config, io, file, async (store) =>
        describeImport(await services.importGhost({ store, config, file, dryRun: values['dry-run'] === true, ...(typeof mediaDir === 'string' ? { mediaDir } : {}), fetchMedia: values['fetch-media'] === true })),
      );
    }
    return runImport(config, io, file, async (store) => {
      const report = await withProgress(io, 'items', (onProgress) =>
        services.importWordpress({
          store,
          config,
          file,
          dryRun: values['dry-run'] === true,
          ...(typeof mediaDir === 'string' ? { mediaDir } : {}),
          fetchMedia: values['fetch-media'] === true,
          onProgress,
        }),
      );
      return describeImport(report);
    });
  },
};

export const commands: Record<string, Command> = {
  import: importCommand,
  export: exportCommand,
  serve,
  migrate,
  'seed-demo': seedDemoCommand,
  demo,
  'api-key': apiKey,
  'bench-data': benchData,
  user,
  media,
};
