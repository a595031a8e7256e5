import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMediaFileName } from './process-image.js';

/**
 * Files younger than this are never pruned: an upload writes its files before its row exists, and must
 * not lose them to a prune that runs in between.
 */
export const PRUNE_GRACE_MS = 60 * 60 * 1000;

export interface PruneResult {
  /** Files deleted (or, in a dry run, that would be). */
  orphans: string[];
  /** Orphans left alone because they are younger than the grace period. */
  young: number;
}

/**
 * Deletes the files in the media folder that no picture's row names. Only names the media module makes
 * are considered (anything else in the folder is not ours and stays); a referenced file is never touched.
 * `referenced` must be read after the folder is listed, so a picture stored meanwhile is seen.
 */
export async function pruneMediaFiles(input: {
  dir: string;
  referenced: () => Promise<ReadonlySet<string>>;
  now: Date;
  dryRun?: boolean;
  graceMs?: number;
}): Promise<PruneResult> {
  const names = (await readdir(input.dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  })).filter(isMediaFileName);
  const referenced = await input.referenced();
  const grace = input.graceMs ?? PRUNE_GRACE_MS;
  const orphans: string[] = [];
  let young = 0;
  for (const name of names.sort()) {
    if (referenced.has(name)) continue;
    const info = await stat(join(input.dir, name)).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (input.now.getTime() - info.mtimeMs < grace) {
      young++;
      continue;
    }
    orphans.push(name);
  }
  if (!input.dryRun) await Promise.all(orphans.map((name) => rm(join(input.dir, name), { force: true })));
  return { orphans, young };
}
