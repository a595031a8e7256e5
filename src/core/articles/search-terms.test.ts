import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, searchTerms } from './search-terms.js';

describe('searchTerms', () => {
  it('keeps letters and digits, lower-cased, in order, without duplicates', () => {
    expect(searchTerms('  Pakistan CIS-MOA pakistan 2005! ')).toEqual(['pakistan', 'cis', 'moa', '2005']);
  });

  it('drops every piece of query syntax', () => {
    expect(searchTerms(`" OR 1=1 -- ; DROP TABLE articles; NEAR(a b) title:x* ^y`)).toEqual([
      'or', '1', '1', 'drop', 'table', 'articles', 'near', 'a', 'b', 'title', 'x', 'y',
    ].filter((term, index, all) => all.indexOf(term) === index));
  });

  it('folds compatibility forms and keeps other scripts', () => {
    expect(searchTerms('𝐁𝐚𝐧𝐤 مرحبا Ｆｕｌｌ')).toEqual(['bank', 'مرحبا', 'full']);
  });

  it(`uses at most ${MAX_SEARCH_TERMS} words`, () => {
    expect(searchTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_SEARCH_TERMS);
  });
});
