import { describe, expect, it } from 'vitest';
import { suggestKeyFacts } from '../../src/topics/suggest-key-facts.js';

// Expectations written by hand from issue 12's examples and the house's news style, not from the rules.
const TABLE: Array<{ text: string; facts: Array<[string, string]> }> = [
  {
    text: 'The Communication Interoperability and Security Memorandum of Agreement (CIS-MOA) was first signed in 2005 and expired in 2020.',
    facts: [
      ['CIS-MOA', 'Communication Interoperability and Security Memorandum of Agreement'],
      ['First signed', '2005'],
      ['Expired', '2020'],
    ],
  },
  {
    text: 'Chief of Army Staff General Asim Munir met the visiting delegation in Rawalpindi.',
    facts: [['Chief of Army Staff', 'General Asim Munir']],
  },
  {
    text: 'The Reserve Bank of India (RBI) kept the repo rate unchanged at 5.5 per cent, Governor Sanjay Malhotra said.',
    facts: [
      ['RBI', 'Reserve Bank of India'],
      ['Repo rate', '5.5 per cent'],
      ['Governor', 'Sanjay Malhotra'],
    ],
  },
  {
    text: 'Kristalina Georgieva, Managing Director of the International Monetary Fund, said growth would slow.',
    facts: [['Managing Director of the International Monetary Fund', 'Kristalina Georgieva']],
  },
  {
    text: 'NATO (North Atlantic Treaty Organization) was founded in 1949.',
    facts: [
      ['NATO', 'North Atlantic Treaty Organization'],
      ['Founded', '1949'],
    ],
  },
  {
    text: 'The council approved a budget of $4.2 billion for the new metro line.',
    facts: [['Budget', '$4.2 billion']],
  },
  {
    text: 'The mission was launched on 14 July 2023 from Sriharikota.',
    facts: [['Launched', '14 July 2023']],
  },
  {
    text: 'Rain fell across the city on Monday and nobody was hurt.',
    facts: [],
  },
];

describe('key-fact suggestions (a table written by hand)', () => {
  for (const { text, facts } of TABLE) {
    it(text.slice(0, 70), () => {
      expect(suggestKeyFacts(text).map(({ label, value }) => [label, value])).toEqual(facts);
    });
  }

  it('does not take capitals that do not spell the acronym for its expansion', () => {
    expect(suggestKeyFacts('Officials in New Delhi met the team from ISRO (the space agency) on Friday.')).toEqual([]);
  });

  it('gives each label once and at most ten', () => {
    const text = Array.from({ length: 14 }, (_, i) => `Bridge ${i + 1} was opened in ${1990 + i}.`).join(' ');
    const facts = suggestKeyFacts(text);
    expect(facts).toEqual([{ label: 'Opened', value: '1990' }]);
    const twelve = ['signed', 'launched', 'founded', 'established', 'expired', 'began', 'started', 'ended', 'held', 'hosted', 'won', 'elected']
      .map((verb, i) => `It was ${verb} in ${2000 + i}.`)
      .join(' ');
    expect(suggestKeyFacts(twelve).map((fact) => fact.label)).toEqual(['Signed', 'Launched', 'Founded', 'Established', 'Expired', 'Began', 'Started', 'Ended', 'Held', 'Hosted']);
  });
});

describe('key-fact suggestions, measures', () => {
  it('names the measure, not the verb before it, nor the period', () => {
    expect(suggestKeyFacts('The Bank of England held Bank Rate at 4 per cent. Prices rose 3.8 per cent over the year.')).toEqual([
      { label: 'Bank Rate', value: '4 per cent' },
      { label: 'Prices', value: '3.8 per cent' },
    ]);
  });

  it('reads a hyphenated role', () => {
    expect(suggestKeyFacts('Vice-President Mahamudu Bawumia conceded on Sunday.')).toEqual([{ label: 'Vice-President', value: 'Mahamudu Bawumia' }]);
  });
});
