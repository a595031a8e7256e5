import type { InvalidationBus } from '../core/ports.js';

/**
 * The bus for one process (and the base of the others): listeners are called synchronously on publish.
 * `forward`, when given, also carries each batch to other processes; `deliver` feeds batches coming back.
 */
export class LocalBus implements InvalidationBus {
  private readonly listeners = new Set<(keys: readonly string[]) => void>();

  constructor(private readonly forward?: (keys: readonly string[]) => Promise<void>) {}

  async publish(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    this.deliver(keys);
    await this.forward?.(keys);
  }

  /** Hands a batch to every listener of this process. */
  deliver(keys: readonly string[]): void {
    for (const listener of this.listeners) listener(keys);
  }

  subscribe(listener: (keys: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
