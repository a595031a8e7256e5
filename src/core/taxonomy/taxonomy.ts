export interface Category {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
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
