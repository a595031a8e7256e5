/**
 * Runs at most `limit` tasks at once, the others in the order they came. Searches go through one per store,
 * so a burst of them queues here instead of taking every pooled connection (which page reads need) and
 * every core of the database's machine.
 */
export function createGate(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (task) => {
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
