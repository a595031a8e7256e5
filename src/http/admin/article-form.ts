import { can } from '../../core/access/capabilities.js';
import type { Role } from '../../core/authors/author.js';
import type { ArticleEdit } from '../../core/articles/update-article.js';
import { DomainError } from '../../core/errors.js';
import type { Store } from '../../core/ports.js';
import type { EditorFields } from '../../render/view-models/article-editor.js';
import type { FormBody } from './forms.js';

// The editor's form as text fields, read into the edit the operations take (and back, to show a refused form again).

/** The text fields of the editor's form (and of autosave, which sends the same form). */
export const EDITOR_TEXT_FIELDS = ['title', 'dek', 'bodyMd', 'excerpt', 'slug', 'categoryId', 'tags', 'authors', 'seoTitle', 'seoDescription', 'canonicalUrl', 'noindex'] as const;

/**
 * The edit a form asks for; fields it does not send stay as they are. Ids and slugs the person chose from a
 * list are checked to exist; a byline from someone whose role may not change it is FORBIDDEN. Everything else
 * (lengths, the address, reserved tags) the operation checks, for every path alike.
 */
export async function editFromForm(store: Pick<Store, 'categories' | 'users'>, user: { role: Role }, body: FormBody): Promise<ArticleEdit> {
  const edit: ArticleEdit = {};
  for (const field of ['title', 'dek', 'bodyMd', 'excerpt'] as const) if (body[field] !== undefined) edit[field] = body[field];
  if (body.slug !== undefined && body.slug.trim() !== '') edit.slug = body.slug.trim();
  if (body.categoryId !== undefined) {
    const id = body.categoryId === '' ? null : Number(body.categoryId);
    if (id !== null && !(await store.categories.findByIds([id])).has(id)) throw new DomainError('VALIDATION_FAILED', 'Choose a section from the list.');
    edit.primaryCategoryId = id;
  }
  // Every tag typed reaches the operation, which refuses too many with a message (none is dropped silently).
  if (body.tags !== undefined) edit.tagNames = body.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
  for (const field of ['seoTitle', 'seoDescription', 'canonicalUrl'] as const) {
    if (body[field] !== undefined) edit[field] = body[field].trim() === '' ? null : body[field].trim();
  }
  // An unticked checkbox sends nothing: only a whole editor form (it always has a title) can switch noindex off.
  if (body.title !== undefined) edit.noindex = body.noindex === '1';
  if (body.authors !== undefined && !can(user.role, 'article.byline')) {
    throw new DomainError('FORBIDDEN', 'Only editors may change who is in the byline.');
  }
  if (body.authors !== undefined) {
    const ids: number[] = [];
    for (const slug of body.authors.split(',').map((s) => s.trim()).filter(Boolean)) {
      const person = await store.users.findBySlug(slug);
      if (!person) throw new DomainError('VALIDATION_FAILED', `There is no author with the slug "${slug}".`);
      ids.push(person.id);
    }
    if (ids.length === 0) throw new DomainError('VALIDATION_FAILED', 'A byline needs at least one author.');
    edit.authorIds = ids;
  }
  return edit;
}

/** The revision a form names (its `revision` field, or another); VALIDATION_FAILED when it has none. */
export function revisionOf(body: FormBody, field = 'revision'): number {
  const revision = Number(body[field]);
  if (!Number.isInteger(revision) || revision < 1) throw new DomainError('VALIDATION_FAILED', 'The form lacks the revision it edits; reload the page.');
  return revision;
}

/** The form's raw text for each field, to show again after a refused save (nothing typed is lost). */
export function typedFields(body: FormBody): Partial<EditorFields> {
  const out: Record<string, string | boolean> = {};
  for (const field of EDITOR_TEXT_FIELDS) if (field !== 'noindex' && body[field] !== undefined) out[field] = body[field];
  if (body.title !== undefined) out.noindex = body.noindex === '1';
  return out as Partial<EditorFields>;
}
