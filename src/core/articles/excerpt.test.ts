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
