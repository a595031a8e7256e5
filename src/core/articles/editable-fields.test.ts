import { describe, expect, it } from 'vitest';
import { changedFields, mergeFields, resolveMerge, withEdit, type EditableFields } from './editable-fields.js';

const BASE: EditableFields = {
  title: 'Council approves budget',
  dek: 'A short standfirst.',
  bodyMd: 'First paragraph.\n\nSecond paragraph.',
  excerpt: '',
  slug: 'council-approves-budget',
  primaryCategoryId: 3,
  featuredMediaId: null,
  authorIds: [1, 2],
  tagNames: ['Budget', 'Council'],
  seoTitle: null,
  seoDescription: null,
  canonicalUrl: null,
  noindex: false,
};
const v = (over: Partial<EditableFields>): EditableFields => ({ ...BASE, ...over });

describe('mergeFields (three-way, field by field)', () => {
  // Each row written by hand: base is BASE; what each side changed; what must merge and what must conflict.
  const cases: Array<{ name: string; theirs: Partial<EditableFields>; mine: Partial<EditableFields>; merged: Partial<EditableFields>; conflicts: string[] }> = [
    { name: 'nobody changed anything', theirs: {}, mine: {}, merged: {}, conflicts: [] },
    { name: 'only they changed the standfirst', theirs: { dek: 'Their dek.' }, mine: {}, merged: { dek: 'Their dek.' }, conflicts: [] },
    { name: 'only I changed the headline', theirs: {}, mine: { title: 'My headline' }, merged: { title: 'My headline' }, conflicts: [] },
    {
      name: 'different fields on each side: both kept',
      theirs: { dek: 'Their dek.', tagNames: ['Budget', 'Council', 'Tax'] },
      mine: { title: 'My headline', bodyMd: 'New body.' },
      merged: { dek: 'Their dek.', tagNames: ['Budget', 'Council', 'Tax'], title: 'My headline', bodyMd: 'New body.' },
      conflicts: [],
    },
    { name: 'the same change on both sides is no conflict', theirs: { title: 'Same' }, mine: { title: 'Same' }, merged: { title: 'Same' }, conflicts: [] },
    { name: 'the same field changed differently', theirs: { title: 'Theirs' }, mine: { title: 'Mine' }, merged: { title: 'Theirs' }, conflicts: ['title'] },
    { name: 'byline order is a change', theirs: {}, mine: { authorIds: [2, 1] }, merged: { authorIds: [2, 1] }, conflicts: [] },
    { name: 'tag order and case are not a change', theirs: { tagNames: ['council', 'budget'] }, mine: {}, merged: { tagNames: ['council', 'budget'] }, conflicts: [] },
    { name: 'tags re-ordered on one side, a tag added on the other', theirs: { tagNames: ['Council', 'Budget'] }, mine: { tagNames: ['Budget', 'Council', 'Rates'] }, merged: { tagNames: ['Budget', 'Council', 'Rates'] }, conflicts: [] },
    { name: 'CRLF line endings are not an edit', theirs: {}, mine: { bodyMd: 'First paragraph.\r\n\r\nSecond paragraph.' }, merged: {}, conflicts: [] },
    { name: 'section on both sides differently', theirs: { primaryCategoryId: 4 }, mine: { primaryCategoryId: null }, merged: { primaryCategoryId: 4 }, conflicts: ['primaryCategoryId'] },
    { name: 'picture removed by me, standfirst by them', theirs: { dek: '' }, mine: { featuredMediaId: null, noindex: true }, merged: { dek: '', noindex: true }, conflicts: [] },
    { name: 'two conflicts and one merge', theirs: { title: 'A', bodyMd: 'B', seoTitle: 'S' }, mine: { title: 'C', bodyMd: 'D' }, merged: { title: 'A', bodyMd: 'B', seoTitle: 'S' }, conflicts: ['title', 'bodyMd'] },
  ];
  for (const row of cases) {
    it(row.name, () => {
      const result = mergeFields(BASE, v(row.theirs), v(row.mine));
      expect(result.conflicts).toEqual(row.conflicts);
      expect(changedFields(v(row.merged), result.merged)).toEqual([]);
    });
  }
});

describe('resolveMerge', () => {
  const theirs = v({ title: 'Their headline', dek: 'Their dek.' });
  const mine = v({ title: 'My headline', bodyMd: 'My body.' });

  it('keeps my value when I choose mine, and names nothing as not kept', () => {
    const { fields, notKept } = resolveMerge(BASE, theirs, mine, { title: { side: 'mine' } });
    expect([fields.title, fields.dek, fields.bodyMd]).toEqual(['My headline', 'Their dek.', 'My body.']);
    expect(notKept).toEqual([]);
  });
  it('keeps theirs when chosen and says mine was not kept', () => {
    const { fields, notKept } = resolveMerge(BASE, theirs, mine, { title: { side: 'theirs' } });
    expect(fields.title).toBe('Their headline');
    expect(notKept).toEqual(['title']);
  });
  it('takes a third text when I edit', () => {
    const { fields, notKept } = resolveMerge(BASE, theirs, mine, { title: { side: 'edit', text: '  Both headlines  ' } });
    expect(fields.title).toBe('Both headlines');
    expect(notKept).toEqual(['title']);
  });
  it('refuses when a conflict has no choice', () => {
    expect(() => resolveMerge(BASE, theirs, mine, {})).toThrow(/title/);
  });
  it('refuses "edit" for a field that is not text', () => {
    expect(() => resolveMerge(BASE, v({ primaryCategoryId: 4 }), v({ primaryCategoryId: 5 }), { primaryCategoryId: { side: 'edit', text: '9' } })).toThrow();
  });
  it('an emptied search title becomes none', () => {
    const { fields } = resolveMerge(BASE, v({ seoTitle: 'X' }), v({ seoTitle: 'Y' }), { seoTitle: { side: 'edit', text: '' } });
    expect(fields.seoTitle).toBeNull();
  });
});

describe('withEdit', () => {
  it('lays only the named fields over, trimming headline and standfirst, de-duplicating tags', () => {
    const next = withEdit(BASE, { title: '  New  ', tagNames: ['Tax', 'tax', ' Rates '] });
    expect(next.title).toBe('New');
    expect(next.tagNames).toEqual(['Tax', 'Rates']);
    expect(next.dek).toBe(BASE.dek);
  });
});
