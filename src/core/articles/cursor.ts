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

/** Parses a `?before=` value; throws INVALID_CURSOR with a message a person can act on. */
export function decodeCursor(value: string): Cursor {
  const match = CURSOR_PATTERN.exec(value);
  if (!match) {
    throw new DomainError('INVALID_CURSOR', 'The "before" parameter must look like 1764410400000.42 (time.id).', {
      value,
    });
  }
  const publishedAt = new Date(Number(match[1]));
  const id = Number(match[2]);
  if (Number.isNaN(publishedAt.getTime()) || !Number.isSafeInteger(id)) {
    throw new DomainError('INVALID_CURSOR', 'The "before" parameter is out of range.', { value });
  }
  return { publishedAt, id };
}
