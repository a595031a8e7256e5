import cluster from 'node:cluster';
import { isInvalidateMessage, type InvalidateMessage } from '../cache/cluster-messages.js';
import { LocalBus } from '../cache/local-bus.js';
import type { Config } from '../config/config.js';
import type { InvalidationBus } from '../core/ports.js';
import { createNotifyBus } from '../storage/postgres/notify-bus.js';


/**
 * PostgreSQL: LISTEN/NOTIFY reaches every process on the database. SQLite under `serve --workers`: IPC through
 * the cluster primary. A single SQLite process: local only.
 *
 * `onMissed` is called when this process may have missed notices (its LISTEN connection was lost and is
 * back, or another process lost more notices than it could keep): whatever it cached must go.
 */
export async function createBus(config: Config, input: { onMissed: () => void }): Promise<InvalidationBus> {
  if (config.database.kind === 'postgres') {
    const bus = new LocalBus((keys) => notify.forward(keys));
    const notify = await createNotifyBus({
      connectionString: config.database.url,
      channel: `newsdesk_invalidate_${config.database.schema ?? 'public'}`,
      deliver: (keys) => bus.deliver(keys),
      onMissed: input.onMissed,
    });
    const close = bus.close.bind(bus);
    bus.close = async () => {
      await close();
      await notify.close();
    };
    return bus;
  }
  if (cluster.isWorker && process.send) {
    const bus = new LocalBus(async (keys) => {
      // While a stopping worker finishes its last requests its channel to the primary may be closed already,
      // and sending on a closed channel is an 'error' event that would end the process.
      if (process.connected) process.send?.({ type: 'newsdesk:invalidate', keys } satisfies InvalidateMessage);
    });
    process.on('message', (message) => {
      if (isInvalidateMessage(message)) bus.deliver(message.keys);
    });
    return bus;
  }
  return new LocalBus();
}
