import { describe, expect, it } from 'vitest';
import { utcMonths } from './utc-months.js';

const d = (iso: string) => new Date(iso);

describe('utcMonths', () => {
  const cases: Array<[string, string, string, Array<[string, string, string]>]> = [
    ['one instant', '2026-11-15T10:00:00Z', '2026-11-15T10:00:00Z', [['2026-11', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']]],
    [
      'across a year end',
      '2025-11-30T23:59:59Z',
      '2026-01-01T00:00:00Z',
      [
        ['2025-11', '2025-11-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z'],
        ['2025-12', '2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
        ['2026-01', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
      ],
    ],
    // 23:30 on 31 January in New York is already February in UTC: months are UTC's.
    ['UTC, not local time', '2026-02-01T04:30:00Z', '2026-02-28T23:59:59.999Z', [['2026-02', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']]],
    ['a leap February', '2028-02-29T12:00:00Z', '2028-03-01T00:00:00Z', [['2028-02', '2028-02-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z'], ['2028-03', '2028-03-01T00:00:00.000Z', '2028-04-01T00:00:00.000Z']]],
    ['last before first', '2026-05-01T00:00:00Z', '2026-04-30T23:59:59Z', []],
  ];
  for (const [name, first, last, expected] of cases) {
    it(name, () => {
      expect(utcMonths(d(first), d(last)).map((m) => [m.label, m.from.toISOString(), m.to.toISOString()])).toEqual(expected);
    });
  }

  it('a whole year is twelve months', () => {
    expect(utcMonths(d('2024-01-01T00:00:00Z'), d('2024-12-31T23:59:59Z')).map((m) => m.label)).toEqual([
      '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
    ]);
  });
});
