import type { Store } from '../core/ports.js';
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
