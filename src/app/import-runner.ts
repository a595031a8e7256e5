import { ImportError } from '../core/imports/import-error.js';
import type { FeedImportReport, ImportReport } from '../core/imports/import-report.js';
import { IMPORT_MAX_ATTEMPTS, IMPORT_STALE_MS, type ImportRun, type ImportRunStore } from '../core/imports/import-runs.js';
import type { Clock } from '../core/ports.js';

export interface ImportRunner {
  /** Looks for a queued run now (the newsroom just queued one) instead of at the next tick. */
  poke(): void;
  /** Runs queued runs until none is left (tests; the timer does it otherwise). */
  drain(): Promise<void>;
  /** Stops taking runs; a run in progress is interrupted between two items and queued again for any process. */
  stop(): Promise<void>;
}

/** Progress reaches the database at most this often (each write is also the run's heartbeat). */
const PROGRESS_EVERY_MS = 1000;
/** A heartbeat even when no item finishes (a long picture download, a big post). */
const HEARTBEAT_EVERY_MS = 10_000;

class Interrupted extends Error {}

/**
 * Takes the imports the newsroom queued, one at a time per process, and runs them, writing progress as it
 * goes. A run whose process died (no heartbeat for a minute) is taken over by another process; the importers
 * skip what an earlier attempt made, so it ends as if it had never stopped.
 */
export function startImportRunner(input: {
  runs: ImportRunStore;
  clock: Clock;
  execute: (run: ImportRun, onProgress: (done: number, total: number) => void) => Promise<ImportReport | FeedImportReport>;
  /** Deletes the uploaded file once its run has ended, done or failed. */
  discard: (run: ImportRun) => Promise<void>;
  /** How often to look for queued runs; 0: only on poke() and drain(). */
  intervalMs: number;
  onError?: (error: unknown, run: ImportRun) => void;
}): ImportRunner {
  const { runs, clock } = input;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function runOne(run: ImportRun): Promise<void> {
    if (run.attempts > IMPORT_MAX_ATTEMPTS) {
      await runs.finish(run.id, {
        status: 'failed',
        error: `The import stopped ${IMPORT_MAX_ATTEMPTS} times without finishing (the server process running it ended). Run it from the command line (newsdesk import ${run.kind} FILE) to see why; what it imported stays.`,
        at: clock.now(),
      });
      await input.discard(run).catch(() => undefined);
      return;
    }
    let progress = { done: run.done, total: run.total };
    let written = 0;
    const beat = () => runs.heartbeat(run.id, { ...progress, at: clock.now() }).catch(() => undefined);
    const timer = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
    timer.unref();
    try {
      const report = await input.execute(run, (done, total) => {
        if (stopped) throw new Interrupted('the server is stopping');
        progress = { done, total };
        if (Date.now() - written >= PROGRESS_EVERY_MS) {
          written = Date.now();
          void beat();
        }
      });
      await runs.heartbeat(run.id, { done: progress.total, total: progress.total, at: clock.now() });
      await runs.finish(run.id, { status: 'done', report, at: clock.now() });
      await input.discard(run).catch(() => undefined);
    } catch (error) {
      if (error instanceof Interrupted) {
        // Back in the queue with an old heartbeat: the next process to look takes it at once.
        await runs.heartbeat(run.id, { ...progress, at: new Date(0) });
        return;
      }
      input.onError?.(error, run);
      const message =
        error instanceof ImportError
          ? `${error.message} Nothing was imported.`
          : `The import stopped: ${(error as Error).message}. Start it again: it continues where it stopped.`;
      await runs.finish(run.id, { status: 'failed', error: message, at: clock.now() });
      await input.discard(run).catch(() => undefined);
    } finally {
      clearInterval(timer);
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      const now = clock.now();
      const run = await runs.claim({ now, staleBefore: new Date(now.getTime() - IMPORT_STALE_MS) });
      if (!run) return;
      await runOne(run);
    }
  }

  const drain = (): Promise<void> => {
    running ??= loop().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = input.intervalMs > 0 ? setInterval(() => void drain().catch(() => undefined), input.intervalMs) : undefined;
  timer?.unref();

  return {
    poke() {
      if (input.intervalMs > 0) void drain().catch(() => undefined);
    },
    drain,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
