import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from '../errors.js';
import { instantToZonedWallTime, readWallTime, wallTimeInstant } from './zoned-time.js';

describe('zoned wall time', () => {
  it('reads a datetime-local value in the site time zone', () => {
    expect(wallTimeInstant({ wallTime: '2026-11-29T14:30', timeZone: 'Asia/Karachi' }).toISOString()).toBe('2026-11-29T09:30:00.000Z');
    expect(wallTimeInstant({ wallTime: '2026-07-01T09:00', timeZone: 'Europe/London' }).toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(wallTimeInstant({ wallTime: '2026-12-01T09:00', timeZone: 'Europe/London' }).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(wallTimeInstant({ wallTime: '2026-11-29T14:30', timeZone: 'UTC' }).toISOString()).toBe('2026-11-29T14:30:00.000Z');
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'tomorrow', '2026-11-29', '2026-13-45T99:99', '1 OR 1=1']) {
      expect(readWallTime(bad, 'UTC'), bad).toBeUndefined();
    }
  });

  it('writes an instant back as the wall time of the zone', () => {
    expect(instantToZonedWallTime(new Date('2026-11-29T09:30:00Z'), 'Asia/Karachi')).toBe('2026-11-29T14:30');
  });
});

describe('wall times across daylight-saving changes', () => {
  // Written by hand from each zone's rules: [zone, wall time, the UTC instant it names].
  const exact: Array<[string, string, string]> = [
    ['Europe/London', '2026-03-29T00:59', '2026-03-29T00:59:00.000Z'],
    ['Europe/London', '2026-03-29T02:00', '2026-03-29T01:00:00.000Z'],
    ['Europe/London', '2026-10-25T00:59', '2026-10-24T23:59:00.000Z'],
    ['Europe/London', '2026-10-25T02:00', '2026-10-25T02:00:00.000Z'],
    ['America/New_York', '2026-03-08T01:59', '2026-03-08T06:59:00.000Z'],
    ['America/New_York', '2026-03-08T03:00', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-11-01T02:00', '2026-11-01T07:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04T01:59', '2026-10-03T15:29:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04T02:30', '2026-10-03T15:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05T02:00', '2026-04-04T15:30:00.000Z'],
    ['Asia/Kolkata', '2026-03-29T01:30', '2026-03-28T20:00:00.000Z'],
    ['Asia/Kolkata', '2026-10-25T01:30', '2026-10-24T20:00:00.000Z'],
    ['Pacific/Chatham', '2026-09-27T03:45', '2026-09-26T14:00:00.000Z'],
    ['Pacific/Chatham', '2026-04-05T02:44', '2026-04-04T12:59:00.000Z'],
    ['America/Sao_Paulo', '2018-11-04T01:00', '2018-11-04T03:00:00.000Z'],
  ];
  for (const [zone, wall, utc] of exact) {
    it(`reads ${wall} in ${zone} as ${utc}`, () => {
      expect(readWallTime(wall, zone)).toEqual({ kind: 'exact', instant: new Date(utc) });
      expect(wallTimeInstant({ wallTime: wall, timeZone: zone }).toISOString()).toBe(utc);
    });
  }

  // Times the clocks jump over when they go forward: [zone, wall time, gap as the message names it].
  const skipped: Array<[string, string, string, string]> = [
    ['Europe/London', '2026-03-29T01:30', '01:00', '02:00'],
    ['Europe/London', '2026-03-29T01:00', '01:00', '02:00'],
    ['America/New_York', '2026-03-08T02:30', '02:00', '03:00'],
    ['Australia/Lord_Howe', '2026-10-04T02:15', '02:00', '02:30'],
    ['Pacific/Chatham', '2026-09-27T03:00', '02:45', '03:45'],
    ['America/Sao_Paulo', '2018-11-04T00:30', '00:00', '01:00'],
  ];
  for (const [zone, wall, from, to] of skipped) {
    it(`refuses ${wall} in ${zone}, which the clocks skip (${from} to ${to})`, () => {
      expect(readWallTime(wall, zone)).toEqual({ kind: 'skipped', gapStart: from, gapEnd: to });
      const error = catchError(() => wallTimeInstant({ wallTime: wall, timeZone: zone }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toContain(`${wall.slice(11)} does not exist on ${wall.slice(0, 10)} in ${zone}`);
      expect(error.message).toContain(`from ${from} to ${to}`);
    });
  }

  // Times that happen twice when the clocks go back: [zone, wall time, first reading, second reading].
  type Reading = { utc: string; offsetMinutes: number; label: string };
  const repeated: Array<[string, string, Reading, Reading]> = [
    ['Europe/London', '2026-10-25T01:30',
      { utc: '2026-10-25T00:30:00.000Z', offsetMinutes: 60, label: '01:30 BST (UTC+1)' },
      { utc: '2026-10-25T01:30:00.000Z', offsetMinutes: 0, label: '01:30 GMT (UTC+0)' }],
    ['America/New_York', '2026-11-01T01:30',
      { utc: '2026-11-01T05:30:00.000Z', offsetMinutes: -240, label: '01:30 EDT (UTC-4)' },
      { utc: '2026-11-01T06:30:00.000Z', offsetMinutes: -300, label: '01:30 EST (UTC-5)' }],
    ['Australia/Lord_Howe', '2026-04-05T01:45',
      { utc: '2026-04-04T14:45:00.000Z', offsetMinutes: 660, label: '01:45 (UTC+11)' },
      { utc: '2026-04-04T15:15:00.000Z', offsetMinutes: 630, label: '01:45 (UTC+10:30)' }],
    ['Pacific/Chatham', '2026-04-05T03:00',
      { utc: '2026-04-04T13:15:00.000Z', offsetMinutes: 825, label: '03:00 (UTC+13:45)' },
      { utc: '2026-04-04T14:15:00.000Z', offsetMinutes: 765, label: '03:00 (UTC+12:45)' }],
    ['America/Sao_Paulo', '2019-02-16T23:30',
      { utc: '2019-02-17T01:30:00.000Z', offsetMinutes: -120, label: '23:30 (UTC-2)' },
      { utc: '2019-02-17T02:30:00.000Z', offsetMinutes: -180, label: '23:30 (UTC-3)' }],
  ];
  for (const [zone, wall, first, second] of repeated) {
    it(`asks which ${wall} in ${zone} is meant, and takes the chosen offset`, () => {
      const reading = readWallTime(wall, zone);
      expect(reading).toEqual({
        kind: 'repeated',
        choices: [first, second].map((r) => ({ instant: new Date(r.utc), offsetMinutes: r.offsetMinutes, label: r.label })),
      });
      const error = catchError(() => wallTimeInstant({ wallTime: wall, timeZone: zone }));
      expect(error.code).toBe('TIME_AMBIGUOUS');
      expect(error.message).toContain(`${wall.slice(11)} happens twice on ${wall.slice(0, 10)} in ${zone}`);
      expect(wallTimeInstant({ wallTime: wall, timeZone: zone, offsetMinutes: first.offsetMinutes }).toISOString()).toBe(first.utc);
      expect(wallTimeInstant({ wallTime: wall, timeZone: zone, offsetMinutes: second.offsetMinutes }).toISOString()).toBe(second.utc);
      expect(catchError(() => wallTimeInstant({ wallTime: wall, timeZone: zone, offsetMinutes: 123 })).code).toBe('TIME_AMBIGUOUS');
    });
  }

  it('never asks in a zone without daylight saving, whatever offset a stale form sends', () => {
    expect(wallTimeInstant({ wallTime: '2026-10-25T01:30', timeZone: 'Asia/Kolkata', offsetMinutes: 60 }).toISOString()).toBe('2026-10-24T20:00:00.000Z');
  });

  it('refuses dates that are not on the calendar', () => {
    for (const bad of ['2026-02-30T10:00', '2026-04-31T10:00', '2027-02-29T10:00']) {
      expect(readWallTime(bad, 'UTC'), bad).toBeUndefined();
      expect(catchError(() => wallTimeInstant({ wallTime: bad, timeZone: 'UTC' })).code).toBe('VALIDATION_FAILED');
    }
    expect(readWallTime('2028-02-29T10:00', 'UTC')).toEqual({ kind: 'exact', instant: new Date('2028-02-29T10:00:00.000Z') });
  });
});

function catchError(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
