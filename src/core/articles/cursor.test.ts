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
});
