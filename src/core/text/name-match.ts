/**
 * The items whose names contain `query` (any case, spaces squeezed), best first: names that start with it,
 * then names with a word that starts with it, then the rest; ties keep the order given. At most `limit`.
 * An empty query matches everything, in the order given.
 */
export function rankByName<T>(items: readonly T[], query: string, nameOf: (item: T) => readonly string[], limit: number): T[] {
  const wanted = fold(query);
  const scored: Array<{ item: T; score: number; index: number }> = [];
  items.forEach((item, index) => {
    const score = Math.min(...nameOf(item).map((name) => scoreOf(fold(name), wanted)));
    if (score < Infinity) scored.push({ item, score, index });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item);
}

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();

function scoreOf(name: string, wanted: string): number {
  if (wanted === '') return 0;
  if (name.startsWith(wanted)) return 0;
  if (name.split(/[\s\-–—/]+/).some((word) => word.startsWith(wanted))) return 1;
  return name.includes(wanted) ? 2 : Infinity;
}
