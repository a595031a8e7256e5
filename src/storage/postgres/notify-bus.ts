import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** PostgreSQL NOTIFY payloads must stay under 8000 bytes; batches are split well below that. */
const MAX_PAYLOAD_CHARS = 7000;
/** Keys waiting for the database to come back; past this, "drop everything" is sent instead. */
const MAX_PENDING_KEYS = 10_000;

/** Waits between attempts to reopen the LISTEN connection or resend notices: doubling from the first to the last. */
export interface Backoff {
  firstMs: number;
  maxMs: number;
}
const DEFAULT_BACKOFF: Backoff = { firstMs: 100, maxMs: 5000 };

/** What travels on the channel: changed keys, or (after notices were lost) everything. */
type Notice = { from: string; keys: string[] } | { from: string; everything: true };

/**
 * Invalidation over LISTEN/NOTIFY: every process on the same database (and schema) hears every batch within
 * milliseconds. A process applies its own batches at once and ignores their echo.
 *
 * Connections end (a server restart, a fail-over, pg_terminate_backend). The LISTEN connection is then
 * reopened with backoff, and because notices sent meanwhile are lost, `onMissed` tells this process to
 * forget everything it cached. Notices this process could not send are kept and resent when the database
 * answers again, so a write acknowledged here still reaches the others.
 */
export async function createNotifyBus(input: {
  connectionString: string;
  channel: string;
  deliver: (keys: readonly string[]) => void;
  /** Notices may have been missed: drop every cached page. */
  onMissed: () => void;
  backoff?: Backoff;
}): Promise<{ forward(keys: readonly string[]): Promise<void>; close(): Promise<void> }> {
  // Loaded here, not at import: a process on SQLite never loads pg (ADR 0011).
  const { default: pgModule } = await import('pg');
  const origin = randomUUID();
  const backoff = input.backoff ?? DEFAULT_BACKOFF;
  const sender = new pgModule.Pool({ connectionString: input.connectionString, max: 2, connectionTimeoutMillis: 5000 });
  sender.on('error', () => undefined);
  sender.on('connect', (client) => client.on('error', () => undefined));
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function hear(message: pg.Notification): void {
    if (!message.payload) return;
    let notice: Notice;
    try {
      notice = JSON.parse(message.payload) as Notice;
    } catch {
      return; // Not one of ours.
    }
    if (notice.from === origin) return;
    if ('everything' in notice) input.onMissed();
    else if (Array.isArray(notice.keys)) input.deliver(notice.keys);
  }

  /** A listening connection, and a promise that settles when it is gone. */
  async function openListener(): Promise<{ client: pg.Client; gone: Promise<void> }> {
    const client = new pgModule.Client({ connectionString: input.connectionString, keepAlive: true });
    const gone = new Promise<void>((resolve) => {
      client.on('error', () => resolve());
      client.once('end', () => resolve());
    });
    client.on('notification', hear);
    try {
      await client.connect();
      await client.query(`listen "${input.channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return { client, gone };
  }

  let listener = await openListener();

  async function keepListening(): Promise<void> {
    for (;;) {
      await listener.gone;
      await listener.client.end().catch(() => undefined);
      if (closed) return;
      let wait = backoff.firstMs;
      for (;;) {
        await sleep(wait);
        if (closed) return;
        try {
          listener = await openListener();
          break;
        } catch {
          wait = Math.min(wait * 2, backoff.maxMs);
        }
      }
      if (closed) {
        await listener.client.end().catch(() => undefined);
        return;
      }
      input.onMissed();
    }
  }
  void keepListening();

  const pending = new Set<string>();
  let everything = false;
  let sending: Promise<void> | undefined;
  let resendScheduled = false;
  let resendWait = backoff.firstMs;

  function payloads(keys: readonly string[]): string[] {
    const out: string[] = [];
    let batch: string[] = [];
    let size = 0;
    for (const key of keys) {
      if (size + key.length + 4 > MAX_PAYLOAD_CHARS && batch.length > 0) {
        out.push(JSON.stringify({ from: origin, keys: batch } satisfies Notice));
        batch = [];
        size = 0;
      }
      batch.push(key);
      size += key.length + 4;
    }
    if (batch.length > 0) out.push(JSON.stringify({ from: origin, keys: batch } satisfies Notice));
    return out;
  }

  /** Sends whatever is pending; on failure keeps it and tries again later. Never throws. */
  async function sendPending(): Promise<void> {
    while (!closed && (everything || pending.size > 0)) {
      const keys = [...pending];
      const all = everything;
      pending.clear();
      everything = false;
      try {
        const messages = all ? [JSON.stringify({ from: origin, everything: true } satisfies Notice)] : payloads(keys);
        for (const message of messages) await sender.query('select pg_notify($1, $2)', [input.channel, message]);
        resendWait = backoff.firstMs;
      } catch {
        // Put them back (a batch already sent is harmless to send twice) and try again later.
        if (all) everything = true;
        for (const key of keys) pending.add(key);
        if (!resendScheduled) {
          resendScheduled = true;
          const wait = resendWait;
          resendWait = Math.min(resendWait * 2, backoff.maxMs);
          void sleep(wait).then(() => {
            resendScheduled = false;
            void send();
          });
        }
        return;
      }
    }
  }

  const send = (): Promise<void> => {
    sending ??= sendPending().finally(() => {
      sending = undefined;
      // Keys that arrived just as the last send finished would otherwise wait for the next write.
      if (!resendScheduled && !closed && (everything || pending.size > 0)) void send();
    });
    return sending;
  };

  return {
    async forward(keys) {
      if (closed) return;
      for (const key of keys) pending.add(key);
      if (pending.size > MAX_PENDING_KEYS) {
        pending.clear();
        everything = true;
      }
      // Resolves once sent, or once kept for resending: a write is never failed by its notice.
      await send();
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await listener.client.end().catch(() => undefined);
      await sender.end().catch(() => undefined);
    },
  };
}
