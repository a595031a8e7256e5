import type { Article } from '../../core/articles/article.js';
import { deskStatus } from '../../core/articles/desk-status.js';
import { FIELD_NAMES, mergeFields, type EditableFields, type FieldName } from '../../core/articles/editable-fields.js';
import type { ArticlePageData } from '../../core/articles/site-queries.js';
import { slugify } from '../../core/articles/slug.js';
import type { Media } from '../../core/images/image.js';
import type { Category } from '../../core/taxonomy/taxonomy.js';
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

/** The buttons the editor offers for an article in this state to this person (each saves the edits first). */
export function editorButtons(input: {
  desk: 'draft' | 'in_review' | 'scheduled' | 'published' | 'archived';
  pending: boolean;
  canPublish: boolean;
}): Array<{ intent: string; label: string; secondary?: boolean }> {
  const { desk, pending, canPublish } = input;
  const live = desk === 'scheduled' || desk === 'published';
  const buttons: Array<{ intent: string; label: string; secondary?: boolean }> = [{ intent: 'save', label: live ? 'Save changes (not published yet)' : 'Save' }];
  // Offered whenever the story is live, so changes typed (or autosaved) since the page opened can go out at once.
  if (live && canPublish) buttons.push({ intent: 'update', label: desk === 'scheduled' ? 'Update the scheduled story' : 'Update: publish the changes' });
  if (desk === 'draft') buttons.push({ intent: 'submit', label: 'Submit for review' });
  if (canPublish && (desk === 'draft' || desk === 'in_review' || desk === 'scheduled')) buttons.push({ intent: 'publish', label: 'Publish now…' });
  buttons.push({ intent: 'preview', label: 'Save and preview', secondary: true });
  if (live && pending) buttons.push({ intent: 'discard', label: 'Discard unpublished changes', secondary: true });
  if (canPublish && live) buttons.push({ intent: 'unpublish', label: 'Unpublish…', secondary: true });
  if (canPublish && desk !== 'archived') buttons.push({ intent: 'archive', label: 'Archive…', secondary: true });
  if (desk === 'archived') buttons.push({ intent: 'restore', label: 'Restore from archive' });
  return buttons;
}

/** What the scheduling part of the form offers: a first publication time, a new one, or a time for the update. */
export function editorSchedule(input: {
  desk: 'draft' | 'in_review' | 'scheduled' | 'published' | 'archived';
  pending: boolean;
  canPublish: boolean;
}): { intent: 'schedule' | 'schedule_update'; label: string } | undefined {
  if (!input.canPublish) return undefined;
  switch (input.desk) {
    case 'draft':
    case 'in_review':
      return { intent: 'schedule', label: 'Or publish later, at a set time' };
    case 'scheduled':
      return { intent: 'schedule', label: 'Change the publication time' };
    case 'published':
      return input.pending ? { intent: 'schedule_update', label: 'Or publish the changes later, at a set time' } : undefined;
    case 'archived':
      return undefined;
  }
}

/**
 * The reader's article page for the newsroom's preview of what the editor holds (a live story's working copy,
 * else the article), with its picture, and the banner that says it is not (or not yet) what readers see.
 * The canonical address is left out and the page is noindex.
 */
export function previewPage(input: {
  article: Article;
  fields: EditableFields;
  pending: boolean;
  now: Date;
  format: (date: Date) => string;
  bodyHtml: string;
  people: ReadonlyArray<{ id: number; slug: string; displayName: string }>;
  category?: Category;
  image?: Media;
}): { data: ArticlePageData; banner: string } {
  const { article, fields } = input;
  const desk = deskStatus(article, input.now);
  const banner =
    desk === 'published'
      ? input.pending
        ? 'Preview — these changes are not published yet'
        : 'Preview — this is the published text'
      : desk === 'scheduled' && article.publishedAt
        ? `Preview — not published until ${input.format(article.publishedAt)}`
        : 'Preview — not published';
  return {
    banner,
    data: {
      article: {
        ...article,
        title: fields.title,
        dek: fields.dek,
        bodyHtml: input.bodyHtml,
        slug: fields.slug,
        seoTitle: fields.seoTitle,
        seoDescription: fields.seoDescription,
        canonicalUrl: null,
        noindex: true,
      },
      ...(input.image ? { image: input.image } : {}),
      bylines: input.people.map((person, position) => ({ userId: person.id, slug: person.slug, displayName: person.displayName, position })),
      tags: fields.tagNames.map((name, index) => ({ id: -index - 1, slug: slugify(name), name })),
      ...(input.category ? { category: input.category } : {}),
      recent: { items: [], categories: new Map() },
    },
  };
}
