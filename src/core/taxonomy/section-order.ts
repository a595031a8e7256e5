import type { Category } from './taxonomy.js';

/** A section and the sections directly inside it, in navigation order. */
export interface SectionNode {
  category: Category;
  children: SectionNode[];
}

/**
 * The sections inside `parentId` (null: top level) in navigation order: by `position`, and in the order
 * given where positions are equal (the store lists by position, then name, then id).
 */
export function siblings(categories: readonly Category[], parentId: number | null): Category[] {
  return categories.filter((category) => category.parentId === parentId).sort((a, b) => a.position - b.position);
}

/**
 * The sections as a tree in navigation order. A section whose parent is missing, or that sits in a cycle,
 * is shown at the top level rather than lost.
 */
export function sectionTree(categories: readonly Category[]): SectionNode[] {
  const ids = new Set(categories.map((category) => category.id));
  const placed = new Set<number>();
  const build = (category: Category): SectionNode => {
    placed.add(category.id);
    return { category, children: siblings(categories, category.id).filter((child) => !placed.has(child.id)).map(build) };
  };
  const roots = categories.filter((category) => category.parentId === null || !ids.has(category.parentId));
  const tree = roots.sort((a, b) => a.position - b.position).map(build);
  for (const category of categories) if (!placed.has(category.id)) tree.push(build(category));
  return tree;
}

/** The tree flattened depth first, each section with its depth (0 = top level). */
export function inTreeOrder(categories: readonly Category[]): Array<{ category: Category; depth: number }> {
  const out: Array<{ category: Category; depth: number }> = [];
  const walk = (nodes: readonly SectionNode[], depth: number) => {
    for (const node of nodes) {
      out.push({ category: node.category, depth });
      walk(node.children, depth + 1);
    }
  };
  walk(sectionTree(categories), 0);
  return out;
}

/**
 * New positions (1, 2, 3… in the new order) for every sibling of `id` once it has moved one place up or
 * down among them; empty when it cannot move (first, last, or not found). Every sibling gets a position,
 * so a group ordered once by hand stays ordered however names change later.
 */
export function moveAmongSiblings(categories: readonly Category[], id: number, direction: 'up' | 'down'): Array<{ id: number; position: number }> {
  const moving = categories.find((category) => category.id === id);
  if (!moving) return [];
  const group = siblings(categories, moving.parentId);
  const from = group.findIndex((category) => category.id === id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= group.length) return [];
  [group[from], group[to]] = [group[to]!, group[from]!];
  return group.map((category, index) => ({ id: category.id, position: index + 1 }));
}

/**
 * The position of a section joining the siblings under `parentId`: last when the group has been ordered by
 * hand, else 0 so that it takes its alphabetical place among the others. `exceptId` leaves out a section
 * that is moving within the same tree.
 */
export function positionForNewSibling(categories: readonly Category[], parentId: number | null, exceptId?: number): number {
  const highest = Math.max(0, ...siblings(categories, parentId).filter((category) => category.id !== exceptId).map((category) => category.position));
  return highest === 0 ? 0 : highest + 1;
}
