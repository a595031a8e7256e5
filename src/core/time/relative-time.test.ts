import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.js';

const now = new Date('2026-11-29T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('relativeTime', () => {
  it('writes whole units, rounded towards zero', () => {
    expect(relativeTime(ago(5 * 3600 + 50 * 60), now, 'en-GB')).toBe('5 hours ago');
    expect(relativeTime(ago(59), now, 'en-GB')).toBe('now');
    expect(relativeTime(ago(60), now, 'en-GB')).toBe('1 minute ago');
    expect(relativeTime(ago(3 * 86400), now, 'en-GB')).toBe('3 days ago');
    expect(relativeTime(ago(86400), now, 'en-GB')).toBe('yesterday');
    expect(relativeTime(ago(14 * 86400), now, 'en-GB')).toBe('2 weeks ago');
    expect(relativeTime(ago(400 * 86400), now, 'en-GB')).toBe('last year');
  });

  it('speaks of the future too', () => {
    expect(relativeTime(new Date(now.getTime() + 2 * 3600_000), now, 'en-GB')).toBe('in 2 hours');
  });

  it('uses the site locale', () => {
    expect(relativeTime(ago(5 * 3600), now, 'fr')).toBe('il y a 5 heures');
    expect(relativeTime(ago(2 * 3600), now, 'de')).toBe('vor 2 Stunden');
  });
});
