import { can } from '../access/capabilities.js';
import type { Author } from '../authors/author.js';
import { DomainError } from '../errors.js';
import type { Store } from '../ports.js';
import type { Article } from './article.js';
import { createArticle, type ArticleDeps } from './create-article.js';
import { PUBLISHING_JOB, updateArticle, type ArticleEdit } from './update-article.js';
import { reachedFirstPublication } from '../publishing/first-publication.js';

export type WorkflowAction = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'archive' | 'restore';

export interface StaffArticleDeps extends ArticleDeps {
  /** Where publishing actions are written down (the audit log). */
  ip?: string;
}

function isOwn(user: Author, authorIds: readonly number[]): boolean {
  return authorIds.includes(user.id);
}

/**
 * Whether `user` may edit an article with these authors and status: editors and admins any; authors their
 * own; contributors their own while it is a draft or in review.
 */
export function mayEdit(user: Author, article: Pick<Article, 'status'>, authorIds: readonly number[]): boolean {
  if (can(user.role, 'article.edit.any')) return true;
  if (!isOwn(user, authorIds) || !can(user.role, 'article.edit.own')) return false;
  return can(user.role, 'article.publish.own') || article.status === 'draft' || article.status === 'in_review';
}

function mayPublish(user: Author, authorIds: readonly number[]): boolean {
  return can(user.role, 'article.publish.any') || (can(user.role, 'article.publish.own') && isOwn(user, authorIds));
}

async function loadForEdit(store: Store, user: Author, id: number): Promise<{ article: Article; authorIds: number[] }> {
  const article = await store.articles.findById(id);
  if (!article) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${id}.`, { id });
  const { authorIds } = await store.articles.links(id);
  if (!mayEdit(user, article, authorIds)) {
    throw new DomainError('FORBIDDEN', 'You may not change this article. Ask an editor.', { id });
  }
  return { article, authorIds };
}

/** A new draft by `user` (who is its first author). */
export async function startDraft(deps: StaffArticleDeps, user: Author, input: { title: string; bodyMd?: string }): Promise<Article> {
  if (!can(user.role, 'article.create')) throw new DomainError('FORBIDDEN', 'Your role may not write articles.');
  return createArticle(deps, { title: input.title, bodyMd: input.bodyMd ?? '', status: 'draft', authorIds: [user.id], actorId: user.id });
}

/**
 * Saves an edit by a member of staff. Fields their role may not touch (publication state and date, the
 * byline) are refused with FORBIDDEN; a stale revision with STALE_REVISION, nothing written.
 */
export async function saveEdit(
  deps: StaffArticleDeps,
  user: Author,
  input: { id: number; revision: number; edit: ArticleEdit },
): Promise<Article> {
  const { edit } = input;
  if (edit.status !== undefined || edit.publishedAt !== undefined) {
    throw new DomainError('FORBIDDEN', 'Publishing is done with the publish, schedule and unpublish actions.');
  }
  const { authorIds } = await loadForEdit(deps.store, user, input.id);
  if (edit.authorIds !== undefined && !sameList(edit.authorIds, authorIds) && !can(user.role, 'article.byline')) {
    throw new DomainError('FORBIDDEN', 'Only editors may change who is in the byline.');
  }
  return updateArticle(deps, { ...input, actorId: user.id });
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Moves an article through draft → in review → published (now or scheduled) → archived, with permission checks. */
export async function applyAction(
  deps: StaffArticleDeps,
  user: Author,
  input: { id: number; revision: number; action: WorkflowAction; at?: Date },
): Promise<Article> {
  const { article, authorIds } = await loadForEdit(deps.store, user, input.id);
  const now = deps.clock.now();
  let edit: ArticleEdit;
  switch (input.action) {
    case 'submit':
      if (article.status !== 'draft') throw new DomainError('VALIDATION_FAILED', 'Only a draft can be submitted for review.');
      edit = { status: 'in_review' };
      break;
    case 'publish':
      if (!mayPublish(user, authorIds)) throw new DomainError('FORBIDDEN', 'Your role may not publish this article; submit it for review.');
      // An article that has been public before keeps its first publication date; the page shows it as updated.
      edit = { status: 'published', publishedAt: reachedFirstPublication(article, now) ?? now };
      break;
    case 'schedule':
      if (!mayPublish(user, authorIds)) throw new DomainError('FORBIDDEN', 'Your role may not schedule this article; submit it for review.');
      if (!input.at || Number.isNaN(input.at.getTime())) throw new DomainError('VALIDATION_FAILED', 'Give a date and time to publish at.');
      if (input.at.getTime() <= now.getTime()) {
        throw new DomainError('VALIDATION_FAILED', 'That time has already passed; choose a time in the future, or publish now.');
      }
      edit = { status: 'published', publishedAt: input.at };
      break;
    case 'unpublish':
      if (!mayPublish(user, authorIds)) throw new DomainError('FORBIDDEN', 'Your role may not unpublish this article.');
      edit = { status: 'draft', publishedAt: null };
      break;
    case 'archive':
      if (!mayPublish(user, authorIds)) throw new DomainError('FORBIDDEN', 'Your role may not archive this article.');
      edit = { status: 'archived' };
      break;
    case 'restore':
      if (article.status !== 'archived') throw new DomainError('VALIDATION_FAILED', 'Only an archived article can be restored.');
      edit = { status: 'draft', publishedAt: null };
      break;
  }
  const saved = await updateArticle(deps, {
    id: input.id,
    revision: input.revision,
    edit,
    actorId: user.id,
    sideEffects: [{ kind: PUBLISHING_JOB, payload: { articleId: input.id, action: input.action } }],
  });
  await deps.store.accounts.audit({
    at: now,
    actorId: user.id,
    action: `article.${input.action}`,
    subject: saved.slug,
    detail: { id: saved.id, ...(saved.publishedAt ? { publishedAt: saved.publishedAt.toISOString() } : {}) },
    ...(deps.ip ? { ip: deps.ip } : {}),
  });
  return saved;
}
