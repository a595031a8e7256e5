import { describe, expect, it } from 'vitest';
import { typedQuery } from './suggest.js';

describe('typedQuery: what a half-typed query asks for', () => {
  const cases: Array<[input: string, must: unknown[], not?: unknown[]]> = [
    ['lightho', [{ kind: 'prefix', prefix: 'lightho' }]],
    ['Lightho', [{ kind: 'prefix', prefix: 'lightho' }]],
    // Earlier words are whole (stemmed) words; the last is completed from its stem.
    ['lighthouse keepers', [{ kind: 'word', word: 'lighthous' }, { kind: 'prefix', prefix: 'keeper' }]],
    ['elections', [{ kind: 'prefix', prefix: 'elect' }]],
    // Indexed as "citi": the part the word and its stem share.
    ['city', [{ kind: 'prefix', prefix: 'cit' }]],
    ['Café', [{ kind: 'prefix', prefix: 'cafe' }]],
    // A space ends the word.
    ['lightho ', [{ kind: 'word', word: 'lightho' }]],
    // One letter is too early to guess; a stopword typed in full stays a stopword.
    ['lighthouse k', [{ kind: 'word', word: 'lighthous' }]],
    ['lighthouse the', [{ kind: 'word', word: 'lighthous' }]],
    ['the', []],
    ['lighthouse th', [{ kind: 'word', word: 'lighthous' }, { kind: 'prefix', prefix: 'th' }]],
    // Phrases, exclusions, explicit prefixes and joined runs read as on the search page.
    ['"lighthouse keep', [{ kind: 'phrase', words: ['lighthous', 'keep'] }]],
    ['harbour -lightho', [{ kind: 'word', word: 'harbour' }], [{ kind: 'word', word: 'lightho' }]],
    ['defen*', [{ kind: 'prefix', prefix: 'defen' }]],
    ['CIS-MO', [{ kind: 'phrase', words: ['ci', 'mo'] }]],
    ['lighthouse,', [{ kind: 'word', word: 'lighthous' }]],
    ['', []],
  ];
  for (const [input, must, not = []] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      const query = typedQuery(input);
      expect({ must: query.must, not: query.not }).toEqual({ must, not });
    });
  }

  it('highlights the completed prefix', () => {
    expect(typedQuery('harbour lightho').highlight).toEqual({ words: ['harbour'], prefixes: ['lightho'] });
  });
});
