export interface Category {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  /** Place among its siblings in the navigation, lowest first; 0 = not placed by hand (alphabetical). */
  position: number;
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
}

/** Ids of `rootId` and every category below it, in the order found (breadth first). Cycles are ignored. */
export function descendantIds(categories: readonly Category[], rootId: number): number[] {
  const result = [rootId];
  const seen = new Set(result);
  for (let i = 0; i < result.length; i++) {
    for (const category of categories) {
      if (category.parentId === result[i] && !seen.has(category.id)) {
        seen.add(category.id);
        result.push(category.id);
      }
    }
  }
  return result;
}

/** Categories with no parent, in the order given. */
export function topLevel(categories: readonly Category[]): Category[] {
  return categories.filter((category) => category.parentId === null);
}

/** `id` and every category above it, nearest first. Cycles are cut. */
export function ancestorIds(categories: readonly Category[], id: number | null): number[] {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const result: number[] = [];
  for (let current = id; current !== null && !result.includes(current); current = byId.get(current)?.parentId ?? null) {
    if (!byId.has(current)) break;
    result.push(current);
  }
  return result;
}
