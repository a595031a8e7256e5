import { describe, expect, it } from 'vitest';
import { wordStats } from './reading-time.js';

describe('wordStats', () => {
  // Counted by hand.
  const cases: Array<[string, number, number]> = [
    ['', 0, 0],
    ['One.', 1, 1],
    ['## A heading\n\nTwo words.', 4, 1],
    ["The council's long-term plan", 4, 1],
    ['See [the report](https://example.com/report.pdf) today', 4, 1],
    ['![A picture of the bridge](/media/bridge.jpg)\n\nCaption text', 2, 1],
    ['- one\n- two\n- three', 3, 1],
    ['**Bold** and _italic_', 3, 1],
    ['Rs 1,500 crore in 2024, up 2.5 per cent', 9, 1],
    ['Visit https://example.com now', 2, 1],
    ['word '.repeat(460), 460, 2],
    ['word '.repeat(1000), 1000, 4],
  ];
  for (const [markdown, count, minutes] of cases) {
    it(`${JSON.stringify(markdown.slice(0, 40))} → ${count} words, ${minutes} min`, () => {
      expect(wordStats(markdown)).toEqual({ count, minutes });
    });
  }
});
