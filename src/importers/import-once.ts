import type { Store } from '../core/ports.js';
import type { ImportReport, SkipReason } from '../core/imports/import-report.js';
import type { ImportedKind } from '../core/ports/taxonomy-stores.js';

export type Outcome = { id: number; created: true; redirects: number } | { id: number; created: false };

/**
 * Imports one thing at most once: when the import map already names its row, that row; otherwise `write`
 * runs in one transaction with the map row that records it (and the redirects from its old addresses), so
 * the thing and the record of it land together or not at all. A run racing this one for the same thing
 * makes the map row's primary key refuse the second insert: that transaction rolls back and the other's row
 * is the answer. This is what makes every import safe to run again and to finish after a crash.
 */
export async function importOnce(
  store: Store,
  key: { source: string; kind: ImportedKind; sourceId: string },
  write: (tx: Store) => Promise<{ id: number; redirects?: ReadonlyArray<readonly [string, string]> }>,
): Promise<Outcome> {
  const { source, kind, sourceId } = key;
  const known = await store.imports.find(source, kind, sourceId);
  if (known !== undefined) return { id: known, created: false };
  try {
    return await store.transaction(async (tx) => {
      const { id, redirects = [] } = await write(tx);
      await tx.imports.add(source, kind, sourceId, id);
      let added = 0;
      for (const [from, to] of redirects) {
        if (from === to) continue;
        await tx.redirects.add({ fromPath: from, toPath: to });
        added++;
      }
      return { id, created: true as const, redirects: added };
    });
  } catch (error) {
    const raced = await store.imports.find(source, kind, sourceId);
    if (raced !== undefined) return { id: raced, created: false };
    throw error;
  }
}

/**
 * An import's report with the two ways it is counted: `skip` for an item left out, `once` for `importOnce`
 * tallied in it (in a dry run nothing is written: a thing already mapped is counted, and its id returned).
 */
export function reportedImport(store: Store, input: { source: string; dryRun: boolean; items: number }) {
  const { source, dryRun } = input;
  const report: ImportReport = {
    source,
    dryRun,
    items: input.items,
    created: { articles: 0, pages: 0, authors: 0, sections: 0, tags: 0, redirects: 0, pictures: 0 },
    alreadyImported: 0,
    byStatus: { published: 0, scheduled: 0, draft: 0, in_review: 0 },
    skipped: {},
    sticky: 0,
    problems: [],
  };
  const skip = (reason: SkipReason) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);
  const once = async (kind: ImportedKind, sourceId: string, write: Parameters<typeof importOnce>[2]): Promise<number | undefined> => {
    if (dryRun) {
      const known = await store.imports.find(source, kind, sourceId);
      if (known !== undefined) report.alreadyImported++;
      return known;
    }
    const outcome = await importOnce(store, { source, kind, sourceId }, write);
    if (outcome.created) report.created.redirects += outcome.redirects;
    else report.alreadyImported++;
    return outcome.id;
  };
  return { report, skip, once };
}
