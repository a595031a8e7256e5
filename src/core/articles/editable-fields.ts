import type { RevisionSnapshot } from '../ports/revisions.js';
import type { Article } from './article.js';
import type { ArticleEdit } from './update-article.js';

/**
 * Everything a person edits on an article, as one value: what the editor form shows, what a pending working
 * copy holds, and what a three-way merge compares. Publication state and time are not here: they change only
 * through workflow actions.
 */
export interface EditableFields {
  title: string;
  dek: string;
  bodyMd: string;
  excerpt: string;
  slug: string;
  primaryCategoryId: number | null;
  featuredMediaId: number | null;
  authorIds: number[];
  tagNames: string[];
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  noindex: boolean;
}

export type FieldName = keyof EditableFields;

/** Every editable field, in the order the editor and the conflict page show them. */
export const FIELD_NAMES: readonly FieldName[] = [
  'title',
  'dek',
  'bodyMd',
  'excerpt',
  'slug',
  'primaryCategoryId',
  'authorIds',
  'tagNames',
  'featuredMediaId',
  'seoTitle',
  'seoDescription',
  'canonicalUrl',
  'noindex',
];

/** The fields as the article stands (its byline and tags given separately: they live in other tables). */
export function fieldsOfArticle(article: Article, links: { authorIds: readonly number[]; tagNames: readonly string[] }): EditableFields {
  return {
    title: article.title,
    dek: article.dek,
    bodyMd: article.bodyMd,
    excerpt: article.excerpt,
    slug: article.slug,
    primaryCategoryId: article.primaryCategoryId,
    featuredMediaId: article.featuredMediaId,
    authorIds: [...links.authorIds],
    tagNames: [...links.tagNames],
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    canonicalUrl: article.canonicalUrl,
    noindex: article.noindex,
  };
}

/**
 * The fields a revision recorded. Revisions saved before pictures were recorded have no `featuredMediaId`:
 * `fallbackPicture` stands in for it (the picture as it is now), so an old revision never reads as a change of picture.
 */
export function fieldsOfSnapshot(snapshot: RevisionSnapshot, fallbackPicture: number | null): EditableFields {
  return {
    title: snapshot.title,
    dek: snapshot.dek,
    bodyMd: snapshot.bodyMd,
    excerpt: snapshot.excerpt,
    slug: snapshot.slug,
    primaryCategoryId: snapshot.primaryCategoryId,
    featuredMediaId: snapshot.featuredMediaId === undefined ? fallbackPicture : snapshot.featuredMediaId,
    authorIds: [...snapshot.authorIds],
    tagNames: [...snapshot.tagNames],
    seoTitle: snapshot.seoTitle,
    seoDescription: snapshot.seoDescription,
    canonicalUrl: snapshot.canonicalUrl,
    noindex: snapshot.noindex,
  };
}

/** `fields` with an edit laid over it: fields the edit does not name stay as they are. */
export function withEdit(fields: EditableFields, edit: ArticleEdit): EditableFields {
  const next: EditableFields = { ...fields, authorIds: [...fields.authorIds], tagNames: [...fields.tagNames] };
  if (edit.title !== undefined) next.title = edit.title.trim();
  if (edit.dek !== undefined) next.dek = edit.dek.trim();
  if (edit.bodyMd !== undefined) next.bodyMd = edit.bodyMd;
  if (edit.excerpt !== undefined) next.excerpt = edit.excerpt;
  if (edit.slug !== undefined) next.slug = edit.slug;
  if (edit.primaryCategoryId !== undefined) next.primaryCategoryId = edit.primaryCategoryId;
  if (edit.featuredMediaId !== undefined) next.featuredMediaId = edit.featuredMediaId;
  if (edit.authorIds !== undefined) next.authorIds = [...edit.authorIds];
  if (edit.tagNames !== undefined) next.tagNames = uniqueNames(edit.tagNames);
  if (edit.seoTitle !== undefined) next.seoTitle = edit.seoTitle;
  if (edit.seoDescription !== undefined) next.seoDescription = edit.seoDescription;
  if (edit.canonicalUrl !== undefined) next.canonicalUrl = edit.canonicalUrl;
  if (edit.noindex !== undefined) next.noindex = edit.noindex;
  return next;
}

/** The edit that turns anything into `fields`: every field named. */
export function editOf(fields: EditableFields): ArticleEdit {
  return {
    title: fields.title,
    dek: fields.dek,
    bodyMd: fields.bodyMd,
    excerpt: fields.excerpt,
    slug: fields.slug,
    primaryCategoryId: fields.primaryCategoryId,
    featuredMediaId: fields.featuredMediaId,
    authorIds: [...fields.authorIds],
    tagNames: [...fields.tagNames],
    seoTitle: fields.seoTitle,
    seoDescription: fields.seoDescription,
    canonicalUrl: fields.canonicalUrl,
    noindex: fields.noindex,
  };
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** Whether one field holds the same value in both (tags compare without regard to case or order). */
export function sameField(field: FieldName, a: EditableFields, b: EditableFields): boolean {
  const x = a[field];
  const y = b[field];
  if (field === 'tagNames') {
    const norm = (list: unknown) => (list as string[]).map((name) => name.trim().toLowerCase()).sort().join('\n');
    return norm(x) === norm(y);
  }
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((value, index) => value === y[index]);
  if (field === 'bodyMd' || field === 'dek' || field === 'title' || field === 'excerpt') {
    // Line endings and trailing blanks are not edits anyone made (browsers send CRLF).
    return normalText(x as string) === normalText(y as string);
  }
  return x === y;
}

const normalText = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trimEnd();

/** The fields in which `b` differs from `a`. */
export function changedFields(a: EditableFields, b: EditableFields): FieldName[] {
  return FIELD_NAMES.filter((field) => !sameField(field, a, b));
}

export interface MergeResult {
  /** Every field: the side that changed it, or the common value; for conflicts, theirs until someone chooses. */
  merged: EditableFields;
  /** Fields both sides changed to different values: a person must choose. */
  conflicts: FieldName[];
  /** Fields taken from theirs (only they changed them). */
  fromTheirs: FieldName[];
  /** Fields taken from mine (only I changed them, or both made the same change). */
  fromMine: FieldName[];
}

/**
 * Three-way merge of two people's edits of the same `base`: a field changed on one side only takes that
 * side's value; changed on both to the same value, that value; changed on both differently, a conflict.
 */
export function mergeFields(base: EditableFields, theirs: EditableFields, mine: EditableFields): MergeResult {
  const merged: EditableFields = { ...theirs };
  const conflicts: FieldName[] = [];
  const fromTheirs: FieldName[] = [];
  const fromMine: FieldName[] = [];
  for (const field of FIELD_NAMES) {
    const theyChanged = !sameField(field, base, theirs);
    const iChanged = !sameField(field, base, mine);
    if (!iChanged) {
      if (theyChanged) fromTheirs.push(field);
      continue;
    }
    if (!theyChanged || sameField(field, theirs, mine)) {
      setField(merged, field, mine);
      fromMine.push(field);
      continue;
    }
    conflicts.push(field);
  }
  return { merged, conflicts, fromTheirs, fromMine };
}

/** Copies one field from `source` into `target`. */
export function setField(target: EditableFields, field: FieldName, source: EditableFields): void {
  (target as unknown as Record<string, unknown>)[field] = source[field];
}

/** How a person settled one conflicting field: keep their own value, the other person's, or a new text. */
export type FieldChoice = { side: 'mine' } | { side: 'theirs' } | { side: 'edit'; text: string };

const NULLABLE_TEXT: ReadonlySet<FieldName> = new Set<FieldName>(['seoTitle', 'seoDescription', 'canonicalUrl']);
const TEXT: ReadonlySet<FieldName> = new Set<FieldName>(['title', 'dek', 'bodyMd', 'excerpt', 'slug', 'seoTitle', 'seoDescription', 'canonicalUrl']);

/**
 * The merged fields once a person has chosen for every conflict. Fields only one side changed merge as
 * `mergeFields` says; a conflict without a choice, or "edit" of a field that is not text, is VALIDATION_FAILED
 * (the caller shows the page again). `notKept` names the fields where my value was not kept.
 */
export function resolveMerge(
  base: EditableFields,
  theirs: EditableFields,
  mine: EditableFields,
  choices: Partial<Record<FieldName, FieldChoice>>,
): { fields: EditableFields; notKept: FieldName[] } {
  const { merged, conflicts } = mergeFields(base, theirs, mine);
  const notKept: FieldName[] = [];
  for (const field of conflicts) {
    const choice = choices[field];
    if (!choice) throw new MergeChoiceMissing(field);
    if (choice.side === 'mine') setField(merged, field, mine);
    else if (choice.side === 'theirs') notKept.push(field);
    else {
      if (!TEXT.has(field)) throw new MergeChoiceMissing(field);
      const text = field === 'bodyMd' ? choice.text : choice.text.trim();
      (merged as unknown as Record<string, unknown>)[field] = NULLABLE_TEXT.has(field) && text === '' ? null : text;
      if (!sameField(field, merged, mine)) notKept.push(field);
    }
  }
  return { fields: merged, notKept };
}

/** A conflicting field nobody chose a value for. */
export class MergeChoiceMissing extends Error {
  override readonly name = 'MergeChoiceMissing';
  constructor(readonly field: FieldName) {
    super(`No choice for the field ${field}.`);
  }
}
