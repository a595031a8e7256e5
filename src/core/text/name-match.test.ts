import { describe, expect, it } from 'vitest';
import { rankByName } from './name-match.js';

const PEOPLE = [
  { name: 'Claire Donnelly', slug: 'claire-donnelly' },
  { name: 'Imran Qadir', slug: 'imran-qadir' },
  { name: 'Farah Siddiqui', slug: 'farah-siddiqui' },
  { name: 'Ahmad Farooq', slug: 'ahmad-farooq' },
];
const names = (person: { name: string; slug: string }) => [person.name, person.slug];

describe('rankByName', () => {
  const cases: Array<[string, string, number, string[]]> = [
    ['a name that starts with the text comes first', 'far', 10, ['Farah Siddiqui', 'Ahmad Farooq']],
    ['any case, spaces squeezed', '  IMRAN   q', 10, ['Imran Qadir']],
    ['a word inside the name counts before a match in the middle of a word', 'dir', 10, ['Imran Qadir']],
    ['the slug is searched too', 'claire-d', 10, ['Claire Donnelly']],
    ['a match inside a word still counts, last', 'arah', 10, ['Farah Siddiqui']],
    ['nothing matches', 'zebra', 10, []],
    ['an empty query keeps everything in the given order, up to the limit', '', 2, ['Claire Donnelly', 'Imran Qadir']],
    ['the limit caps the answer', 'a', 1, ['Ahmad Farooq']],
  ];
  for (const [what, query, limit, expected] of cases) {
    it(what, () => expect(rankByName(PEOPLE, query, names, limit).map((person) => person.name)).toEqual(expected));
  }
});
