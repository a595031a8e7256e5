import { describe, expect, it } from 'vitest';
import { describeProgress, formatSeconds } from './progress.js';

describe('describeProgress', () => {
  const cases: Array<[string, Parameters<typeof describeProgress>[0], string]> = [
    ['nothing done yet', { done: 0, total: 100_000, elapsedMs: 0, noun: 'articles' }, '0 / 100,000 articles  0%'],
    ['a quarter, at 2,500 a second', { done: 25_000, total: 100_000, elapsedMs: 10_000, noun: 'articles' }, '25,000 / 100,000 articles  25%  2,500/s  30 s left'],
    ['with a bar of 10', { done: 25_000, total: 100_000, elapsedMs: 10_000, noun: 'articles', barWidth: 10 }, '25,000 / 100,000 articles  [##........]  25%  2,500/s  30 s left'],
    ['minutes left', { done: 1_000, total: 1_000_000, elapsedMs: 1_000, noun: 'articles' }, '1,000 / 1,000,000 articles  0%  1,000/s  16 min 39 s left'],
    ['percent rounds down (99.99% is not 100%)', { done: 9_999, total: 10_000, elapsedMs: 9_999, noun: 'rows' }, '9,999 / 10,000 rows  99%  1,000/s  1 s left'],
    ['finished', { done: 100_000, total: 100_000, elapsedMs: 40_000, noun: 'articles', barWidth: 4 }, '100,000 / 100,000 articles  [####]  100%  2,500/s  done in 40 s'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => expect(describeProgress(input)).toBe(expected));
  }
});

describe('formatSeconds', () => {
  const cases: Array<[number, string]> = [
    [0, '0 s'],
    [0.4, '0 s'],
    [59.4, '59 s'],
    [59.6, '1 min 00 s'],
    [65, '1 min 05 s'],
    [3599, '59 min 59 s'],
    [3720, '1 h 02 min'],
    [-3, '0 s'],
  ];
  for (const [seconds, expected] of cases) {
    it(`${seconds} s → ${expected}`, () => expect(formatSeconds(seconds)).toBe(expected));
  }
});
