import { FIELD_NAMES, mergeFields, type EditableFields, type FieldName } from '../../core/articles/editable-fields.js';
import { wordDiff, type DiffPart } from '../../core/text/word-diff.js';

/** What the editor form shows in each input (text as typed: ids as strings, lists comma-separated). */
export interface EditorFields {
  title: string;
  dek: string;
  slug: string;
  excerpt: string;
  bodyMd: string;
  categoryId: string;
  tags: string;
  authors: string;
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
  noindex: boolean;
}

/** Names for the ids the fields hold. */
export interface FieldNames {
  sections: ReadonlyMap<number, string>;
  /** Display name and slug of each person in a byline. */
  people: ReadonlyMap<number, { name: string; slug: string }>;
  /** Alt text of each picture. */
  pictures: ReadonlyMap<number, string>;
}

export function editorFields(fields: EditableFields, names: FieldNames): EditorFields {
  return {
    title: fields.title,
    dek: fields.dek,
    slug: fields.slug,
    excerpt: fields.excerpt,
    bodyMd: fields.bodyMd,
    categoryId: fields.primaryCategoryId === null ? '' : String(fields.primaryCategoryId),
    tags: fields.tagNames.join(', '),
    authors: fields.authorIds.flatMap((id) => {
      const person = names.people.get(id);
      return person ? [person.slug] : [];
    }).join(', '),
    seoTitle: fields.seoTitle ?? '',
    seoDescription: fields.seoDescription ?? '',
    canonicalUrl: fields.canonicalUrl ?? '',
    noindex: fields.noindex,
  };
}

/** The names a person reads for each field (never `bodyMd` or `primaryCategoryId`). */
export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  title: 'Headline',
  dek: 'Standfirst',
  bodyMd: 'Body',
  excerpt: 'Excerpt',
  slug: 'Address (slug)',
  primaryCategoryId: 'Section',
  authorIds: 'Byline',
  tagNames: 'Tags',
  featuredMediaId: 'Picture',
  seoTitle: 'Title for search engines',
  seoDescription: 'Description for search engines',
  canonicalUrl: 'Canonical address',
  noindex: 'Hidden from search engines',
};

/** Fields whose value is text a person types, so "edit" (write a third version) makes sense. */
const TYPED: ReadonlySet<FieldName> = new Set<FieldName>(['title', 'dek', 'bodyMd', 'excerpt', 'slug', 'seoTitle', 'seoDescription', 'canonicalUrl']);

/** A field's value in words ("none" when empty), as the conflict page and the history show it. */
export function fieldText(field: FieldName, fields: EditableFields, names: FieldNames): string {
  const none = 'none';
  switch (field) {
    case 'primaryCategoryId':
      return fields.primaryCategoryId === null ? none : (names.sections.get(fields.primaryCategoryId) ?? 'a deleted section');
    case 'authorIds':
      return fields.authorIds.length === 0 ? none : fields.authorIds.map((id) => names.people.get(id)?.name ?? 'a removed person').join(', ');
    case 'tagNames':
      return fields.tagNames.length === 0 ? none : fields.tagNames.join(', ');
    case 'featuredMediaId':
      return fields.featuredMediaId === null ? none : `“${names.pictures.get(fields.featuredMediaId) ?? 'a removed picture'}”`;
    case 'noindex':
      return fields.noindex ? 'yes' : 'no';
    default: {
      const value = fields[field];
      return value === null || String(value).trim() === '' ? none : String(value);
    }
  }
}

/** The raw value a typed field's "edit" box starts with. */
function typedValue(field: FieldName, fields: EditableFields): string {
  const value = fields[field];
  return value === null ? '' : String(value);
}

export interface ConflictField {
  field: FieldName;
  label: string;
  /** What changed from the common start to theirs, and to mine, word by word. */
  theirs: DiffPart[];
  mine: DiffPart[];
  /** For typed fields: the box a person may write a third version in, starting from mine. */
  edit?: { value: string; multiline: boolean };
}

export interface ConflictView {
  /** Fields merged without asking, in words: "Standfirst (their change)". */
  merged: Array<{ label: string; side: 'theirs' | 'mine' }>;
  conflicts: ConflictField[];
}

/** The three versions compared field by field: what merges by itself, and what a person must choose. */
export function conflictView(base: EditableFields, theirs: EditableFields, mine: EditableFields, names: FieldNames): ConflictView {
  const result = mergeFields(base, theirs, mine);
  const merged = [
    ...result.fromTheirs.map((field) => ({ field, side: 'theirs' as const })),
    ...result.fromMine.map((field) => ({ field, side: 'mine' as const })),
  ]
    .sort((a, b) => FIELD_NAMES.indexOf(a.field) - FIELD_NAMES.indexOf(b.field))
    .map(({ field, side }) => ({ label: FIELD_LABELS[field], side }));
  const conflicts = result.conflicts.map((field): ConflictField => {
    const before = fieldText(field, base, names);
    return {
      field,
      label: FIELD_LABELS[field],
      theirs: wordDiff(before, fieldText(field, theirs, names)),
      mine: wordDiff(before, fieldText(field, mine, names)),
      ...(TYPED.has(field) ? { edit: { value: typedValue(field, mine), multiline: field === 'bodyMd' || field === 'dek' || field === 'seoDescription' || field === 'excerpt' } } : {}),
    };
  });
  return { merged, conflicts };
}
