import type { Kysely, Selectable } from 'kysely';
import type { ImportKind, ImportRun, ImportRunStatus, ImportRunStore } from '../../core/imports/import-runs.js';
import type { Database, ImportRunsTable } from '../schema.js';
import { toDate } from './rows.js';

function toRun(row: Selectable<ImportRunsTable>): ImportRun {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    source: row.source,
    label: row.label,
    options: JSON.parse(row.options) as ImportRun['options'],
    status: row.status as ImportRunStatus,
    done: row.done,
    total: row.total,
    attempts: row.attempts,
    report: row.report === null ? null : (JSON.parse(row.report) as ImportRun['report']),
    error: row.error,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    heartbeatAt: row.heartbeat_at === null ? null : toDate(row.heartbeat_at),
    finishedAt: row.finished_at === null ? null : toDate(row.finished_at),
  };
}

export function createImportRunStore(db: Kysely<Database>): ImportRunStore {
  const byId = async (id: number) => {
    const row = await db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRun(row) : undefined;
  };
  return {
    async create(input) {
      const row = await db
        .insertInto('import_runs')
        .values({
          kind: input.kind,
          source: input.source,
          label: input.label,
          options: JSON.stringify(input.options),
          status: 'queued',
          created_by: input.createdBy,
          created_at: input.at.toISOString(),
          report: null,
          error: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRun(row);
    },
    findById: byId,
    async recent(limit) {
      return (await db.selectFrom('import_runs').selectAll().orderBy('id', 'desc').limit(limit).execute()).map(toRun);
    },
    async claim({ now, staleBefore }) {
      const stale = staleBefore.toISOString();
      const claimable = (query: ReturnType<typeof db.selectFrom<'import_runs'>>) =>
        query.where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', stale)])]));
      // A few tries: another process may take the candidate between the look and the update.
      for (let attempt = 0; attempt < 5; attempt++) {
        const candidate = await claimable(db.selectFrom('import_runs')).select('id').orderBy('id').limit(1).executeTakeFirst();
        if (!candidate) return undefined;
        const result = await db
          .updateTable('import_runs')
          .set((eb) => ({ status: 'running', heartbeat_at: now.toISOString(), attempts: eb('attempts', '+', 1) }))
          .where('id', '=', candidate.id)
          .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', stale)])]))
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) return byId(candidate.id);
      }
      return undefined;
    },
    async heartbeat(id, { done, total, at }) {
      await db.updateTable('import_runs').set({ done, total, heartbeat_at: at.toISOString() }).where('id', '=', id).where('status', '=', 'running').execute();
    },
    async finish(id, input) {
      await db
        .updateTable('import_runs')
        .set({
          status: input.status,
          report: input.report ? JSON.stringify(input.report) : null,
          error: input.error ?? null,
          finished_at: input.at.toISOString(),
        })
        .where('id', '=', id)
        .execute();
    },
  };
}
