import { describe, expect, it } from 'vitest';
import { adjacentPairs, articleIdOfKey, maxKeyAt, publishedAtOfKey, searchDocument, searchKey } from './document.js';
import { parseSearchQuery } from './query.js';
import { rankCandidates, score } from './search.js';
import { markedTitleHtml, snippetHtml } from './snippet.js';
import { foldWord, indexWords } from './words.js';

// Every expectation below is written by hand from the rules in docs/adr/0010-search.md.

describe('words', () => {
  it.each([
    ['Café', 'cafe'],
    ['ZÜRICH', 'zurich'],
    ['São', 'sao'],
    ['Straße', 'strasse'],
    ['Øresund', 'oresund'],
    ['Łódź', 'lodz'],
    ['U.S.', 'us'],
    ["Pakistan's", 'pakistans'],
    ['don’t', 'dont'],
    ['ﬁnance', 'finance'],
  ])('folds %s to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  it('drops stopwords, stems English words and keeps numbers and other scripts', () => {
    expect(indexWords('The Bank of England raised rates in 2026')).toEqual(['bank', 'england', 'rais', 'rate', '2026']);
    expect(indexWords('Councils are running the elections')).toEqual(['council', 'run', 'elect']);
    expect(indexWords('G20 summit, کراچی')).toEqual(['g20', 'summit', 'کراچی']);
    // Porter turns a final y after a consonant into i (may → mai), in documents and queries alike.
    expect(indexWords('US and WHO, IT and May')).toEqual(['us', 'who', 'it', 'mai']);
  });
});

describe('parseSearchQuery', () => {
  it('reads words, phrases, exclusions and prefixes', () => {
    expect(parseSearchQuery('"bank of england" rates -brexit defen*')).toEqual({
      must: [
        { kind: 'phrase', words: ['bank', 'england'] },
        { kind: 'word', word: 'rate' },
        { kind: 'prefix', prefix: 'defen' },
      ],
      not: [{ kind: 'word', word: 'brexit' }],
      highlight: { words: ['bank', 'england', 'rate'], prefixes: ['defen'] },
    });
  });

  it('reads an unspaced run as a phrase, and a prefix of a whole word as its stem', () => {
    expect(parseSearchQuery('CIS-MOA').must).toEqual([{ kind: 'phrase', words: ['ci', 'moa'] }]);
    expect(parseSearchQuery('elections*').must).toEqual([{ kind: 'prefix', prefix: 'elect' }]);
    // "city" is filed as "citi": the prefix is what the word and its stem share.
    expect(parseSearchQuery('city*').must).toEqual([{ kind: 'prefix', prefix: 'cit' }]);
    expect(parseSearchQuery('happy*').must).toEqual([{ kind: 'prefix', prefix: 'happ' }]);
  });

  it('names what makes a query empty', () => {
    expect(parseSearchQuery('').problem).toBe('empty');
    expect(parseSearchQuery('   " "  ').problem).toBe('empty');
    expect(parseSearchQuery('the of and').problem).toBe('only-stopwords');
    expect(parseSearchQuery('-cricket -"test match"').problem).toBe('only-exclusions');
    expect(parseSearchQuery('a*').problem).toBe('only-stopwords');
  });

  it('keeps at most twelve clauses and drops repeats', () => {
    const query = parseSearchQuery('one two three four five six seven eight nine ten eleven twelve thirteen two');
    expect(query.must).toHaveLength(12);
    expect(parseSearchQuery('council Council COUNCILS').must).toEqual([{ kind: 'word', word: 'council' }]);
  });

  it('closes an unbalanced quote at the end', () => {
    expect(parseSearchQuery('"prime minister').must).toEqual([{ kind: 'phrase', words: ['prime', 'minist'] }]);
  });
});

describe('keys and documents', () => {
  const at = new Date('2026-11-29T10:00:30.000Z');

  it('files an article under its publication minute rounded up, and gives its id back', () => {
    const key = searchKey(at, 4242);
    expect(articleIdOfKey(key)).toBe(4242);
    expect(publishedAtOfKey(key).toISOString()).toBe('2026-11-29T10:01:00.000Z');
    // Not public at 10:00:59, public from 10:01.
    expect(key > maxKeyAt(new Date('2026-11-29T10:00:59.999Z'))).toBe(true);
    expect(key <= maxKeyAt(new Date('2026-11-29T10:01:00.000Z'))).toBe(true);
    expect(searchKey(at, 2) > searchKey(at, 1)).toBe(true);
    expect(searchKey(new Date('2026-11-29T10:02:00Z'), 1) > searchKey(at, 9999)).toBe(true);
    expect(() => searchKey(at, 2 ** 26)).toThrow(RangeError);
  });

  it('indexes only published articles that are not noindex, with pairs and filter words', () => {
    const source = {
      id: 7,
      title: 'Council budget',
      dek: 'Rates rise',
      bodyHtml: '<p>The <em>council</em> met.</p>',
      status: 'published',
      publishedAt: at,
      noindex: false,
      primaryCategoryId: 3,
      authorIds: [5, 5, 6],
      tags: [{ id: 9, name: 'Local Government' }],
    };
    // Two tags never make a pair across their names.
    expect(searchDocument({ ...source, tags: [{ id: 1, name: 'Rail' }, { id: 2, name: 'Strikes' }] })?.tags).toEqual(['rail', 'strike']);
    expect(searchDocument(source)).toEqual({
      articleId: 7,
      key: searchKey(at, 7),
      title: ['council', 'budget', 'council\u00b7budget'],
      dek: ['rate', 'rise', 'rate\u00b7rise'],
      tags: ['local', 'govern', 'local\u00b7govern'],
      body: ['council', 'met', 'council\u00b7met'],
      facets: ['s3', 'a5', 'a6', 't9'],
    });
    expect(searchDocument({ ...source, noindex: true })).toBeUndefined();
    expect(searchDocument({ ...source, status: 'draft' })).toBeUndefined();
    expect(searchDocument({ ...source, publishedAt: null })).toBeUndefined();
    expect(adjacentPairs(['a'])).toEqual([]);
  });
});

describe('ranking', () => {
  const now = new Date('2026-11-29T12:00:00.000Z');
  const keyAgo = (days: number, id: number) => searchKey(new Date(now.getTime() - days * 86_400_000), id);

  it('blends field weight with freshness as the ADR says', () => {
    expect(score('title', keyAgo(0, 1), now)).toBeCloseTo(8, 5);
    expect(score('title', keyAgo(30, 1), now)).toBeCloseTo(6, 5);
    expect(score('any', keyAgo(30, 1), now)).toBeCloseTo(0.75, 5);
    expect(score('dek', keyAgo(3650, 1), now)).toBeCloseTo(2, 5);
  });

  it('puts headline matches first, newer before older, and a fresh body match after an old headline', () => {
    const freshBody = keyAgo(0.5, 1);
    const oldTitle = keyAgo(1800, 2);
    const newTitle = keyAgo(2, 3);
    const weekDek = keyAgo(7, 4);
    const ranked = rankCandidates(
      [
        { field: 'any', keys: [freshBody, newTitle, weekDek, oldTitle] },
        { field: 'title', keys: [newTitle, oldTitle] },
        { field: 'dek', keys: [weekDek] },
        { field: 'tags', keys: [] },
      ],
      now,
    );
    expect(ranked).toEqual([newTitle, oldTitle, weekDek, freshBody]);
  });

  it('orders equal scores newest first', () => {
    const a = keyAgo(1, 10);
    const b = keyAgo(1, 11);
    expect(rankCandidates([{ field: 'any', keys: [a, b] }], now)).toEqual([b, a]);
  });
});

describe('snippets', () => {
  const query = (text: string) => parseSearchQuery(text).highlight;

  it('marks the matched words as written, escapes the rest, and cuts with an ellipsis', () => {
    expect(snippetHtml('Protest at the Café <b>near</b> the station', query('cafe'))).toBe(
      'Protest at the <mark>Café</mark> &lt;b&gt;near&lt;/b&gt; the station',
    );
    const long = `${'word '.repeat(50)}The councils met. ${'more '.repeat(50)}`;
    const html = snippetHtml(long, query('council'))!;
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('The <mark>councils</mark> met.');
  });

  it('prefers the passage holding the most different matched words', () => {
    const text = `Budget news. ${'filler '.repeat(40)}The council passed its budget today. ${'filler '.repeat(40)}`;
    expect(snippetHtml(text, query('council budget'))).toContain('The <mark>council</mark> passed its <mark>budget</mark> today.');
  });

  it('gives nothing when no word matches, and marks prefixes in headlines', () => {
    expect(snippetHtml('Nothing here', query('council'))).toBeUndefined();
    expect(markedTitleHtml('Defence & defending <x>', query('defen*'))).toBe('<mark>Defence</mark> &amp; <mark>defending</mark> &lt;x&gt;');
  });
});
