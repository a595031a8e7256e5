import type { Role } from '../authors/author.js';

// Side effects run later (the outbox) and REST API keys.

export interface ApiKey {
  id: number;
  name: string;
  role: Role;
  /** The person the key writes for: their articles are the key's own. Null for a key of nobody's. */
  userId: number | null;
}

export interface ApiKeyStore {
  create(input: { name: string; tokenHash: string; role: Role; userId?: number | null }): Promise<ApiKey>;
  /** The live key with this token hash: not revoked, and not belonging to a disabled person. */
  findByHash(tokenHash: string): Promise<ApiKey | undefined>;
}

/** A side effect to perform once, outside the request that caused it (DESIGN.md §3). */
export interface OutboxJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

export interface OutboxStore {
  enqueue(input: { kind: string; payload: unknown; availableAt: Date }): Promise<void>;
  /**
   * Takes up to `limit` due jobs and locks them until `lockUntil`; a job locked by one process is never
   * handed to another (SKIP LOCKED on PostgreSQL, one writer at a time on SQLite).
   */
  claim(input: { now: Date; limit: number; lockUntil: Date }): Promise<OutboxJob[]>;
  complete(id: number, at: Date): Promise<void>;
  /** Puts the job back for a later attempt. */
  retry(id: number, input: { error: string; availableAt: Date }): Promise<void>;
  pending(now: Date): Promise<number>;
}
