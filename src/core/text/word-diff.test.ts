import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from './word-diff.js';

const same = (text: string): DiffPart => ({ op: 'same', text });
const removed = (text: string): DiffPart => ({ op: 'removed', text });
const added = (text: string): DiffPart => ({ op: 'added', text });

describe('wordDiff', () => {
  const cases: Array<[string, string, string, DiffPart[]]> = [
    ['two empty texts', '', '', []],
    ['nothing changed', 'The port will open.', 'The port will open.', [same('The port will open.')]],
    ['text added to an empty field', '', 'Ports, Trade', [added('Ports, Trade')]],
    ['a field emptied', 'Ports', '', [removed('Ports')]],
    ['one word replaced', 'The port will open today.', 'The port will close today.', [same('The port will '), removed('open'), added('close'), same(' today.')]],
    ['a word inserted', 'Rates hold steady', 'Rates hold very steady', [same('Rates hold '), added('very '), same('steady')]],
    ['a word deleted', 'Rates hold very steady', 'Rates hold steady', [same('Rates hold '), removed('very '), same('steady')]],
    ['punctuation stays with its word', 'It rose, sharply.', 'It rose sharply.', [same('It '), removed('rose,'), added('rose'), same(' sharply.')]],
    ['a new paragraph keeps its line breaks', 'One.\n\nTwo.', 'One.\n\nOne and a half.\n\nTwo.', [same('One.\n\n'), added('One and a half.\n\n'), same('Two.')]],
    ['a change at the very start', 'Draft headline', 'Final headline', [removed('Draft'), added('Final'), same(' headline')]],
    ['a change at the very end', 'Prices rise', 'Prices fall', [same('Prices '), removed('rise'), added('fall')]],
    ['a rewritten phrase reads as one replacement', 'alpha beta', 'gamma delta', [removed('alpha beta'), added('gamma delta')]],
    ['two changes apart stay apart', 'the red door and the blue gate', 'the green door and the grey gate', [same('the '), removed('red'), added('green'), same(' door and the '), removed('blue'), added('grey'), same(' gate')]],
    ['a headline rewritten around a kept word', 'Talks stall over port fees', 'Agreement reached on port fees', [removed('Talks stall over'), added('Agreement reached on'), same(' port fees')]],
    ['a word moved keeps one copy', 'red green blue', 'green blue red', [removed('red '), same('green blue'), added(' red')]],
    ['case is a change', 'karachi port', 'Karachi port', [removed('karachi'), added('Karachi'), same(' port')]],
    ['unicode words', 'کراچی بندرگاہ', 'کراچی ہوائی اڈہ', [same('کراچی '), removed('بندرگاہ'), added('ہوائی اڈہ')]],
  ];
  for (const [name, before, after, expected] of cases) {
    it(name, () => expect(wordDiff(before, after)).toEqual(expected));
  }

  it('always gives both texts back: the same and removed parts make the old, the same and added the new', () => {
    const before = 'The regulator said on Monday that supply would be cut in December.\n\n## Industry\n\nMills objected.';
    const after = 'The regulator said on Tuesday that gas supply would be cut from December.\n\nMills and farms objected strongly.';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe(after);
  });

  it('shows a very long rewrite as one replacement instead of comparing every word with every other', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `new${i}`).join(' ');
    expect(wordDiff(before, after)).toEqual([removed(before), added(after)]);
  });
});
