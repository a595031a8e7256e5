import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { inReadSnapshot } from './read-snapshot.js';
import { isMediaFileName } from '../../core/images/media-library.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import { migrations } from '../migrations/migrations.js';
import type { Database } from '../schema.js';
import { ARCHIVE_FORMAT, ARCHIVE_TABLES, ARCHIVE_VERSION, pictureFiles, SECRET_SETTINGS, type ArchiveTable, type ColumnKind } from './archive-tables.js';

/** Rows read per statement. */
const BATCH = 500;

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  /** The newest migration of the database it came from. */
  schema: string;
  exportedAt: string;
  site: { url: string; name: string };
  /** Whether password hashes, two-step secrets, API key hashes and the cookie key are in it. */
  secrets: boolean;
  /** Rows per table, as written below. */
  rows: Record<string, number>;
}

export interface ArchiveSummary {
  rows: Record<string, number>;
  files: number;
  /** Picture files a row names that were not in the media folder (the picture was already broken). */
  missingFiles: string[];
}

/**
 * Writes the whole site as lines of JSON (docs/export-format.md), read from one consistent snapshot: a header,
 * every row of every exported table, each picture's files after its row, and an end record with the counts.
 * Runs on a connection of its own: on SQLite a snapshot held by a server's one connection would stop its pages.
 */
export async function writeSiteArchive(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  input: {
    mediaDir: string;
    includeSecrets: boolean;
    site: { url: string; name: string };
    now: Date;
    write: (line: string) => Promise<void>;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ArchiveSummary> {
  const tables = ARCHIVE_TABLES.filter((table) => input.includeSecrets || !table.secret);
  return inReadSnapshot(db, adapter, async (conn) => {
    const rows: Record<string, number> = {};
    for (const table of tables) rows[table.name] = await countRows(conn, table, input.includeSecrets);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    const header: ArchiveHeader = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      schema: Object.keys(migrations(adapter)).sort().at(-1)!,
      exportedAt: input.now.toISOString(),
      site: input.site,
      secrets: input.includeSecrets,
      rows,
    };
    await input.write(JSON.stringify(header));
    const summary: ArchiveSummary = { rows: {}, files: 0, missingFiles: [] };
    let done = 0;
    for (const table of tables) {
      summary.rows[table.name] = 0;
      for await (const batch of walk(conn, table)) {
        for (const raw of batch) {
          const row = exportedRow(table, raw, input);
          if (!row) continue;
          await input.write(JSON.stringify({ table: table.name, row }));
          summary.rows[table.name]!++;
          if (table.name === 'media') await writePictureFiles(row, input, summary);
        }
        done += batch.length;
        input.onProgress?.(Math.min(done, total), total);
      }
    }
    await input.write(JSON.stringify({ end: true, rows: summary.rows, files: summary.files }));
    return summary;
  });
}

async function countRows(db: Kysely<Database>, table: ArchiveTable, includeSecrets: boolean): Promise<number> {
  let query = db.selectFrom(table.name as 'settings').select((eb) => eb.fn.countAll<number>().as('n'));
  if (table.name === 'settings' && !includeSecrets) query = query.where('name', 'not in', SECRET_SETTINGS);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The table's rows in key order, a batch at a time, each batch found from the last key of the one before. */
async function* walk(db: Kysely<Database>, table: ArchiveTable): AsyncGenerator<Array<Record<string, unknown>>> {
  let after: unknown[] | undefined;
  for (;;) {
    let query = db.selectFrom(table.name as 'settings').select(Object.keys(table.columns) as never[]);
    if (after) query = query.where(sql<boolean>`(${sql.join(table.key.map((column) => sql.ref(column)))}) > (${sql.join(after)})`);
    for (const column of table.key) query = query.orderBy(column as never);
    const rows = (await query.limit(BATCH).execute()) as Array<Record<string, unknown>>;
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = table.key.map((column) => last[column]);
    if (rows.length < BATCH) return;
  }
}

/** A row as the archive holds it: instants as ISO text, secrets withheld unless asked for (then null). */
function exportedRow(
  table: ArchiveTable,
  raw: Record<string, unknown>,
  input: { includeSecrets: boolean; now: Date },
): Record<string, unknown> | undefined {
  if (table.name === 'settings' && !input.includeSecrets && SECRET_SETTINGS.includes(String(raw.name))) return undefined;
  const row: Record<string, unknown> = {};
  for (const [column, kind] of Object.entries(table.columns) as Array<[string, ColumnKind]>) row[column] = exportedValue(raw[column], kind);
  if (!input.includeSecrets) {
    for (const column of table.secretColumns ?? []) row[column] = null;
    // A key's row stays (revisions and the audit log name it) but it cannot be used on the new site: its
    // hash is replaced by text no token hashes to, and it is revoked.
    if (table.name === 'api_keys') {
      row.token_hash = `withheld-${String(row.id)}`;
      row.revoked_at ??= input.now.toISOString();
    }
  }
  return row;
}

function exportedValue(value: unknown, kind: ColumnKind): unknown {
  if (value === null || value === undefined) return null;
  if (kind.startsWith('time')) return value instanceof Date ? value.toISOString() : String(value);
  if (kind.startsWith('int') || kind.startsWith('num')) return Number(value);
  return String(value);
}

async function writePictureFiles(
  row: Record<string, unknown>,
  input: { mediaDir: string; write: (line: string) => Promise<void> },
  summary: ArchiveSummary,
): Promise<void> {
  for (const name of pictureFiles(row)) {
    if (!isMediaFileName(name)) continue;
    const data = await readFile(join(input.mediaDir, name)).catch(() => undefined);
    if (!data) {
      summary.missingFiles.push(name);
      continue;
    }
    await input.write(JSON.stringify({ file: name, data: data.toString('base64') }));
    summary.files++;
  }
}
