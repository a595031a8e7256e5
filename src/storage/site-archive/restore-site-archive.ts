import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { ImportError } from '../../core/imports/import-error.js';
import { isMediaFileName } from '../../core/images/media-library.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import { migrations } from '../migrations/migrations.js';
import type { Database } from '../schema.js';
import { reindexAll } from '../sql/search-index.js';
import { createOutboxStore } from '../sql/outbox-store.js';
import { INVALIDATE_JOB } from '../../core/articles/update-article.js';
import { FEED_POLL_JOB } from '../../core/imports/feed-subscriptions.js';
import { cacheKey } from '../../core/publishing/cache-keys.js';
import { ARCHIVE_FORMAT, ARCHIVE_TABLES, ARCHIVE_VERSION, pictureFiles, type ArchiveTable, type ColumnKind } from './archive-tables.js';
import type { ArchiveHeader } from './write-site-archive.js';

/** Rows per insert statement: well under either database's limit on parameters. */
const INSERT_ROWS = 100;
/** Tables that must be empty before a restore (a site's content, people and keys). */
const MUST_BE_EMPTY = ['users', 'articles', 'pages', 'categories', 'tags', 'media', 'redirects', 'api_keys'] as const;

export interface RestoreReport {
  dryRun: boolean;
  exportedAt: string;
  site: { url: string; name: string };
  secrets: boolean;
  rows: Record<string, number>;
  files: number;
  /** What a running server's caches must drop: the empty site's listings, navigation and sitemaps. */
  cacheKeys: string[];
}

/** Thrown inside the transaction of a dry run, after everything was checked, to roll it back. */
class DryRunDone extends Error {}

/**
 * Restores a Newsdesk export (docs/export-format.md) into an empty database, keeping every id, so every
 * address, picture and link is what it was. All in one transaction: a file that is damaged, cut short or
 * from a newer Newsdesk leaves the database as it was (and the picture files this run wrote are removed).
 * A dry run does all of it, checks included, and rolls back, writing no files.
 */
export async function restoreSiteArchive(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  input: { lines: AsyncIterable<string>; mediaDir: string; dryRun: boolean; now: Date; onProgress?: (done: number, total: number) => void },
): Promise<RestoreReport> {
  const writtenFiles: string[] = [];
  let report: RestoreReport | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      await assertEmpty(trx);
      report = await readArchive(trx, adapter, input, writtenFiles);
      if (input.dryRun) throw new DryRunDone();
    });
  } catch (error) {
    await Promise.all(writtenFiles.map((name) => rm(join(input.mediaDir, name), { force: true })));
    if (!(error instanceof DryRunDone)) throw error;
  }
  return report!;
}

async function assertEmpty(db: Kysely<Database>): Promise<void> {
  for (const table of MUST_BE_EMPTY) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) {
      throw new ImportError(
        `This database already has ${table === 'users' ? 'people' : table.replace('_', ' ')} in it. A Newsdesk export is restored into an empty database, so ` +
          'that nothing is mixed or overwritten: point DATABASE_URL at a new database (a new SQLite file, or an empty PostgreSQL database) and run the import again.',
        'NOT_EMPTY',
      );
    }
  }
}

async function readArchive(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  input: { lines: AsyncIterable<string>; mediaDir: string; dryRun: boolean; now: Date; onProgress?: (done: number, total: number) => void },
  writtenFiles: string[],
): Promise<RestoreReport> {
  let lineNo = 0;
  let header: ArchiveHeader | undefined;
  let ended = false;
  let tableIndex = -1;
  const tables = new Map(ARCHIVE_TABLES.map((table, index) => [table.name, { table, index }]));
  const counts: Record<string, number> = {};
  const pending: Array<Record<string, unknown>> = [];
  const selfReferences: Array<{ table: ArchiveTable; id: unknown; values: Record<string, unknown> }> = [];
  const expectedFiles = new Set<string>();
  let files = 0;
  let total = 0;
  let done = 0;
  const cacheKeys = new Set<string>([cacheKey.listAll, cacheKey.nav, cacheKey.search, cacheKey.sitemapIndex, cacheKey.sitemapTaxonomy, cacheKey.pages]);
  if (!input.dryRun) await mkdir(input.mediaDir, { recursive: true });

  const fail = (message: string): never => {
    throw new ImportError(`Line ${lineNo}: ${message}`, 'NOT_NEWSDESK');
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const table = ARCHIVE_TABLES[tableIndex]!;
    try {
      if (table.name === 'settings') {
        // A new database may already hold a setting a server made at start (the cookie key): the export's wins.
        for (const row of pending) {
          await db.insertInto('settings').values(row as never).onConflict((oc) => oc.column('name').doUpdateSet({ value: row.value as string })).execute();
        }
      } else {
        await db.insertInto(table.name as 'tags').values(pending as never).execute();
      }
    } catch (error) {
      fail(`the ${table.name} rows before this line do not fit the database (${(error as Error).message}); the file is damaged or was edited.`);
    }
    done += pending.length;
    input.onProgress?.(Math.min(done, total), total);
    pending.length = 0;
  };

  for await (const line of input.lines) {
    lineNo++;
    if (line.trim() === '') continue;
    if (ended) fail('there is more after the end record; the file is damaged.');
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      if (!header) throw new ImportError('This is not a Newsdesk export (its first line is not a JSON header). Use `import wordpress` or `import ghost` for those exports.', 'NOT_NEWSDESK');
      return fail('this line is not JSON; the file is damaged.');
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) fail('each line must be a JSON object.');
    if (!header) {
      header = checkHeader(record, adapter);
      total = Object.values(header.rows).reduce((a, b) => a + b, 0);
      continue;
    }
    if (typeof record.table === 'string') {
      const entry = tables.get(record.table) ?? fail(`unknown table "${record.table}".`);
      if (entry.index < tableIndex) fail(`the ${record.table} rows come after those of a later table; the file is damaged.`);
      if (entry.table.secret && !header.secrets) fail(`${record.table} rows in an export made without secrets.`);
      if (entry.index !== tableIndex) {
        await flush();
        tableIndex = entry.index;
      }
      const row = checkRow(entry.table, record.row, fail);
      counts[entry.table.name] = (counts[entry.table.name] ?? 0) + 1;
      noteRow(entry.table, row, { selfReferences, expectedFiles, cacheKeys });
      pending.push(row);
      if (pending.length >= INSERT_ROWS) await flush();
      continue;
    }
    if (typeof record.file === 'string') {
      const name = record.file;
      if (!isMediaFileName(name) || !expectedFiles.has(name)) fail(`the file "${name.slice(0, 80)}" belongs to no picture of the export.`);
      if (typeof record.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(record.data)) fail(`the data of ${name} is not base64.`);
      expectedFiles.delete(name);
      files++;
      if (!input.dryRun) await placeFile(input.mediaDir, name, Buffer.from(record.data as string, 'base64'), writtenFiles, fail);
      continue;
    }
    if (record.end === true) {
      await flush();
      const declared = record.rows as Record<string, unknown> | undefined;
      for (const table of ARCHIVE_TABLES) {
        if ((declared?.[table.name] ?? 0) !== (counts[table.name] ?? 0)) {
          fail(`the end record counts ${String(declared?.[table.name] ?? 0)} ${table.name} rows, the file holds ${counts[table.name] ?? 0}; the file is damaged.`);
        }
      }
      if (record.files !== files) fail(`the end record counts ${String(record.files)} picture files, the file holds ${files}; the file is damaged.`);
      ended = true;
      continue;
    }
    fail('a line that is neither a row, a file nor the end record.');
  }
  if (!header) throw new ImportError('The file is empty.', 'NOT_NEWSDESK');
  if (!ended) throw new ImportError(`The file stops after line ${lineNo} without its end record: it is incomplete (cut off while it was written or copied).`, 'NOT_NEWSDESK');

  for (const { table, id, values } of selfReferences) {
    try {
      await db.updateTable(table.name as 'categories').set(values as never).where('id', '=', id as number).execute();
    } catch (error) {
      throw new ImportError(`A ${table.name} row names a parent that is not in the file (${(error as Error).message}); the file is damaged.`, 'NOT_NEWSDESK');
    }
  }
  if (adapter.name === 'postgres') {
    // Explicit ids leave PostgreSQL's identities where they were: move each past the largest id restored.
    for (const table of ARCHIVE_TABLES.filter((t) => t.autoId)) {
      await sql`select setval(pg_get_serial_sequence(${table.name}, 'id'), (select coalesce(max(id), 0) + 1 from ${sql.table(table.name)}), false)`.execute(db);
    }
  }
  await reindexAll(db, adapter);
  // Servers already running on this database showed an empty site: their caches drop it when a worker runs
  // this job (and at once on PostgreSQL, where the caller also publishes the keys).
  const outbox = createOutboxStore(db, adapter);
  await outbox.enqueue({ kind: INVALIDATE_JOB, payload: { keys: [...cacheKeys] }, availableAt: input.now });
  // Polled feeds start polling here (their queued polls were the old site's, and jobs are not exported).
  for (const feed of await db.selectFrom('feed_subscriptions').select(['id', 'generation']).where('active', '=', 1).execute()) {
    await outbox.enqueue({ kind: FEED_POLL_JOB, payload: { subscriptionId: feed.id, generation: feed.generation }, availableAt: input.now });
  }
  return { dryRun: input.dryRun, exportedAt: header.exportedAt, site: header.site, secrets: header.secrets, rows: counts, files, cacheKeys: [...cacheKeys] };
}

function checkHeader(record: Record<string, unknown>, adapter: DialectAdapter): ArchiveHeader {
  if (record.format !== ARCHIVE_FORMAT) {
    throw new ImportError('This is not a Newsdesk export (its header does not say "newsdesk-export"). Use `import wordpress` or `import ghost` for those exports.', 'NOT_NEWSDESK');
  }
  if (record.version !== ARCHIVE_VERSION) {
    throw new ImportError(`This export is in format version ${String(record.version)}; this Newsdesk reads version ${ARCHIVE_VERSION}. Update Newsdesk to the version that made it, or newer.`, 'NOT_NEWSDESK');
  }
  const newest = Object.keys(migrations(adapter)).sort().at(-1)!;
  if (typeof record.schema !== 'string' || record.schema > newest) {
    throw new ImportError(`This export comes from a newer Newsdesk (database ${String(record.schema)}, this one is at ${newest}). Update Newsdesk first.`, 'NOT_NEWSDESK');
  }
  const rows = record.rows;
  if (typeof rows !== 'object' || rows === null || Object.values(rows).some((n) => !Number.isInteger(n))) {
    throw new ImportError('The export header has no row counts; the file is damaged.', 'NOT_NEWSDESK');
  }
  const site = (record.site ?? {}) as { url?: unknown; name?: unknown };
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    schema: record.schema,
    exportedAt: String(record.exportedAt ?? ''),
    site: { url: String(site.url ?? ''), name: String(site.name ?? '') },
    secrets: record.secrets === true,
    rows: rows as Record<string, number>,
  };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** The row with exactly the table's columns, each of its kind; anything else is a damaged or foreign file. */
function checkRow(table: ArchiveTable, value: unknown, fail: (message: string) => never): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(`a ${table.name} row that is not an object.`);
  const row = value as Record<string, unknown>;
  for (const column of Object.keys(row)) {
    if (!(column in table.columns)) fail(`${table.name} has no column "${column.slice(0, 60)}" here; the export comes from a newer Newsdesk or was edited.`);
  }
  const checked: Record<string, unknown> = {};
  for (const [column, kind] of Object.entries(table.columns) as Array<[string, ColumnKind]>) {
    const cell = row[column];
    const nullable = kind.endsWith('?');
    if (cell === null || cell === undefined) {
      if (!nullable) fail(`${table.name}.${column} is missing.`);
      checked[column] = null;
      continue;
    }
    const ok = kind.startsWith('int')
      ? Number.isSafeInteger(cell)
      : kind.startsWith('num')
        ? typeof cell === 'number' && Number.isFinite(cell)
        : kind.startsWith('time')
          ? typeof cell === 'string' && ISO_INSTANT.test(cell) && !Number.isNaN(Date.parse(cell))
          : typeof cell === 'string';
    if (!ok) fail(`${table.name}.${column} should be ${describeKind(kind)}, not ${JSON.stringify(cell).slice(0, 60)}.`);
    checked[column] = cell;
  }
  return checked;
}

function describeKind(kind: ColumnKind): string {
  if (kind.startsWith('int')) return 'a whole number';
  if (kind.startsWith('num')) return 'a number';
  if (kind.startsWith('time')) return 'an ISO 8601 time';
  return 'text';
}

/** What a row brings besides itself: references written at the end, picture files to expect, cache keys. */
function noteRow(
  table: ArchiveTable,
  row: Record<string, unknown>,
  into: { selfReferences: Array<{ table: ArchiveTable; id: unknown; values: Record<string, unknown> }>; expectedFiles: Set<string>; cacheKeys: Set<string> },
): void {
  const later: Record<string, unknown> = {};
  for (const column of table.selfReferences ?? []) {
    if (row[column] !== null) {
      later[column] = row[column];
      row[column] = null;
    }
  }
  if (Object.keys(later).length > 0) into.selfReferences.push({ table, id: row.id, values: later });
  if (table.name === 'media') {
    let names: string[];
    try {
      names = pictureFiles(row);
    } catch {
      throw new ImportError(`Picture ${String(row.id)} has variants or crops that are not JSON; the file is damaged.`, 'NOT_NEWSDESK');
    }
    for (const name of names) into.expectedFiles.add(name);
  }
  const id = Number(row.id);
  if (table.name === 'categories') into.cacheKeys.add(cacheKey.listCategory(id));
  if (table.name === 'tags') into.cacheKeys.add(cacheKey.listTag(id));
  if (table.name === 'users') into.cacheKeys.add(cacheKey.listAuthor(id));
  if (table.name === 'pages') into.cacheKeys.add(cacheKey.page(id));
  if (table.name === 'articles' && typeof row.published_at === 'string') into.cacheKeys.add(cacheKey.sitemapMonth(row.published_at.slice(0, 7)));
}

/** Writes a picture file; one already there with the same bytes is kept (a restore run again after a failure). */
async function placeFile(dir: string, name: string, data: Buffer, written: string[], fail: (message: string) => never): Promise<void> {
  const path = join(dir, name);
  try {
    await writeFile(path, data, { flag: 'wx' });
    written.push(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const existing = await readFile(path);
    if (!existing.equals(data)) fail(`the media folder already has a different ${name}; restore into an empty media folder.`);
  }
}
