/** How far a long job has come, as one line: "42,000 / 100,000 articles  42%  2,310/s  25 s left". */
export function describeProgress(input: { done: number; total: number; elapsedMs: number; noun: string; barWidth?: number }): string {
  const { done, total, elapsedMs, noun } = input;
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const percent = `${Math.floor(fraction * 100)}%`;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts = [`${done.toLocaleString('en')} / ${total.toLocaleString('en')} ${noun}`];
  if (input.barWidth !== undefined && input.barWidth > 0) {
    const filled = Math.floor(fraction * input.barWidth);
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(input.barWidth - filled)}]`);
  }
  parts.push(percent);
  if (rate > 0) parts.push(`${Math.round(rate).toLocaleString('en')}/s`);
  if (done >= total) parts.push(`done in ${formatSeconds(elapsedMs / 1000)}`);
  // Rounded up: an unfinished job never says "0 s left".
  else if (rate > 0) parts.push(`${formatSeconds(Math.ceil((total - done) / rate))} left`);
  return parts.join('  ');
}

/** "7 s", "1 min 05 s", "1 h 02 min". */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}
