import type { Clock, OutboxJob, OutboxStore } from '../core/ports.js';

export type JobHandler = (payload: unknown, job: OutboxJob) => Promise<void>;

export interface OutboxWorker {
  /** Claims and runs due jobs until none are left; returns how many ran successfully. */
  drain(): Promise<number>;
  /** Finishes the job running now (if any), hands back the others it claimed, and runs no more. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 3_600_000;

/**
 * Runs outbox jobs: every `intervalMs`, claims due jobs (a job is handed to one process only), runs the
 * handler for its kind, marks it done, or puts it back with exponential backoff when it throws.
 */
export function startOutboxWorker(input: {
  outbox: OutboxStore;
  clock: Clock;
  handlers: Readonly<Record<string, JobHandler>>;
  intervalMs?: number;
  batchSize?: number;
  lockMs?: number;
  onError?: (error: unknown, job: OutboxJob) => void;
}): OutboxWorker {
  const { outbox, clock, handlers } = input;
  const batchSize = input.batchSize ?? 20;
  const lockMs = input.lockMs ?? 60_000;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function runOne(job: OutboxJob): Promise<boolean> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for outbox jobs of kind "${job.kind}".`);
      await handler(job.payload, job);
      await outbox.complete(job.id, clock.now());
      return true;
    } catch (error) {
      input.onError?.(error, job);
      // 1 s after the first failure, then 2 s, 4 s, … up to an hour.
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(Math.max(job.attempts - 1, 0), 20));
      await outbox.retry(job.id, {
        error: error instanceof Error ? error.message : String(error),
        availableAt: new Date(clock.now().getTime() + delay),
      });
      return false;
    }
  }

  /** Hands back jobs claimed but not started (the worker is stopping), so any process may run them at once. */
  async function release(jobs: readonly OutboxJob[]): Promise<void> {
    for (const job of jobs) {
      await outbox.retry(job.id, { error: 'not started: the worker was stopping', availableAt: clock.now() }).catch(() => undefined);
    }
  }

  async function drainLoop(): Promise<number> {
    let done = 0;
    while (!stopped) {
      const now = clock.now();
      const jobs = await outbox.claim({ now, limit: batchSize, lockUntil: new Date(now.getTime() + lockMs) });
      if (jobs.length === 0) break;
      for (const [index, job] of jobs.entries()) {
        if (stopped) {
          await release(jobs.slice(index));
          break;
        }
        if (await runOne(job)) done++;
      }
    }
    return done;
  }

  const drain = (): Promise<number> => {
    running ??= drainLoop().finally(() => {
      running = undefined;
    });
    return running;
  };

  const timer = input.intervalMs ? setInterval(() => void drain().catch(() => undefined), input.intervalMs) : undefined;
  timer?.unref();

  return {
    drain,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
