const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds (whole seconds). */
export function utcOffsetMs(instant: number, timeZone: string): number {
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

/**
 * The instant a wall-clock time ('2026-11-29T14:30', as a datetime-local input sends it) names in `timeZone`.
 * Returns undefined for text that is not such a time.
 */
export function zonedWallTimeToInstant(wallTime: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallTime.trim());
  if (!match) return undefined;
  const [y, mo, d, h, mi] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const seconds = match[6] === undefined ? 0 : Number(match[6]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || seconds > 59) return undefined;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, seconds);
  // Two passes settle the offset even next to a daylight-saving change.
  let guess = asUtc - utcOffsetMs(asUtc, timeZone);
  guess = asUtc - utcOffsetMs(guess, timeZone);
  return new Date(guess);
}

/** The value a datetime-local input shows for `date` in `timeZone`. */
export function instantToZonedWallTime(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + utcOffsetMs(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}
