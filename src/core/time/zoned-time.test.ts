import { describe, expect, it } from 'vitest';
import { instantToZonedWallTime, zonedWallTimeToInstant } from './zoned-time.js';

describe('zoned wall time', () => {
  it('reads a datetime-local value in the site time zone', () => {
    expect(zonedWallTimeToInstant('2026-11-29T14:30', 'Asia/Karachi')?.toISOString()).toBe('2026-11-29T09:30:00.000Z');
    expect(zonedWallTimeToInstant('2026-07-01T09:00', 'Europe/London')?.toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedWallTimeToInstant('2026-12-01T09:00', 'Europe/London')?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(zonedWallTimeToInstant('2026-11-29T14:30', 'UTC')?.toISOString()).toBe('2026-11-29T14:30:00.000Z');
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'tomorrow', '2026-11-29', '2026-13-45T99:99', '1 OR 1=1']) {
      expect(zonedWallTimeToInstant(bad, 'UTC'), bad).toBeUndefined();
    }
  });

  it('writes an instant back as the wall time of the zone', () => {
    expect(instantToZonedWallTime(new Date('2026-11-29T09:30:00Z'), 'Asia/Karachi')).toBe('2026-11-29T14:30');
  });
});
