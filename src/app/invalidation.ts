import cluster from 'node:cluster';
import { isInvalidateMessage, type InvalidateMessage } from '../cache/cluster-messages.js';
import { LocalBus } from '../cache/local-bus.js';
import type { Config } from '../config/config.js';
import type { InvalidationBus } from '../core/ports.js';
import { createNotifyBus } from '../storage/postgres/notify-bus.js';


/**
 * PostgreSQL: LISTEN/NOTIFY reaches every process on the database. SQLite under `serve --workers`: IPC through
 * the cluster primary. A single SQLite process: local only.
 */
export async function createBus(config: Config): Promise<InvalidationBus> {
  if (config.database.kind === 'postgres') {
    const bus = new LocalBus((keys) => notify.forward(keys));
    const notify = await createNotifyBus({
      connectionString: config.database.url,
      channel: `newsdesk_invalidate_${config.database.schema ?? 'public'}`,
      deliver: (keys) => bus.deliver(keys),
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
      process.send?.({ type: 'newsdesk:invalidate', keys } satisfies InvalidateMessage);
    });
    process.on('message', (message) => {
      if (isInvalidateMessage(message)) bus.deliver(message.keys);
    });
    return bus;
  }
  return new LocalBus();
}
