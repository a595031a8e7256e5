import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * Imports started from the newsroom (migration 0021): what to import, who asked, and how far it got. A server
 * process takes a queued run, keeps `heartbeat_at` fresh while it works, and writes its progress and report
 * here, so the newsroom's page shows it live whichever process answers. A run whose heartbeat stopped (its
 * process died) is taken over by another process; the import itself is resumable, so nothing is made twice.
 */
export function importRuns(adapter: DialectAdapter): Migration {
  const ts = adapter.timestampType;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('import_runs')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        // 'wordpress', 'ghost', 'feed'.
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        // The uploaded file's path, or the feed's address.
        .addColumn('source', 'text', (c) => c.notNull())
        // What the person named it (the upload's file name), for the list.
        .addColumn('label', 'text', (c) => c.notNull())
        // JSON: { fetchMedia?, sectionId?, dryRun? }.
        .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
        // 'queued', 'running', 'done', 'failed'.
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        // JSON of the ImportReport or FeedImportReport once done.
        .addColumn('report', 'text')
        .addColumn('error', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('heartbeat_at', ts)
        .addColumn('finished_at', ts)
        .execute();
      await db.schema.createIndex('import_runs_status_idx').on('import_runs').columns(['status', 'id']).execute();
    },
  };
}
