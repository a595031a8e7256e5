import { ACRONYM_PATTERN, escapeRegExp } from './extract-entities.js';

/**
 * Key facts a story suggests for its "Key facts" box (issue 12): label → value lines an editor accepts,
 * edits or drops. Found by rules over the plain text, no network:
 * - an acronym and its expansion: "Reserve Bank of India (RBI)" or "CIS-MOA (Communication … Agreement)";
 * - a role and who holds it: "Chief of Army Staff General Asim Munir", "Sanjay Malhotra, Governor of the
 *   Reserve Bank of India,";
 * - what happened in a year: "first signed in 2005", "expired in 2020";
 * - an amount with its unit after what it measures: "repo rate unchanged at 5.5 per cent",
 *   "a budget of $4.2 billion".
 * Each label once, in the order the story gives them, at most MAX_SUGGESTIONS.
 */
export interface KeyFact {
  label: string;
  value: string;
}

export const MAX_SUGGESTIONS = 10;

/** Small words an acronym skips ("Ministry of External Affairs" → MEA). */
const SKIPPED = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', '&', 'de']);

/**
 * Whether `acronym` spells `words`: every word but the small ones gives its initial (or all its capitals,
 * "InterContinental"), a small word may give its initial or nothing ("Memorandum of Agreement" → MOA or MA).
 */
function spells(acronym: string, words: string[]): boolean {
  const letters = acronym.replace(/[^A-Z]/g, '');
  const match = (word: number, at: number): boolean => {
    if (word === words.length) return at === letters.length;
    const text = words[word]!;
    const initial = text[0]!.toUpperCase();
    const capitals = text.replace(/[^A-Z]/g, '');
    if (SKIPPED.has(text.toLowerCase())) return match(word + 1, at) || (letters[at] === initial && match(word + 1, at + 1));
    if (letters[at] === initial && match(word + 1, at + 1)) return true;
    return capitals.length > 1 && letters.startsWith(capitals, at) && match(word + 1, at + capitals.length);
  };
  return letters.length >= 2 && match(0, 0);
}

/** The shortest run of words ending at the end of `before` that spells `acronym`, if any. */
function expansionBefore(before: string, acronym: string): string | undefined {
  const words = before.trim().split(/\s+/);
  for (let take = 2; take <= Math.min(words.length, 12); take++) {
    const run = words.slice(-take);
    if (!/^\p{Lu}/u.test(run[0]!)) continue;
    if (spells(acronym, run)) return run.join(' ').replace(/^(?:the|The)\s+/, '');
  }
  return undefined;
}


function acronymFacts(text: string): Array<KeyFact & { at: number }> {
  const facts: Array<KeyFact & { at: number }> = [];
  // "Full Name (ACR)"
  for (const match of text.matchAll(new RegExp(String.raw`\((${ACRONYM_PATTERN})\)`, 'g'))) {
    const acronym = match[1]!;
    const expansion = expansionBefore(text.slice(Math.max(0, match.index - 200), match.index), acronym);
    if (expansion) facts.push({ label: acronym, value: expansion, at: match.index });
  }
  // "ACR (Full Name)"
  for (const match of text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])(${ACRONYM_PATTERN}) \(([^()]{4,160})\)`, 'gu'))) {
    const acronym = match[1]!;
    const words = match[2]!.trim().split(/\s+/);
    if (/^\p{Lu}/u.test(words[0]!) && spells(acronym, words)) facts.push({ label: acronym, value: match[2]!.trim(), at: match.index });
  }
  return facts;
}

/** Roles written before a name, longest first; the name is two to four capitalised words after the role. */
const ROLES = [
  'Chief of Army Staff', 'Chief of Naval Staff', 'Chief of Air Staff', 'Chief of Defence Staff', 'Chief Justice of India', 'Chief Justice',
  'Chief Election Commissioner', 'Chief Economic Adviser', 'Chief Minister', 'Prime Minister', 'Deputy Prime Minister', 'Foreign Minister',
  'Finance Minister', 'Defence Minister', 'External Affairs Minister', 'Home Minister', 'Vice President', 'Vice-President', 'President', 'Secretary-General',
  'Governor', 'Deputy Governor', 'Chairman', 'Chairperson', 'Director-General', 'Director General', 'Managing Director', 'Chief Executive',
  'Ambassador', 'High Commissioner', 'Speaker', 'Mayor', 'Chancellor', 'King', 'Crown Prince', 'Emir',
].sort((a, b) => b.length - a.length);
const RANKS = new Set(['General', 'Admiral', 'Air', 'Chief', 'Marshal', 'Field', 'Lieutenant', 'Major', 'Dr', 'Dr.', 'Justice']);


const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const NAME = String.raw`(?:${NAME_WORD}|(?:bin|von|van|der|de|da|al))(?: (?:${NAME_WORD}|bin|von|van|der|de|da|al)){1,5}`;

function roleFacts(text: string): Array<KeyFact & { at: number }> {
  const facts: Array<KeyFact & { at: number }> = [];
  // "Chief of Army Staff General Asim Munir": the role, then (a rank and) the name.
  const before = new RegExp(String.raw`(?<![\p{L}])(${ROLES.map(escapeRegExp).join('|')}) (${NAME})`, 'gu');
  for (const match of text.matchAll(before)) {
    const name = trimName(match[2]!);
    if (name.split(' ').filter((word) => !RANKS.has(word)).length >= 2) facts.push({ label: match[1]!, value: name, at: match.index });
  }
  // "Sanjay Malhotra, Governor of the Reserve Bank of India,": the name, then its role.
  // The name starts where a word starts: without that, a long capitalised run is tried from every letter.
  const after = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}'’.-])(${NAME}), (?:the )?(${ROLES.map(escapeRegExp).join('|')})(?: of (?:the )?((?:\p{Lu}[\p{L}'’-]*|of|and|the)(?: (?:\p{Lu}[\p{L}'’-]*|of|and|the))*))?(?=[,.;])`, 'gu');
  for (const match of text.matchAll(after)) {
    const name = trimName(match[1]!);
    const of = match[3]?.replace(/ (?:of|and|the)$/, '');
    if (name.split(' ').length >= 2) facts.push({ label: of ? `${match[2]} of ${/^(?:Reserve|State|World|Asian|European|International|National|Federal)/.test(of) ? 'the ' : ''}${of}` : match[2]!, value: name, at: match.index });
  }
  return facts;
}

/** A name without a full stop or comma the pattern took at its end. */
function trimName(name: string): string {
  return name.replace(/[.,]$/, '').trim();
}

const VERBS = String.raw`(?:first |last |was |were |is |has been |had been )?(?:signed|launched|founded|established|set up|formed|expired|began|started|ended|held|hosted|won|elected|appointed|inaugurated|introduced|adopted|ratified|renewed|built|completed|commissioned|declared|announced|created|opened|abolished|merged|awarded)`;

function yearFacts(text: string): Array<KeyFact & { at: number }> {
  const facts: Array<KeyFact & { at: number }> = [];
  const pattern = new RegExp(String.raw`(?<![\p{L}])(${VERBS}) (?:in|on) ((?:(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December) (?:\d{1,2}, )?)?(?:1[89]|20)\d{2})(?!\d)`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const verb = match[1]!.replace(/^(?:was|were|is|has been|had been) /, '');
    facts.push({ label: verb[0]!.toUpperCase() + verb.slice(1), value: match[2]!, at: match.index });
  }
  return facts;
}

const AMOUNT = String.raw`(?:(?:US)?\$|₹|Rs\.? ?|€|£|¥)?\d[\d,]*(?:\.\d+)?(?: ?(?:per cent|percent|%|basis points|bps|crore|lakh|million|billion|trillion|km|kilometres|kilometers|tonnes|tons|MW|GW|kg|metres|meters|years|days))+|(?:US)?\$\d[\d,]*(?:\.\d+)?|₹\d[\d,]*(?:\.\d+)?`;

function amountFacts(text: string): Array<KeyFact & { at: number }> {
  const facts: Array<KeyFact & { at: number }> = [];
  // "the repo rate unchanged at 5.5 per cent", "a budget of $4.2 billion", "GDP grew 6.5 per cent".
  const verbs = 'unchanged|steady|grew|rose|fell|increased|decreased|cut|raised|stood|was|is|reached|climbed|dropped|held|kept|left|set';
  // The measure's words: not small words, not the verbs that link it to the amount.
  const word = String.raw`(?!(?:the|its|a|an|at|to|of|by|in|on|and|with|from|for|year|years|month|months|week|quarter|${verbs})\b)[\p{L}-]+`;
  const pattern = new RegExp(String.raw`(?<![\p{L}])((?:${word} ){0,2}${word})(?: (?:${verbs}))?(?: by| at| to| of)? (${AMOUNT})`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const subject = match[1]!.trim();
    const words = subject.split(' ');
    // The subject must name a measure: not a verb or a small word left over from the sentence.
    if (words.some((word) => /^(?:at|to|of|by|in|on|and|the|was|is|with|from|for|about|over|under|nearly|almost|some|around|than)$/i.test(word))) continue;
    if (/^(?:unchanged|steady|grew|rose|fell|increased|decreased|cut|raised|stood|reached|climbed|dropped|kept|held|set|said|announced)$/i.test(words.at(-1)!)) continue;
    facts.push({ label: subject[0]!.toUpperCase() + subject.slice(1), value: match[2]!.trim(), at: match.index });
  }
  return facts;
}

/** Suggested key facts for a story's plain text (headline, standfirst and body without markup). */
export function suggestKeyFacts(text: string): KeyFact[] {
  const all = [...acronymFacts(text), ...roleFacts(text), ...yearFacts(text), ...amountFacts(text)].sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const facts: KeyFact[] = [];
  for (const { label, value } of all) {
    const key = label.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    facts.push({ label, value });
    if (facts.length === MAX_SUGGESTIONS) break;
  }
  return facts;
}
