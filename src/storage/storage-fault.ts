/**
 * What went wrong with the database itself, as opposed to the query:
 * - 'unavailable': the server is down, restarting, failing over, or our connection to it was cut;
 * - 'busy': another writer holds the database (SQLite) longer than the busy timeout;
 * - 'full': the disk or the database's size limit is full.
 * Each is worth retrying later; none is a fault in the request or the code.
 */
export type StorageFault = 'unavailable' | 'busy' | 'full';

/** PostgreSQL SQLSTATE classes and codes meaning "no usable connection" (admin shutdown, crash, starting up). */
const PG_UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);
/** Socket errors from the driver when the server goes away or is not there. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres reports a lost or never-made connection by message only. */
const PG_UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

/** Classifies an error thrown by a query, or returns undefined when it is not a database fault. */
export function storageFault(error: unknown): StorageFault | undefined {
  // Errors may wrap their cause (pool time-outs do); look a few levels down.
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (code === 'SQLITE_FULL') return 'full';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
      if (PG_UNAVAILABLE_CODES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) return 'unavailable';
    }
    if (typeof message === 'string' && PG_UNAVAILABLE_MESSAGES.some((text) => message.includes(text))) return 'unavailable';
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
