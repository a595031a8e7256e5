import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress-reporter.js';

/** A stream that keeps what is written to it, and a clock moved by hand. */
function setup(tty: boolean) {
  const written: string[] = [];
  let clock = 1_000_000;
  const stream = { write: (text: string) => written.push(text), isTTY: tty, columns: 80 };
  const reporter = progressReporter(stream, { total: 1000, noun: 'articles', now: () => clock, plainEveryMs: 5_000 });
  return { written, reporter, advance: (ms: number) => (clock += ms) };
}

describe('progress reporter', () => {
  it('on a terminal: one line redrawn in place, a bar, at most every 100 ms, a newline at the end', () => {
    const { written, reporter, advance } = setup(true);
    advance(1_000);
    reporter.update(100);
    advance(50);
    reporter.update(150); // too soon: not drawn
    advance(50);
    reporter.update(200);
    advance(3_000);
    reporter.finish(1000);
    expect(written).toEqual([
      '\r100 / 1,000 articles  [#.........]  10%  100/s  9 s left\x1b[K',
      '\r200 / 1,000 articles  [##........]  20%  182/s  5 s left\x1b[K',
      '\r1,000 / 1,000 articles  [##########]  100%  244/s  done in 4 s\x1b[K',
      '\n',
    ]);
  });

  it('the bar is wider on a wider terminal (at most 30), and 10 on a terminal that does not give its width', () => {
    const lines = (columns: number | undefined) => {
      const written: string[] = [];
      const stream = { write: (text: string) => written.push(text), isTTY: true, ...(columns === undefined ? {} : { columns }) };
      progressReporter(stream, { total: 10, noun: 'rows', now: () => 0 }).update(5);
      return written[0];
    };
    expect(lines(90)).toContain('[##########..........]');
    expect(lines(200)).toContain('[###############...............]');
    expect(lines(undefined)).toContain('[#####.....]');
    expect(lines(0)).toContain('[#####.....]');
  });

  it('not a terminal: plain lines, one every 5 s, and the last one', () => {
    const { written, reporter, advance } = setup(false);
    advance(1_000);
    reporter.update(100);
    advance(2_000);
    reporter.update(300); // within 5 s of the last line: not written
    advance(3_000);
    reporter.update(600);
    advance(1_000);
    reporter.finish(1000);
    expect(written).toEqual([
      '100 / 1,000 articles  10%  100/s  9 s left\n',
      '600 / 1,000 articles  60%  100/s  4 s left\n',
      '1,000 / 1,000 articles  100%  143/s  done in 7 s\n',
    ]);
    expect(written.join('')).not.toContain('\r');
  });
});
