/** One calendar month in UTC: its 'YYYY-MM' label and the instants it starts at and ends before. */
export interface UtcMonth {
  label: string;
  from: Date;
  to: Date;
}

/** Every UTC calendar month from the one holding `first` to the one holding `last`, oldest first. */
export function utcMonths(first: Date, last: Date): UtcMonth[] {
  const months: UtcMonth[] = [];
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  const endYear = last.getUTCFullYear();
  const endMonth = last.getUTCMonth();
  while (year < endYear || (year === endYear && month <= endMonth)) {
    const from = new Date(Date.UTC(year, month, 1));
    const to = new Date(Date.UTC(year, month + 1, 1));
    months.push({ label: `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`, from, to });
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}
