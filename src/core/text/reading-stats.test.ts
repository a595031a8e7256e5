import { describe, expect, it } from 'vitest';
import { countWords, describeReadingStats, readingStats } from './reading-stats.js';

describe('countWords', () => {
  const cases: Array<[string, string, number]> = [
    ['an empty body', '', 0],
    ['only white space', '  \n\n\t ', 0],
    ['a plain sentence', 'The port will reopen on Monday.', 6],
    ['heading marks are not words', '## What comes next\n\nTalks resume.', 5],
    ['emphasis marks are not words', 'Fleets are **hauled ashore** and *quickly*.', 6],
    ['list bullets and item numbers are not words', '- one\n- two\n\n1. three\n2) four\n\n> 3. five\n\n- six\n  10. seven', 7],
    ['a number in the text is a word', 'In 2026. Then 3) more.', 5],
    ['a quote mark is not a word', '> Rates will hold.', 3],
    ['a link counts its text, not its address', 'Read [the full report](https://example.com/reports/2026/q3 "Q3") today.', 5],
    ['a picture counts its description', '![Boats on the beach at dawn](/media/boats.jpg)', 6],
    ['a bare address is one word', 'See https://example.com/a/b-c?d=e for more.', 4],
    ['a www address is one word', 'Visit www.example.com today', 3],
    ['table pipes and rules are not words', '| City | Rate |\n| --- | ---: |\n| Karachi | 12% |', 4],
    ['contractions, hyphens and figures stay whole', "Don't call it a well-known 1,000-tonne U.S. deal.", 8],
    ['a colon splits', 'Pictures at 16:9 and 4:3', 7],
    ['inline code counts its words', 'Run `newsdesk demo remove` now.', 5],
    ['other scripts count', 'کراچی بندرگاہ کھل گئی', 4],
    ['accented letters stay in their word', 'Tomás Ellery reported from Málaga.', 5],
    ['a reference definition is not read (the label in the text is)', 'See [the report][r].\n\n[r]: https://example.com/r', 4],
    ['a hard break backslash is not a word', 'One line\\\nnext line', 4],
  ];
  for (const [name, markdown, expected] of cases) {
    it(name, () => expect(countWords(markdown)).toBe(expected));
  }
});

describe('readingStats and describeReadingStats', () => {
  const cases: Array<[string, number, { words: number; minutes: number }, string]> = [
    ['nothing written', 0, { words: 0, minutes: 0 }, 'No words yet'],
    ['one word takes a minute', 1, { words: 1, minutes: 1 }, '1 word · 1 min read'],
    ['exactly one minute', 230, { words: 230, minutes: 1 }, '230 words · 1 min read'],
    ['a word over rounds up', 231, { words: 231, minutes: 2 }, '231 words · 2 min read'],
    ['a long read groups thousands', 1200, { words: 1200, minutes: 6 }, '1,200 words · 6 min read'],
  ];
  for (const [name, words, stats, text] of cases) {
    it(name, () => {
      const body = Array.from({ length: words }, () => 'word').join(' ');
      expect(readingStats(body)).toEqual(stats);
      expect(describeReadingStats(stats)).toBe(text);
    });
  }

  it('takes another reading speed', () => expect(readingStats('a b c d', 2)).toEqual({ words: 4, minutes: 2 }));
});
