import { describe, expect, it } from 'vitest';
import { inTreeOrder, moveAmongSiblings, positionForNewSibling, sectionTree } from './section-order.js';
import type { Category } from './taxonomy.js';

const section = (id: number, name: string, parentId: number | null, position = 0): Category => ({
  id,
  slug: name.toLowerCase(),
  name,
  description: '',
  parentId,
  position,
});

// As the store lists them: by position, then name, then id.
const UNORDERED = [section(1, 'Business', null), section(2, 'Defence', null), section(3, 'Economy', null), section(4, 'Banking', 3), section(5, 'Trade', 3)];
const ORDERED = [section(3, 'Economy', null, 1), section(1, 'Business', null, 2), section(2, 'Defence', null, 3), section(5, 'Trade', 3, 1), section(4, 'Banking', 3, 2)];

describe('moveAmongSiblings', () => {
  const cases: Array<[string, Category[], number, 'up' | 'down', Array<{ id: number; position: number }>]> = [
    ['moves a top-level section up, numbering the whole group', UNORDERED, 2, 'up', [{ id: 2, position: 1 }, { id: 1, position: 2 }, { id: 3, position: 3 }]],
    ['moves a top-level section down', UNORDERED, 1, 'down', [{ id: 2, position: 1 }, { id: 1, position: 2 }, { id: 3, position: 3 }]],
    ['cannot move the first one up', UNORDERED, 1, 'up', []],
    ['cannot move the last one down', UNORDERED, 3, 'down', []],
    ['moves a child only among its siblings', UNORDERED, 5, 'up', [{ id: 5, position: 1 }, { id: 4, position: 2 }]],
    ['follows positions already set by hand', ORDERED, 1, 'up', [{ id: 1, position: 1 }, { id: 3, position: 2 }, { id: 2, position: 3 }]],
    ['an only child cannot move', [section(1, 'A', null), section(2, 'B', 1)], 2, 'down', []],
    ['an unknown section does not move', UNORDERED, 99, 'up', []],
  ];
  for (const [what, categories, id, direction, expected] of cases) {
    it(what, () => expect(moveAmongSiblings(categories, id, direction)).toEqual(expected));
  }
});

describe('positionForNewSibling', () => {
  const cases: Array<[string, Category[], number | null, number | undefined, number]> = [
    ['0 among sections never ordered by hand (alphabetical place)', UNORDERED, null, undefined, 0],
    ['0 in an empty group', UNORDERED, 4, undefined, 0],
    ['last in a group ordered by hand', ORDERED, null, undefined, 4],
    ['last among ordered children', ORDERED, 3, undefined, 3],
    ['leaves out the section that is moving', ORDERED, 3, 4, 2],
  ];
  for (const [what, categories, parentId, exceptId, expected] of cases) {
    it(what, () => expect(positionForNewSibling(categories, parentId, exceptId)).toBe(expected));
  }
});

describe('sectionTree and inTreeOrder', () => {
  it('nests children under their parent in navigation order', () => {
    expect(inTreeOrder(ORDERED).map(({ category, depth }) => `${depth}:${category.name}`)).toEqual(['0:Economy', '1:Trade', '1:Banking', '0:Business', '0:Defence']);
  });

  it('keeps the given order where no position was set', () => {
    expect(inTreeOrder(UNORDERED).map(({ category, depth }) => `${depth}:${category.name}`)).toEqual(['0:Business', '0:Defence', '0:Economy', '1:Banking', '1:Trade']);
  });

  it('shows a section with a missing parent, and sections in a cycle, at the top level instead of losing them', () => {
    const tree = sectionTree([section(1, 'Orphan', 42), section(2, 'Loop A', 3), section(3, 'Loop B', 2)]);
    expect(tree.map((node) => node.category.name)).toEqual(['Orphan', 'Loop A']);
    expect(tree[1]!.children.map((node) => node.category.name)).toEqual(['Loop B']);
  });
});
