/**
 * A word-level difference between two texts, for people to read: the texts are split into words and the
 * spaces between them, the longest common run of pieces is kept, and what is left is marked removed or added.
 * Removals come before additions at each place; neighbouring pieces of the same kind are joined, and a
 * lone space between two changes joins the change, so a rewritten phrase reads as one replacement.
 */
export type DiffOp = 'same' | 'removed' | 'added';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Past this many cells (pieces before × pieces after, once the common start and end are set aside), the middle is shown as one replacement. */
const MAX_CELLS = 4_000_000;

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = pieces(before);
  const b = pieces(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(parts, 'removed', midA.join(''));
    push(parts, 'added', midB.join(''));
  } else {
    for (const part of middle(midA, midB)) push(parts, part.op, part.text);
  }
  push(parts, 'same', a.slice(endA).join(''));
  return joinChanges(parts);
}

/** Folds runs of changes separated only by white space into one removal and one addition. */
function joinChanges(parts: readonly DiffPart[]): DiffPart[] {
  const joined: DiffPart[] = [];
  let removed = '';
  let added = '';
  let open = false;
  const flush = () => {
    push(joined, 'removed', removed);
    push(joined, 'added', added);
    removed = '';
    added = '';
    open = false;
  };
  parts.forEach((part, index) => {
    if (part.op === 'removed') removed += part.text;
    else if (part.op === 'added') added += part.text;
    const next = parts[index + 1];
    if (part.op !== 'same') {
      open = true;
    } else if (open && /^\s+$/.test(part.text) && next !== undefined && next.op !== 'same') {
      removed += part.text;
      added += part.text;
    } else {
      flush();
      push(joined, 'same', part.text);
    }
  });
  flush();
  return joined;
}

/** Words and runs of white space, in order; joined they give the text back. */
function pieces(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** The longest common subsequence of two piece lists, walked into parts. */
function middle(a: readonly string[], b: readonly string[]): DiffPart[] {
  const width = b.length + 1;
  // lengths[i * width + j]: the longest common run of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(parts, 'removed', removed);
    push(parts, 'added', added);
    removed = '';
    added = '';
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      push(parts, 'same', a[i]!);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
      removed += a[i++]!;
    } else {
      added += b[j++]!;
    }
  }
  flush();
  return parts;
}

function push(parts: DiffPart[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}
