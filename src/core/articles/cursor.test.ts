import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursor', () => {
  it('round-trips a keyset position', () => {
    const cursor = { publishedAt: new Date('2026-11-29T07:00:00.123Z'), id: 42 };
    expect(encodeCursor(cursor)).toBe('1795935600123.42');
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses anything else with INVALID_CURSOR', () => {
    for (const bad of ['', 'abc', '1.2.3', "1' OR '1'='1", '-5.1', '1e5.2', '9'.repeat(30) + '.1']) {
      let caught: unknown;
      try {
        decodeCursor(bad);
      } catch (error) {
        caught = error;
      }
      expect(isDomainError(caught, 'INVALID_CURSOR'), bad).toBe(true);
    }
  });

  it('refuses positions no database can compare: after the year 9999, or an id above 2147483647', () => {
    for (const bad of ['999999999999999.1', '253402300800000.1', '1764410400000.2147483648', '1764410400000.999999999999999']) {
      let caught: unknown;
      try {
        decodeCursor(bad);
      } catch (error) {
        caught = error;
      }
      expect(isDomainError(caught, 'INVALID_CURSOR'), bad).toBe(true);
    }
    expect(decodeCursor('253402300799999.2147483647')).toEqual({ publishedAt: new Date('9999-12-31T23:59:59.999Z'), id: 2147483647 });
    expect(decodeCursor('0.1')).toEqual({ publishedAt: new Date('1970-01-01T00:00:00.000Z'), id: 1 });
  });
});
