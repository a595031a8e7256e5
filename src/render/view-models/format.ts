import { relativeTime } from '../../core/time/relative-time.js';
import { isUtc, utcOffsetMs } from '../../core/time/zoned-time.js';
import type { TimeVM } from './view-models.js';

/** How dates are written on the site: locale and time zone from the configuration. */
export interface DateFormat {
  locale: string;
  timeZone: string;
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale, zone and purpose.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

export function formatTime(date: Date, now: Date, format: DateFormat): TimeVM {
  const absolute = formatter(`abs|${format.locale}|${format.timeZone}`, format.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: format.timeZone,
  });
  return {
    iso: date.toISOString(),
    relative: relativeTime(date, now, format.locale),
    absolute: `${absolute.format(date)} ${zoneName(date, format)}`,
  };
}

/** A zone that never changes its name, per locale: UTC is written the same on every date. */
const fixedZoneNames = new Map<string, string>();

function zoneName(date: Date, format: DateFormat): string {
  if (isUtc(format.timeZone)) {
    const key = `${format.locale}|${format.timeZone}`;
    let name = fixedZoneNames.get(key);
    if (name === undefined) fixedZoneNames.set(key, (name = zoneNameAt(date, format)));
    return name;
  }
  return zoneNameAt(date, format);
}

function zoneNameAt(date: Date, format: DateFormat): string {
  const parts = formatter(`zone|${format.locale}|${format.timeZone}`, format.locale, {
    timeZone: format.timeZone,
    timeZoneName: 'short',
  }).formatToParts(date);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? format.timeZone;
}

/** A date with the site's UTC offset, as JSON-LD and OpenGraph want it (2026-11-29T12:00:00+05:00). */
export function isoWithOffset(date: Date, timeZone: string): string {
  const offsetMs = utcOffsetMs(date.getTime(), timeZone);
  const wall = new Date(Math.floor(date.getTime() / 1000) * 1000 + offsetMs).toISOString().slice(0, 19);
  const minutes = Math.round(offsetMs / 60_000);
  const abs = Math.abs(minutes);
  const sign = minutes < 0 ? '-' : '+';
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
