import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Config } from '../config/config.js';
import { ImportError } from '../core/imports/import-error.js';
import { createStore, type StoreHandle } from '../storage/create-store.js';
import { restoreSiteArchive, type RestoreReport } from '../storage/site-archive/restore-site-archive.js';
import { writeSiteArchive, type ArchiveSummary } from '../storage/site-archive/write-site-archive.js';
import { writeWxr, type WxrSummary } from '../storage/site-archive/write-wxr.js';
import { createBus } from './invalidation.js';

/**
 * Writes the export to `out` (gzip-compressed when `gzip`), on a database connection of its own so the
 * process's other queries go on while it runs.
 */
export async function streamSiteArchive(input: {
  config: Config;
  out: Writable;
  gzip: boolean;
  includeSecrets: boolean;
  onProgress?: (done: number, total: number) => void;
}): Promise<ArchiveSummary> {
  const store = await createStore(input.config.database);
  const target = input.gzip ? createGzip() : input.out;
  if (input.gzip) target.pipe(input.out);
  let failure: unknown;
  const onError = (error: unknown) => (failure ??= error);
  target.on('error', onError);
  input.out.on('error', onError);
  try {
    const summary = await writeSiteArchive(store.db, store.adapter, {
      mediaDir: input.config.mediaDir,
      includeSecrets: input.includeSecrets,
      site: { url: input.config.siteUrl, name: input.config.siteName },
      now: new Date(),
      onProgress: input.onProgress,
      write: async (line) => {
        if (failure) throw failure;
        if (!target.write(`${line}\n`)) await drained(target);
      },
    });
    target.end();
    if (!input.out.writableFinished) await once(input.out, 'finish');
    if (failure) throw failure;
    return summary;
  } finally {
    await store.close();
  }
}

/** Waits until `stream` wants more, or has failed or closed (the failure is reported by its 'error' listener). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}

/** `newsdesk export FILE`: written beside FILE and renamed at the end, so FILE is never half an export. */
export async function exportSiteToFile(input: {
  config: Config;
  file: string;
  includeSecrets: boolean;
  onProgress?: (done: number, total: number) => void;
}): Promise<ArchiveSummary> {
  const partial = `${input.file}.partial`;
  try {
    const summary = await streamSiteArchive({ ...input, out: createWriteStream(partial, { flags: 'w' }), gzip: input.file.endsWith('.gz') });
    await rename(partial, input.file);
    return summary;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** `newsdesk export FILE --format wxr`: a WordPress export of the site, written beside FILE and renamed when complete. */
export async function exportWxrToFile(input: { config: Config; file: string }): Promise<WxrSummary> {
  const partial = `${input.file}.partial`;
  const store = await createStore(input.config.database);
  const out = createWriteStream(partial, { flags: 'w' });
  let failure: unknown;
  out.on('error', (error) => (failure ??= error));
  try {
    const summary = await writeWxr(store.db, store.adapter, {
      site: { url: input.config.siteUrl, name: input.config.siteName, description: input.config.siteDescription, language: input.config.locale },
      now: new Date(),
      write: async (chunk) => {
        if (failure) throw failure;
        if (!out.write(chunk)) await drained(out);
      },
    });
    out.end();
    if (!out.writableFinished) await once(out, 'finish');
    if (failure) throw failure;
    await rename(partial, input.file);
    return summary;
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await store.close();
  }
}

/** The lines of an export file, gzip-compressed or not (told by its first bytes, not its name). */
async function* archiveLines(file: string): AsyncGenerator<string> {
  let gzip: boolean;
  try {
    const handle = await open(file, 'r');
    try {
      const head = Buffer.alloc(2);
      await handle.read(head, 0, 2, 0);
      gzip = head[0] === 0x1f && head[1] === 0x8b;
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new ImportError(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, 'UNREADABLE');
  }
  const raw = createReadStream(file);
  const input: Readable = gzip ? raw.pipe(createGunzip()) : raw;
  let streamError: Error | undefined;
  raw.on('error', (error) => (streamError ??= error));
  input.on('error', (error) => (streamError ??= error));
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (error) {
    streamError ??= error as Error;
  } finally {
    lines.close();
    raw.destroy();
  }
  if (streamError) throw new ImportError(`The file cannot be read to its end (${streamError.message}); it is damaged or incomplete.`, 'NOT_NEWSDESK');
}

/** `newsdesk import newsdesk FILE`: restores an export into an empty database and tells running servers. */
export async function restoreSiteFromFile(input: {
  store: StoreHandle;
  config: Config;
  file: string;
  dryRun: boolean;
  /** When the restore happens (tests run on a clock of their own). */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}): Promise<RestoreReport> {
  const report = await restoreSiteArchive(input.store.db, input.store.adapter, {
    lines: archiveLines(input.file),
    mediaDir: input.config.mediaDir,
    dryRun: input.dryRun,
    now: input.now ?? new Date(),
    onProgress: input.onProgress,
  });
  if (!input.dryRun && input.config.database.kind === 'postgres') {
    const bus = await createBus(input.config, { onMissed: () => undefined });
    try {
      await bus.publish(report.cacheKeys);
    } finally {
      await bus.close();
    }
  }
  return report;
}
