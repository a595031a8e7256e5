import type { Clock, Store } from '../core/ports.js';

/**
 * Knows when the next scheduled article goes public, so cached listings expire by then. Asks the database
 * only when it has no answer, when that moment has passed, or after a listing changed (reset()).
 */
export function scheduleWatcher(store: Store, clock: Clock): { next(): Promise<number>; reset(): void } {
  let known: Promise<number> | undefined;
  let knownValue = Infinity;
  return {
    async next() {
      const now = clock.now().getTime();
      if (!known || knownValue <= now) {
        known = store.articles.nextScheduledAt(new Date(now)).then((date) => {
          knownValue = date ? date.getTime() : Infinity;
          return knownValue;
        });
        known.catch(() => {
          known = undefined;
        });
      }
      return known;
    },
    reset() {
      known = undefined;
    },
  };
}
