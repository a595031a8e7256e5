import { DomainError } from '../errors.js';

/** A keyset position in a newest-first listing: the last (published_at, id) already shown. */
export interface Cursor {
  publishedAt: Date;
  id: number;
}

/** Encodes a cursor as `<epoch milliseconds>.<id>`: short, opaque enough, and safe in a query string. */
export function encodeCursor(cursor: Cursor): string {
  return `${cursor.publishedAt.getTime()}.${cursor.id}`;
}

const CURSOR_PATTERN = /^(\d{1,15})\.(\d{1,15})$/;

/**
 * The last instant both databases store and print as an ordinary date: 9999-12-31T23:59:59.999Z. Later
 * ones become "+010000-…" ISO strings, which PostgreSQL refuses (and SQLite would compare as text).
 */
const LATEST_CURSOR_MS = 253_402_300_799_999;
/** Ids are 32-bit integers in PostgreSQL (and never larger in SQLite, which shares the schema). */
const LARGEST_ID = 2_147_483_647;

/**
 * Parses a `?before=` value; throws INVALID_CURSOR with a message a person can act on. Every archive reads
 * its cursor here, so a value out of range never reaches a query.
 */
export function decodeCursor(value: string): Cursor {
  const match = CURSOR_PATTERN.exec(value);
  if (!match) {
    throw new DomainError('INVALID_CURSOR', 'The "before" parameter must look like 1764410400000.42 (time.id).', {
      value,
    });
  }
  const time = Number(match[1]);
  const id = Number(match[2]);
  if (time > LATEST_CURSOR_MS || id > LARGEST_ID) {
    throw new DomainError(
      'INVALID_CURSOR',
      'The "before" parameter is out of range: its time must be before the year 10000 and its id at most 2147483647. Use the "Older" link of a listing.',
      { value },
    );
  }
  return { publishedAt: new Date(time), id };
}
