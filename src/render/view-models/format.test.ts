import { describe, expect, it } from 'vitest';
import { isoWithOffset } from './format.js';

describe('isoWithOffset', () => {
  it('writes the instant as the wall time of the zone with its offset', () => {
    const instant = new Date('2026-11-29T07:00:00.000Z');
    expect(isoWithOffset(instant, 'UTC')).toBe('2026-11-29T07:00:00+00:00');
    expect(isoWithOffset(instant, 'Asia/Karachi')).toBe('2026-11-29T12:00:00+05:00');
    expect(isoWithOffset(instant, 'Asia/Kolkata')).toBe('2026-11-29T12:30:00+05:30');
    expect(isoWithOffset(instant, 'America/New_York')).toBe('2026-11-29T02:00:00-05:00');
    expect(isoWithOffset(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe('2026-07-01T13:00:00+01:00');
  });
});
