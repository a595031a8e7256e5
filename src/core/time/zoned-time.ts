import { DomainError } from '../errors.js';

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** Zones that are UTC at every instant (the default site zone): no calendar arithmetic needed. */
export function isUtc(timeZone: string): boolean {
  return timeZone === 'UTC' || timeZone === 'Etc/UTC';
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds (whole seconds). */
export function utcOffsetMs(instant: number, timeZone: string): number {
  // formatToParts costs microseconds and ran several times per page (ADR 0011); UTC's offset is always 0.
  if (isUtc(timeZone)) return 0;
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    wallClocks.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The value a datetime-local input shows for `date` in `timeZone`. */
export function instantToZonedWallTime(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + utcOffsetMs(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

/** A datetime-local value as if it were UTC (ms), or undefined when it is not a real calendar time. */
function wallTimeAsUtc(wallTime: string): number | undefined {
  const match = WALL_TIME.exec(wallTime.trim());
  if (!match) return undefined;
  const [y, mo, d, h, mi] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const seconds = match[6] === undefined ? 0 : Number(match[6]);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || seconds > 59) return undefined;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, seconds);
  // Date.UTC rolls 30 February over into March: such a day is not on the calendar.
  return new Date(asUtc).getUTCDate() === d ? asUtc : undefined;
}

/** One meaning of a wall-clock time that happens twice. */
export interface WallTimeChoice {
  instant: Date;
  /** How far the zone is ahead of UTC then, in minutes (60 for BST, -240 for EDT). */
  offsetMinutes: number;
  /** What a person is shown: '01:30 BST (UTC+1)', or '01:45 (UTC+11)' where the zone has no short name. */
  label: string;
}

/**
 * What a wall-clock time names in a zone: one instant; nothing, because the clocks jump over it when they
 * go forward (`gapStart`/`gapEnd` are the wall times, 'HH:MM', where the jump starts and lands); or two
 * instants, because the clocks go back over it (earlier first).
 */
export type WallTimeReading =
  | { kind: 'exact'; instant: Date }
  | { kind: 'skipped'; gapStart: string; gapEnd: string }
  | { kind: 'repeated'; choices: [WallTimeChoice, WallTimeChoice] };

/** Reads a datetime-local value in `timeZone`; undefined for text that is not a calendar date and time. */
export function readWallTime(wallTime: string, timeZone: string): WallTimeReading | undefined {
  const wall = wallTimeAsUtc(wallTime);
  if (wall === undefined) return undefined;
  // The offsets in force a day either side cover any one change of the clocks near this time.
  const before = utcOffsetMs(wall - DAY_MS, timeZone);
  const after = utcOffsetMs(wall + DAY_MS, timeZone);
  const offsets = [...new Set([before, utcOffsetMs(wall, timeZone), after])].sort((a, b) => b - a);
  const instants = offsets.filter((offset) => utcOffsetMs(wall - offset, timeZone) === offset).map((offset) => wall - offset);
  if (instants.length === 0) {
    const change = firstInstantWithOffset(wall - after, wall - before, before, timeZone);
    return { kind: 'skipped', gapStart: clockTime(change + before), gapEnd: clockTime(change + after) };
  }
  if (instants.length === 1) return { kind: 'exact', instant: new Date(instants[0]!) };
  const hhmm = clockTime(wall);
  const [first, second] = instants.map((at): WallTimeChoice => {
    const offsetMinutes = Math.round(utcOffsetMs(at, timeZone) / 60_000);
    const name = zoneAbbreviation(at, timeZone);
    return { instant: new Date(at), offsetMinutes, label: `${hhmm}${name ? ` ${name}` : ''} (${utcOffsetLabel(offsetMinutes)})` };
  }) as [WallTimeChoice, WallTimeChoice];
  return { kind: 'repeated', choices: [first, second] };
}

/** The first instant in (lo, hi] at which `timeZone` no longer has offset `old`, to the second. */
function firstInstantWithOffset(lo: number, hi: number, old: number, timeZone: string): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (utcOffsetMs(mid, timeZone) === old) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** 'HH:MM' of a wall time held as UTC ms. */
function clockTime(wall: number): string {
  return new Date(wall).toISOString().slice(11, 16);
}

/** 'UTC+1', 'UTC-4', 'UTC+10:30', 'UTC+0'. */
export function utcOffsetLabel(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${offsetMinutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

const abbreviations = new Map<string, Intl.DateTimeFormat>();

/** The zone's short name then (BST, EDT), or '' when it has none but a GMT±N form, which the offset already says. */
function zoneAbbreviation(instant: number, timeZone: string): string {
  for (const locale of ['en-GB', 'en-US']) {
    const key = `${locale}|${timeZone}`;
    let format = abbreviations.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
      abbreviations.set(key, format);
    }
    const name = format.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(name)) return name;
  }
  return '';
}

/**
 * The instant an editor means by a wall-clock time in `timeZone` (a scheduling form). A time the clocks skip
 * is refused with VALIDATION_FAILED naming the gap; a time that happens twice needs `offsetMinutes` to say
 * which (the zone's offset then, as in a WallTimeChoice), and is refused with TIME_AMBIGUOUS, carrying
 * `details.choices`, until it matches one. The offset is ignored for a time that happens once.
 */
export function wallTimeInstant(input: { wallTime: string; timeZone: string; offsetMinutes?: number }): Date {
  const { wallTime, timeZone } = input;
  const reading = readWallTime(wallTime, timeZone);
  if (!reading) throw new DomainError('VALIDATION_FAILED', 'Give a date and time to publish at.', { field: 'at' });
  const [day = '', time = ''] = wallTime.trim().split('T');
  switch (reading.kind) {
    case 'exact':
      return reading.instant;
    case 'skipped':
      throw new DomainError(
        'VALIDATION_FAILED',
        `${time.slice(0, 5)} does not exist on ${day} in ${timeZone}: the clocks go forward from ${reading.gapStart} to ${reading.gapEnd}. Choose a time before ${reading.gapStart} or from ${reading.gapEnd}.`,
        { field: 'at', gapStart: reading.gapStart, gapEnd: reading.gapEnd },
      );
    case 'repeated': {
      const chosen = reading.choices.find((choice) => choice.offsetMinutes === input.offsetMinutes);
      if (chosen) return chosen.instant;
      throw new DomainError(
        'TIME_AMBIGUOUS',
        `${time.slice(0, 5)} happens twice on ${day} in ${timeZone}, because the clocks go back: choose ${reading.choices[0].label} or ${reading.choices[1].label}.`,
        { field: 'at', choices: reading.choices.map(({ offsetMinutes, label }) => ({ offsetMinutes, label })) },
      );
    }
  }
}
