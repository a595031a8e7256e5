import { ACRONYM_PATTERN } from './extract-entities.js';
import type { KeyFact } from './suggest-key-facts.js';

/**
 * Multiple-choice questions suggested from a story's key facts (issue 12), for an editor to accept, edit or
 * drop; the shape of a `quiz_questions` row. Wrong options come from the other facts of the same kind (the
 * day's other stories give the best ones), or, for years and amounts, from near values. A fact with no
 * plausible wrong option gives no question.
 */
export interface SuggestedQuestion {
  question: string;
  /** 2–4 options, the right one among them. */
  options: string[];
  /** Index of the right option. */
  answer: number;
  explanation: string;
  /** The fact the question was made from. */
  fact: KeyFact;
}

type FactKind = 'acronym' | 'role' | 'year' | 'amount';

const ACRONYM = new RegExp(`^${ACRONYM_PATTERN}$`);
const YEAR = /^(?:(?:\d{1,2} )?[A-Z][a-z]+ (?:\d{1,2}, )?)?((?:1[89]|20)\d{2})$/;
const AMOUNT = /^([^\d]*)(\d[\d,]*(?:\.\d+)?)(.*)$/;
/** A value that looks like a person's name: two to five capitalised words. */
const PERSON = /^(?:[A-Z][\p{L}'’.-]*|bin|von|van|der|de|da|al)(?: (?:[A-Z][\p{L}'’.-]*|bin|von|van|der|de|da|al)){1,5}$/u;

function kindOf(fact: KeyFact): FactKind | undefined {
  if (ACRONYM.test(fact.label) && /\s/.test(fact.value)) return 'acronym';
  if (YEAR.test(fact.value)) return 'year';
  if (PERSON.test(fact.value)) return 'role';
  if (AMOUNT.test(fact.value)) return 'amount';
  return undefined;
}

/** A small, stable hash: the same question always puts its right answer in the same place. */
function hash(text: string): number {
  let value = 2166136261;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 16777619);
  return value >>> 0;
}

function nearYears(year: number): string[] {
  return [year - 3, year + 2, year - 1, year + 5].map(String);
}

function nearAmounts(value: string): string[] {
  const [, before = '', digits = '0', after = ''] = AMOUNT.exec(value) ?? [];
  const number = Number(digits.replace(/,/g, ''));
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  // Half a unit either side of a decimal ("5.5 per cent" → 6.0, 5.0, 6.5); about a quarter of a whole number.
  const step = decimals > 0 ? 0.5 : Math.max(1, Math.round(number / 4));
  return [number + step, number - step, number + 2 * step]
    .filter((near) => near > 0)
    .map((near) => `${before}${near.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}${after}`);
}

function questionText(fact: KeyFact, kind: FactKind, headline: string): string {
  switch (kind) {
    case 'acronym':
      return `What does ${fact.label} stand for?`;
    case 'role':
      return `Who is the ${fact.label}?`;
    case 'year':
      return `${headline}: in which year was it ${fact.label.toLowerCase()}?`;
    case 'amount':
      return `${headline}: what was the ${fact.label.toLowerCase()}?`;
  }
}

/**
 * Questions from `facts` (one story's key facts, `headline` its headline), with wrong options from `others`
 * (key facts of other stories), at most one per fact, in the facts' order.
 */
export function suggestQuestions(facts: readonly KeyFact[], headline: string, others: readonly KeyFact[] = []): SuggestedQuestion[] {
  const pool = [...facts, ...others];
  const questions: SuggestedQuestion[] = [];
  for (const fact of facts) {
    const kind = kindOf(fact);
    if (!kind) continue;
    const sameKind = pool.filter((other) => other.value !== fact.value && kindOf(other) === kind).map((other) => other.value);
    const wrong =
      kind === 'year' ? nearYears(Number(YEAR.exec(fact.value)![1])) : kind === 'amount' ? nearAmounts(fact.value) : [...new Set(sameKind)];
    const distractors = wrong.filter((option) => option !== fact.value).slice(0, 3);
    if (distractors.length === 0) continue;
    const question = questionText(fact, kind, headline);
    const answer = hash(question) % (distractors.length + 1);
    const options = [...distractors];
    options.splice(answer, 0, fact.value);
    questions.push({ question, options, answer, explanation: `${fact.label}: ${fact.value}.`, fact });
  }
  return questions;
}
