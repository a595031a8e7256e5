import { describeProgress } from '../core/text/progress.js';

/** Where progress goes: standard error, which may be a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporter {
  update(done: number): void;
  /** The last line (always written), ending the progress display. */
  finish(done: number): void;
}

/**
 * On a terminal, one line redrawn in place (at most ten times a second) with a bar; otherwise (a log file, CI)
 * a plain line every `plainEveryMs`, so logs are not flooded with carriage returns.
 */
export function progressReporter(
  stream: ProgressStream,
  options: { total: number; noun: string; now?: () => number; plainEveryMs?: number },
): ProgressReporter {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const tty = stream.isTTY === true;
  const every = tty ? 100 : (options.plainEveryMs ?? 5_000);
  let last = -Infinity;
  const line = (done: number) => {
    // 10 to 30 characters, as the terminal's width allows (a terminal that does not say counts as 80 wide).
    const barWidth = tty ? Math.max(10, Math.min(30, (stream.columns || 80) - 70)) : 0;
    return describeProgress({ done, total: options.total, elapsedMs: now() - started, noun: options.noun, barWidth });
  };
  const show = (done: number) => {
    // \x1b[K clears what a longer earlier line left at the end.
    stream.write(tty ? `\r${line(done)}\x1b[K` : `${line(done)}\n`);
  };
  return {
    update(done) {
      const at = now();
      if (at - last < every) return;
      last = at;
      show(done);
    },
    finish(done) {
      show(done);
      if (tty) stream.write('\n');
    },
  };
}
