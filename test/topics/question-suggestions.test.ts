import { describe, expect, it } from 'vitest';
import { suggestQuestions } from '../../src/topics/suggest-questions.js';

const HEADLINE = 'Pakistan approves CIS-MOA with United States';

describe('question suggestions from key facts (expectations written by hand)', () => {
  const facts = [
    { label: 'CIS-MOA', value: 'Communication Interoperability and Security Memorandum of Agreement' },
    { label: 'First signed', value: '2005' },
    { label: 'Chief of Army Staff', value: 'General Asim Munir' },
    { label: 'Note', value: 'renewed after five years' },
  ];
  const others = [
    { label: 'RBI', value: 'Reserve Bank of India' },
    { label: 'MPC', value: 'Monetary Policy Committee' },
    { label: 'Governor', value: 'Sanjay Malhotra' },
    { label: 'Repo rate', value: '5.5 per cent' },
  ];
  const questions = suggestQuestions(facts, HEADLINE, others);

  it('asks what an acronym stands for, with the other expansions as wrong options', () => {
    const q = questions.find((question) => question.fact.label === 'CIS-MOA')!;
    expect(q.question).toBe('What does CIS-MOA stand for?');
    expect([...q.options].sort()).toEqual(
      ['Communication Interoperability and Security Memorandum of Agreement', 'Monetary Policy Committee', 'Reserve Bank of India'].sort(),
    );
    expect(q.options[q.answer]).toBe('Communication Interoperability and Security Memorandum of Agreement');
    expect(q.explanation).toBe('CIS-MOA: Communication Interoperability and Security Memorandum of Agreement.');
  });

  it('asks for a year with near years as wrong options', () => {
    const q = questions.find((question) => question.fact.label === 'First signed')!;
    expect(q.question).toBe('Pakistan approves CIS-MOA with United States: in which year was it first signed?');
    expect([...q.options].sort()).toEqual(['2002', '2004', '2005', '2007']);
    expect(q.options[q.answer]).toBe('2005');
  });

  it('asks who holds a role, with other people as wrong options', () => {
    const q = questions.find((question) => question.fact.label === 'Chief of Army Staff')!;
    expect(q.question).toBe('Who is the Chief of Army Staff?');
    expect([...q.options].sort()).toEqual(['General Asim Munir', 'Sanjay Malhotra']);
  });

  it('makes no question from a fact it cannot ask about, and none without a wrong option', () => {
    expect(questions.map((question) => question.fact.label)).toEqual(['CIS-MOA', 'First signed', 'Chief of Army Staff']);
    expect(suggestQuestions([{ label: 'Governor', value: 'Sanjay Malhotra' }], 'Rates held')).toEqual([]);
  });

  it('gives amounts near values of the same unit', () => {
    expect(suggestQuestions([{ label: 'Budget', value: '$400 million' }], 'Metro approved')[0]!.options.sort()).toEqual(['$300 million', '$400 million', '$500 million', '$600 million']);
    const [q] = suggestQuestions([{ label: 'Repo rate', value: '5.5 per cent' }], 'RBI holds rates');
    expect(q!.question).toBe('RBI holds rates: what was the repo rate?');
    expect([...q!.options].sort()).toEqual(['5.0 per cent', '5.5 per cent', '6.0 per cent', '6.5 per cent'].sort());
  });

  it('puts the right answer in the same place every time', () => {
    expect(suggestQuestions(facts, HEADLINE, others)).toEqual(questions);
    // Not always first: over these three questions the answer is not at index 0 in every one.
    expect(questions.some((question) => question.answer !== 0)).toBe(true);
  });
});
