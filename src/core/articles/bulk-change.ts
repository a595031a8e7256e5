import { DomainError, isDomainError } from '../errors.js';
import { deskStatus } from './desk-status.js';
import { isReservedSlug, slugify } from './slug.js';
import type { Store } from '../ports.js';
import { seesOwnOnly } from './desk-queues.js';
import { changeArticle, loadForEdit, type Actor, type StaffArticleDeps } from './workflow.js';
import type { Article } from './article.js';
import type { ArticleEdit } from './update-article.js';

/** One change asked of many articles at once from the newsroom's list. */
export type BulkAction =
  | { kind: 'publish' }
  | { kind: 'unpublish' }
  | { kind: 'move'; sectionId: number }
  | { kind: 'tag'; tagName: string };

export type BulkActionKind = BulkAction['kind'];

export const BULK_ACTION_KINDS: readonly BulkActionKind[] = ['publish', 'unpublish', 'move', 'tag'];

/**
 * Why an article was left as it was:
 * - `no-edit`: the actor may not change this article at all (someone else's, or a contributor's once public);
 * - `role`: they may edit it, but their role may not take this step (a contributor publishing);
 * - `archived`: an archived article is restored before it is published again;
 * - `stale`: someone saved it between reading and writing;
 * - `invalid`: the change broke a rule of the article (the message of the operation says which);
 * - `missing`: there is no such article.
 */
export type BulkRefusal = 'no-edit' | 'role' | 'archived' | 'stale' | 'invalid' | 'missing';

export type BulkOutcome =
  | { id: number; result: 'changed' }
  /** Already as asked (published, not published, in that section, with that tag): nothing written. */
  | { id: number; result: 'unchanged' }
  | { id: number; result: 'refused'; reason: BulkRefusal };

/** Most articles one request may change: a page of the list. */
export const BULK_LIMIT = 50;

/**
 * Applies `action` to each article in turn through `changeArticle`, the operation behind a single change, with
 * the actor's rules; each article is its own transaction at the revision just read, so one refusal or
 * conflict leaves the others' results standing. A section that does not exist, or a tag name that cannot
 * become a tag, refuses the whole request (VALIDATION_FAILED) before anything is written.
 */
export async function bulkChange(
  deps: StaffArticleDeps,
  actor: Actor,
  input: { ids: readonly number[]; action: BulkAction },
): Promise<BulkOutcome[]> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) throw new DomainError('VALIDATION_FAILED', 'Tick at least one article, then choose what to do with them.');
  if (ids.length > BULK_LIMIT) throw new DomainError('VALIDATION_FAILED', `Choose at most ${BULK_LIMIT} articles at a time.`);
  const { action } = input;
  if (action.kind === 'move' && !(await deps.store.categories.findByIds([action.sectionId])).has(action.sectionId)) {
    throw new DomainError('VALIDATION_FAILED', 'Choose a section from the list to move the articles to.');
  }
  if (action.kind === 'tag') {
    const slug = slugify(action.tagName.trim());
    if (slug === '') throw new DomainError('VALIDATION_FAILED', 'Type the tag to add (letters or digits).');
    if (isReservedSlug(slug)) throw new DomainError('VALIDATION_FAILED', `The tag "${action.tagName.trim()}" would have the reserved address /tag/${slug}; name it differently.`);
  }
  const outcomes: BulkOutcome[] = [];
  for (const id of ids) outcomes.push(await changeOne(deps, actor, id, action));
  return outcomes;
}

async function changeOne(deps: StaffArticleDeps, actor: Actor, id: number, action: BulkAction): Promise<BulkOutcome> {
  let article: Article;
  try {
    // The same rule as every single change, checked first: someone else's article tells nothing about its state.
    ({ article } = await loadForEdit(deps.store, actor, id));
  } catch (error) {
    if (isDomainError(error, 'ARTICLE_NOT_FOUND')) return { id, result: 'refused', reason: 'missing' };
    if (isDomainError(error, 'FORBIDDEN')) return { id, result: 'refused', reason: 'no-edit' };
    throw error;
  }
  const step = await stepFor(deps, article, action, deps.clock.now());
  if (step === 'unchanged') return { id, result: 'unchanged' };
  if (step === 'archived') return { id, result: 'refused', reason: 'archived' };
  try {
    // A bulk change is explicit: it changes the live text of a published story (its working copy, if any, merges later).
    await changeArticle(deps, actor, { id, revision: article.revision, ...step, live: true });
    return { id, result: 'changed' };
  } catch (error) {
    if (isDomainError(error, 'FORBIDDEN')) return { id, result: 'refused', reason: 'role' };
    if (isDomainError(error, 'STALE_REVISION')) return { id, result: 'refused', reason: 'stale' };
    if (isDomainError(error, 'ARTICLE_NOT_FOUND')) return { id, result: 'refused', reason: 'missing' };
    if (isDomainError(error)) return { id, result: 'refused', reason: 'invalid' };
    throw error;
  }
}

/** The single change that does `action` to this article, or why there is none to make. */
async function stepFor(
  deps: StaffArticleDeps,
  article: Article,
  action: BulkAction,
  now: Date,
): Promise<{ edit: ArticleEdit; action?: 'publish' | 'unpublish' } | 'unchanged' | 'archived'> {
  const status = deskStatus(article, now);
  switch (action.kind) {
    case 'publish':
      if (status === 'published') return 'unchanged';
      if (status === 'archived') return 'archived';
      // A scheduled article is published now, as the editor's "Publish now" does.
      return { edit: {}, action: 'publish' };
    case 'unpublish':
      return status === 'published' || status === 'scheduled' ? { edit: {}, action: 'unpublish' } : 'unchanged';
    case 'move':
      return article.primaryCategoryId === action.sectionId ? 'unchanged' : { edit: { primaryCategoryId: action.sectionId } };
    case 'tag': {
      const tags = (await deps.store.articles.tags([article.id])).get(article.id) ?? [];
      const slug = slugify(action.tagName.trim());
      if (tags.some((tag) => tag.slug === slug)) return 'unchanged';
      return { edit: { tagNames: [...tags.map((tag) => tag.name), action.tagName.trim()] } };
    }
  }
}

/**
 * The headlines of these articles that `actor` sees in the newsroom's list (everything for editors and admins,
 * their own byline's for everyone else), for naming them in a result; any other article (or one that is gone)
 * is left out, so a made-up address reveals no headline.
 */
export async function listedTitles(store: Store, actor: Actor, ids: readonly number[]): Promise<Map<number, string>> {
  const titles = new Map<number, string>();
  for (const id of new Set(ids)) {
    const article = await store.articles.findById(id);
    if (!article) continue;
    const listed = !seesOwnOnly(actor.role) || (actor.id !== null && (await store.articles.links(id)).authorIds.includes(actor.id));
    if (listed) titles.set(id, article.title);
  }
  return titles;
}
