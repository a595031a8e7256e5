import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSanitizeCase, sanitizeCaseFiles, type SanitizeCase } from '../../test/support/feedparser-cases.js';
import { canonicalHtml, scriptVectors } from '../../test/support/html-check.js';
import { differenceKind } from '../../test/support/sanitiser-difference.js';
import { sanitizeHtml } from './sanitize-html.js';

/** The reviewed list: category → file names (without .xml), from the fenced block of docs/sanitiser-review.md. */
function reviewedList(): Map<string, string> {
  const doc = readFileSync(new URL('../../docs/sanitiser-review.md', import.meta.url), 'utf8');
  const block = /```text\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const byFile = new Map<string, string>();
  for (const line of block.split('\n')) {
    const match = /^([\w-]+) \((\d+)\): (.*)$/.exec(line.trim());
    if (!match) continue;
    const files = match[3]!.split(/,\s*/).filter(Boolean);
    expect(files, `the count of ${match[1]} in docs/sanitiser-review.md`).toHaveLength(Number(match[2]));
    for (const file of files) byFile.set(`${file}.xml`, match[1]!);
  }
  return byFile;
}

describe("our sanitiser against feedparser's 745 sanitiser cases (../shared/corpus/feeds/feedparser-sanitize)", () => {
  const cases: SanitizeCase[] = sanitizeCaseFiles().map(readSanitizeCase);

  it('reads every case: a description, the unsafe input and (all but one) the expected output', () => {
    expect(cases).toHaveLength(745);
    for (const entry of cases) {
      expect(entry.description, entry.file).not.toBe('');
      expect(entry.input, entry.file).not.toBe('');
    }
    expect(cases.filter((entry) => entry.expected === undefined).map((entry) => entry.file)).toEqual(['large_atom_feed_that_needs_css_sanitisation.xml']);
    const script = cases.find((entry) => entry.file === 'item_description_script.xml')!;
    expect(script.input).toBe(`safe<script type="text/javascript">location.href='http:/'+'/example.com/';</script> description`);
    expect(script.expected).toBe('safe description');
  });

  it('leaves no script vector in any output, and sanitising twice changes nothing', () => {
    const found: string[] = [];
    for (const entry of cases) {
      const ours = sanitizeHtml(entry.input);
      for (const vector of scriptVectors(ours)) found.push(`${entry.file}: ${vector}`);
      if (canonicalHtml(sanitizeHtml(ours)) !== canonicalHtml(ours)) found.push(`${entry.file}: not stable under a second pass`);
    }
    expect(found).toEqual([]);
  });

  it('differs from feedparser only in the reviewed ways, each case as listed in docs/sanitiser-review.md', () => {
    const reviewed = reviewedList();
    const mismatches: string[] = [];
    const counts = new Map<string, number>();
    for (const entry of cases) {
      if (entry.expected === undefined) continue;
      const kind = differenceKind(sanitizeHtml(entry.input), entry.expected, entry.input);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      if (kind.startsWith('unreviewed')) mismatches.push(`${entry.file}: ${kind}`);
      else if (reviewed.get(entry.file) !== kind) mismatches.push(`${entry.file}: now ${kind}, listed as ${reviewed.get(entry.file) ?? 'nothing'}`);
    }
    expect(mismatches).toEqual([]);
    expect(reviewed.size).toBe(744);
    expect([...counts.keys()].sort()).toEqual(['drops-markup', 'drops-markup-adds-noopener', 'drops-text', 'end-tag-br-is-a-line-break', 'same']);
  });

  it('classifies differences as intended', () => {
    expect(differenceKind('<p>x</p>', '<p>x</p>\n', '')).toBe('same');
    expect(differenceKind('x', '<span style="color: red">x</span>', '')).toBe('drops-markup');
    expect(differenceKind('<a href="http://e.test/" rel="noopener">x</a>', '<a href="http://e.test/" style="width: 1px">x</a>', '')).toBe('drops-markup-adds-noopener');
    expect(differenceKind('a b', 'a script b', '')).toBe('drops-text');
    expect(differenceKind('<img src=x>', '', '')).toMatch(/^unreviewed: we keep elements/);
    expect(differenceKind('<a href="x" onclick="y">t</a>', '<a href="x">t</a>', '')).toMatch(/^unreviewed: we keep attributes/);
    expect(differenceKind('a b c', 'a b', '')).toMatch(/^unreviewed: our text differs/);
  });
});
