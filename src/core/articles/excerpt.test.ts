import { describe, expect, it } from 'vitest';
import { elementTexts, readCorpus } from '../../../test/support/corpus.js';
import { DEFAULT_EXCERPT_WORDS, excerptFor, truncateWords } from './excerpt.js';

const words = (text: string) => text.replace(/…$/, '').split(/\s+/).filter(Boolean);

describe('truncateWords', () => {
  const text =
    'The central bank left its policy rate unchanged on Thursday, saying inflation had slowed for a third month while growth remained weak across the economy.';

  it(`cuts after ${DEFAULT_EXCERPT_WORDS} words by default and ends with an ellipsis`, () => {
    const excerpt = truncateWords(text);
    expect(excerpt).toBe('The central bank left its policy rate unchanged on Thursday, saying inflation had slowed for…');
    expect(words(excerpt)).toHaveLength(DEFAULT_EXCERPT_WORDS);
  });

  it('honours a configured word count', () => {
    expect(truncateWords(text, 4)).toBe('The central bank left…');
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(truncateWords(text, 10)).toBe('The central bank left its policy rate unchanged on Thursday…');
  });

  it('returns short text whole, with no ellipsis', () => {
    expect(truncateWords('Rates held.', 15)).toBe('Rates held.');
    expect(truncateWords('  spaced   out  ', 15)).toBe('spaced out');
  });

  it('never cuts inside a word, even one with an apostrophe or hyphen', () => {
    const excerpt = truncateWords("Pakistan's cabinet approved the CIS-MOA pact today", 3);
    expect(excerpt).toBe("Pakistan's cabinet approved…");
    expect(truncateWords('state-of-the-art coverage of everything', 2)).toMatch(/^state-of…$|^state-of-the…$|^state…$/);
  });

  it('cuts text in languages without spaces at a word, not mid-character run', () => {
    const excerpt = truncateWords('東京都は今日新しい経済対策を発表しました。詳細は来週明らかになります。', 3);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThan(15);
  });

  it('caps a run-on "word" by characters without splitting a surrogate pair', () => {
    const excerpt = truncateWords(`${'a'.repeat(400)} ${'🚀'.repeat(10)}`, 15, 50);
    expect(excerpt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('truncateWords with a first word longer than the limit', () => {
  // Written by hand: [text, maxChars, expected]. The long word is cut between graphemes and the whole excerpt,
  // ellipsis included, stays within maxChars.
  const cases: Array<[string, string, number, string]> = [
    ['a German compound', 'Donaudampfschifffahrtsgesellschaftskapitän steers.', 20, 'Donaudampfschifffah…'],
    ['a Welsh place name', 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch is in Wales', 20, 'Llanfairpwllgwyngyl…'],
    ['accents written as combining marks', 'e\u0301'.repeat(12) + ' done', 10, 'e\u0301e\u0301e\u0301e\u0301…'],
    ['Devanagari with vowel signs', 'किताबें'.repeat(4) + ' है', 9, 'किताबें…'],
    ['decomposed Hangul syllables', '한국어뉴스'.normalize('NFD').repeat(3) + ' x', 8, '한국'.normalize('NFD') + '…'],
    ['an opening bracket before the long word', '(' + 'z'.repeat(40) + ') and more', 10, '(zzzzzzzz…'],
    ['a short word before the long one', 'On ' + 'x'.repeat(50) + ' today', 30, 'On ' + 'x'.repeat(26) + '…'],
    ['nothing but brackets before the long word', '('.repeat(16) + 'z'.repeat(40), 30, '('.repeat(16) + 'z'.repeat(13) + '…'],
  ];
  for (const [name, text, maxChars, expected] of cases) {
    it(`cuts ${name} inside the word instead of returning nothing`, () => {
      const excerpt = truncateWords(text, 15, maxChars);
      expect(excerpt).toBe(expected);
      expect(excerpt.length).toBeLessThanOrEqual(maxChars);
    });
  }

  it('derives a non-empty excerpt from a body that starts with a 400-letter word', () => {
    const excerpt = excerptFor({ bodyHtml: `<p>${'ab'.repeat(200)} and then the news.</p>` });
    expect(excerpt).toBe(`${'ab'.repeat(159)}a…`);
  });

  it('still cuts between words when the long word comes late', () => {
    expect(truncateWords(`Rates held steady ${'x'.repeat(50)}`, 15, 30)).toBe('Rates held steady…');
  });
});

describe('excerptFor', () => {
  it("prefers the editor's own excerpt, as plain text", () => {
    expect(excerptFor({ excerpt: 'Our <b>own</b> summary &amp; more', bodyHtml: '<p>Body text</p>' })).toBe('Our own summary & more');
  });

  it('derives from the paragraphs, never leaving markup, headings or entities behind', () => {
    const bodyHtml =
      '<h2 id="x">A heading</h2><p>First <a href="/x">linked</a> words &amp; <em>more</em> of them here, and then</p><p>yet more text follows in a second paragraph for sure.</p>';
    const excerpt = excerptFor({ bodyHtml, words: 8 });
    expect(excerpt).toBe('First linked words & more of them here, and…');
    expect(excerpt).not.toMatch(/[<>]|&amp;/);
  });

  it('handles the hostile body of wpimporter-wxr-utf-8-challenges.xml', () => {
    const xml = readCorpus('wxr/wpimporter-wxr-utf-8-challenges.xml');
    const [body] = elementTexts(xml, 'content:encoded');
    const excerpt = excerptFor({ bodyHtml: body!, words: 15 });
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/<|>|&#|<!--/);
    expect(excerpt.startsWith('T')).toBe(true);
  });
});
