import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** PostgreSQL NOTIFY payloads must stay under 8000 bytes; batches are split well below that. */
const MAX_PAYLOAD_CHARS = 7000;

/**
 * Invalidation over LISTEN/NOTIFY: every process on the same database (and schema) hears every batch within
 * milliseconds. A process applies its own batches at once and ignores their echo.
 */
export async function createNotifyBus(input: {
  connectionString: string;
  channel: string;
  deliver: (keys: readonly string[]) => void;
}): Promise<{ forward(keys: readonly string[]): Promise<void>; close(): Promise<void> }> {
  const origin = randomUUID();
  const listener = new pg.Client({ connectionString: input.connectionString });
  const sender = new pg.Pool({ connectionString: input.connectionString, max: 2 });
  sender.on('error', () => undefined);
  let closed = false;

  async function listen(): Promise<void> {
    await listener.connect();
    listener.on('notification', (message) => {
      if (!message.payload) return;
      try {
        const { from, keys } = JSON.parse(message.payload) as { from: string; keys: string[] };
        if (from !== origin && Array.isArray(keys)) input.deliver(keys);
      } catch {
        // Not one of ours: ignore.
      }
    });
    listener.on('error', () => undefined);
    await listener.query(`listen "${input.channel}"`);
  }
  await listen();

  return {
    async forward(keys) {
      if (closed) return;
      let batch: string[] = [];
      let size = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await sender.query('select pg_notify($1, $2)', [input.channel, JSON.stringify({ from: origin, keys: batch })]);
        batch = [];
        size = 0;
      };
      for (const key of keys) {
        if (size + key.length + 4 > MAX_PAYLOAD_CHARS) await flush();
        batch.push(key);
        size += key.length + 4;
      }
      await flush();
    },
    async close() {
      closed = true;
      await listener.end().catch(() => undefined);
      await sender.end().catch(() => undefined);
    },
  };
}
