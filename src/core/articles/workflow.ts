import { can } from '../access/capabilities.js';
import type { Author, Role } from '../authors/author.js';
import { DomainError } from '../errors.js';
import type { RevisionKind, Store } from '../ports.js';
import type { Article, ArticleStatus } from './article.js';
import { createArticle, type ArticleDeps } from './create-article.js';
import { PUBLISHING_JOB, updateArticle, type ArticleEdit } from './update-article.js';
import { reachedFirstPublication } from '../publishing/first-publication.js';
import { isLive, saveWorkingCopy } from './working-copy.js';

export type WorkflowAction = 'submit' | 'send_back' | 'withdraw' | 'publish' | 'schedule' | 'unpublish' | 'archive' | 'restore';

/** Longest note the desk may write on an article (a send-back note included). */
export const MAX_NOTE_LENGTH = 5000;

export interface StaffArticleDeps extends ArticleDeps {
  /** Where publishing actions are written down (the audit log). */
  ip?: string;
}

/**
 * Who makes a change: a member of staff (an `Author` is one), or an API key acting with its own role for
 * the person it belongs to. The same rules apply to both; revisions and the audit log name the key.
 */
export interface Actor {
  /** The person whose articles are this actor's own; null for an API key that belongs to nobody. */
  id: number | null;
  role: Role;
  /** Set when the change comes through the REST API. */
  apiKeyId?: number;
}

function isOwn(actor: Actor, authorIds: readonly number[]): boolean {
  return actor.id !== null && authorIds.includes(actor.id);
}

/**
 * Whether `user` may edit an article with these authors and status: editors and admins any; authors their
 * own; contributors their own while it is a draft or in review.
 */
export function mayEdit(user: Actor, article: Pick<Article, 'status'>, authorIds: readonly number[]): boolean {
  if (can(user.role, 'article.edit.any')) return true;
  if (!isOwn(user, authorIds) || !can(user.role, 'article.edit.own')) return false;
  return can(user.role, 'article.publish.own') || article.status === 'draft' || article.status === 'in_review';
}

function mayPublish(user: Actor, authorIds: readonly number[]): boolean {
  return can(user.role, 'article.publish.any') || (can(user.role, 'article.publish.own') && isOwn(user, authorIds));
}

/** The article with its byline, when `user` may edit it: ARTICLE_NOT_FOUND or FORBIDDEN otherwise. */
export async function loadForEdit(store: Store, user: Actor, id: number): Promise<{ article: Article; authorIds: number[] }> {
  const article = await store.articles.findById(id);
  if (!article) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${id}.`, { id });
  const { authorIds } = await store.articles.links(id);
  if (!mayEdit(user, article, authorIds)) {
    throw new DomainError('FORBIDDEN', 'You may not change this article. Ask an editor.', { id });
  }
  return { article, authorIds };
}

/**
 * How an article in review can leave it from the editor, for someone who has opened it: its writer withdraws
 * it; someone else who may publish it sends it back with a note. (A writer who may publish withdraws: there
 * is nobody else to send it to.)
 */
export function reviewExits(input: { own: boolean; canPublish: boolean }): WorkflowAction[] {
  if (input.own) return ['withdraw'];
  return input.canPublish ? ['send_back'] : [];
}

/** A new draft by `user` (who is its first author). */
export async function startDraft(deps: StaffArticleDeps, user: Author, input: { title: string; bodyMd?: string }): Promise<Article> {
  if (!can(user.role, 'article.create')) throw new DomainError('FORBIDDEN', 'Your role may not write articles.');
  return createArticle(deps, { title: input.title, bodyMd: input.bodyMd ?? '', status: 'draft', authorIds: [user.id], actorId: user.id });
}

/**
 * One change to an article, whoever makes it and however it arrives (the newsroom's forms and the REST API
 * both come here): content fields, and at most one workflow action, saved as one revision with the action's
 * outbox job and audit line in the same transaction.
 */
export interface ArticleChange {
  id: number;
  revision: number;
  /** Content fields. Publication state and date change only through `action` or `target`. */
  edit: ArticleEdit;
  /** A workflow action, as the newsroom's buttons ask. */
  action?: WorkflowAction;
  /** For 'schedule': when. A time already past is back-dating, which needs the `article.backdate` capability. */
  at?: Date;
  /** The state asked for (the REST API's `status` and `publishedAt`), reached by the action that leads there. */
  target?: { status?: ArticleStatus; publishedAt?: Date | null };
  /** How a content-only change was made (autosave, save, restoring a revision); actions and the API name their own. */
  kind?: 'autosave' | 'save' | 'restored' | 'merged' | 'unmerged';
  /**
   * "Update": apply a live article's working copy, with `edit`, to the live text. Without it, the newsroom's
   * content edits of a live article go to the working copy; the REST API's change the live text (the API's
   * PATCH is itself the explicit update), and the working copy is merged with it when it is applied.
   */
  update?: boolean;
  /** For a save into the working copy: the revision the copy is based on from now (after a merge). */
  baseRevision?: number;
  /** For 'send_back': what the writer should do, kept as a note on the article (written with the status change). */
  note?: string;
  /**
   * Change these fields of the live text itself, as the REST API does (a bulk action on the article list): the
   * working copy stays as it is, and merges with the change when it is applied. Only who may publish the article.
   */
  live?: boolean;
}

/** The revision kind each workflow step records. */
const STEP_KINDS: Record<string, RevisionKind> = {
  submit: 'submitted',
  send_back: 'sent_back',
  withdraw: 'withdrawn',
  publish: 'published',
  schedule: 'scheduled',
  backdate: 'published',
  unpublish: 'unpublished',
  archive: 'archived',
  restore: 'unarchived',
};

/**
 * Applies an `ArticleChange` for `actor` with every rule of the newsroom: who may edit the article, who may
 * change the byline, the address (slug and canonical URL: not contributors) and the publication state,
 * and who may back-date (admins). Refusals are FORBIDDEN; a stale revision is STALE_REVISION, nothing written.
 */
export async function changeArticle(deps: StaffArticleDeps, actor: Actor, change: ArticleChange): Promise<Article> {
  const { edit } = change;
  if (edit.status !== undefined || edit.publishedAt !== undefined) {
    throw new DomainError('FORBIDDEN', 'Publishing is done with the publish, schedule and unpublish actions.');
  }
  const { article, authorIds } = await loadForEdit(deps.store, actor, change.id);
  if (edit.authorIds !== undefined && !sameList(edit.authorIds, authorIds) && !can(actor.role, 'article.byline')) {
    throw new DomainError('FORBIDDEN', 'Only editors may change who is in the byline.');
  }
  const movesAddress =
    (edit.slug !== undefined && edit.slug !== article.slug) ||
    (edit.canonicalUrl !== undefined && (edit.canonicalUrl ?? null) !== article.canonicalUrl);
  if (movesAddress && !can(actor.role, 'article.permalink')) {
    throw new DomainError('FORBIDDEN', "Contributors may not change an article's address (slug) or canonical URL; ask an editor.");
  }
  const now = deps.clock.now();
  const reached = change.target ? actionReaching(article, change.target, now) : undefined;
  const wanted = reached ? leavingReview(actor, article, authorIds, reached) : change.action ? { action: change.action, at: change.at } : undefined;
  const step = wanted ? workflowStep({ actor, article, authorIds, now, ...wanted }) : undefined;
  const who = { actorId: actor.apiKeyId === undefined ? actor.id : null, apiKeyId: actor.apiKeyId ?? null };
  const live = isLive(article);
  if (live && change.live && !mayPublish(actor, authorIds)) {
    throw new DomainError('FORBIDDEN', 'Your role may not change what readers see of this article; ask an editor.');
  }
  if (live && !step && !change.update && !change.live && actor.apiKeyId === undefined) {
    return saveWorkingCopy(deps, {
      id: change.id,
      revision: change.revision,
      edit,
      actorId: who.actorId,
      kind: change.kind ?? 'save',
      ...(change.baseRevision !== undefined ? { baseRevision: change.baseRevision } : {}),
    });
  }
  if (change.update && !live) throw new DomainError('VALIDATION_FAILED', 'Only a published or scheduled article is updated; save this one instead.');
  if (change.update && !mayPublish(actor, authorIds)) {
    throw new DomainError('FORBIDDEN', 'Your role may not change what readers see of this article; ask an editor to update it.');
  }
  const note = noteFor(change.note, step?.name);
  return updateArticle(deps, {
    foldPending: live && (step !== undefined || change.update === true),
    id: change.id,
    revision: change.revision,
    edit: { ...edit, ...step?.edit },
    ...who,
    kind: actor.apiKeyId !== undefined ? 'api' : step ? (STEP_KINDS[step.name] ?? 'save') : change.update ? 'updated' : (change.kind ?? 'save'),
    ...(step || change.update
      ? {
          sideEffects: [{ kind: PUBLISHING_JOB, payload: { articleId: change.id, action: step?.name ?? 'update' } }],
          audit: (saved: Article) => ({
            at: now,
            ...who,
            action: `article.${step?.name ?? 'update'}`,
            subject: saved.slug,
            detail: { id: saved.id, ...(saved.publishedAt ? { publishedAt: saved.publishedAt.toISOString() } : {}) },
            ...(deps.ip ? { ip: deps.ip } : {}),
          }),
        }
      : {}),
    ...(note
      ? {
          alongside: async (store: Store, saved: Article) => {
            await store.notes.add({ articleId: saved.id, kind: 'sent_back', body: note, authorId: who.actorId, apiKeyId: who.apiKeyId, at: now });
          },
        }
      : {}),
  });
}

/** A note goes with sending back, and only with it: the writer is told what to change. */
function noteFor(note: string | undefined, step: string | undefined): string | undefined {
  const text = note?.trim() ?? '';
  if (text === '' && step === 'send_back') {
    throw new DomainError('VALIDATION_FAILED', 'Say what the writer should change: an article goes back with a note.', { field: 'note' });
  }
  if (text === '') return undefined;
  if (step !== 'send_back') throw new DomainError('VALIDATION_FAILED', 'A note goes with sending an article back to its writer; add other notes in the notes panel.', { field: 'note' });
  if (text.length > MAX_NOTE_LENGTH) throw new DomainError('VALIDATION_FAILED', `A note can have at most ${MAX_NOTE_LENGTH} characters.`, { field: 'note' });
  return text;
}

/**
 * An article in review that is asked to be a draft again (the API's status "draft") leaves review the way its
 * asker may: a writer of it withdraws it, anyone else sends it back (which needs the right to publish it).
 */
function leavingReview(actor: Actor, article: Article, authorIds: readonly number[], wanted: { action: WorkflowAction; at?: Date }): { action: WorkflowAction; at?: Date } {
  if (article.status !== 'in_review' || wanted.action !== 'unpublish') return wanted;
  return { action: isOwn(actor, authorIds) ? 'withdraw' : 'send_back' };
}

/**
 * Saves an edit by a member of staff. Fields their role may not touch (publication state and date, the
 * byline, the address for contributors) are refused with FORBIDDEN; a stale revision with STALE_REVISION.
 */
export async function saveEdit(
  deps: StaffArticleDeps,
  user: Actor,
  input: { id: number; revision: number; edit: ArticleEdit; kind?: 'autosave' | 'save' | 'restored' | 'merged' | 'unmerged'; update?: boolean; baseRevision?: number },
): Promise<Article> {
  return changeArticle(deps, user, input);
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Moves an article through draft → in review → published (now or scheduled) → archived, with permission checks. */
export async function applyAction(
  deps: StaffArticleDeps,
  user: Actor,
  input: { id: number; revision: number; action: WorkflowAction; at?: Date; note?: string },
): Promise<Article> {
  return changeArticle(deps, user, {
    id: input.id,
    revision: input.revision,
    edit: {},
    action: input.action,
    ...(input.at ? { at: input.at } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  });
}

/**
 * The action that takes `article` to the state asked for, or undefined when it is there already.
 * `publishedAt` with status published: a future time schedules, a past one back-dates (unless it is the
 * date the article already has), none publishes now (or at the first publication date, if it had one).
 */
export function actionReaching(
  article: Pick<Article, 'status' | 'publishedAt' | 'firstPublishedAt'>,
  target: { status?: ArticleStatus; publishedAt?: Date | null },
  now: Date,
): { action: WorkflowAction; at?: Date } | undefined {
  const status = target.status ?? (target.publishedAt === undefined ? article.status : 'published');
  const at = target.publishedAt ?? undefined;
  if (status !== 'published' && at !== undefined) {
    throw new DomainError('VALIDATION_FAILED', `An article that is ${status.replace('_', ' ')} has no publication time; send publishedAt only with status "published".`);
  }
  switch (status) {
    case 'published':
      if (at === undefined) return article.status === 'published' ? undefined : { action: 'publish' };
      if (article.status === 'published' && article.publishedAt?.getTime() === at.getTime()) return undefined;
      if (at.getTime() <= now.getTime() && reachedFirstPublication(article, now)?.getTime() === at.getTime()) return { action: 'publish' };
      return { action: 'schedule', at };
    case 'draft':
      if (article.status === 'archived') return { action: 'restore' };
      return article.status === 'draft' ? undefined : { action: 'unpublish' };
    case 'in_review':
      return article.status === 'in_review' ? undefined : { action: 'submit' };
    case 'archived':
      return article.status === 'archived' ? undefined : { action: 'archive' };
  }
}

/** What one workflow action changes, after checking that `actor` may take it; `name` goes to the audit log. */
function workflowStep(input: {
  actor: Actor;
  article: Article;
  authorIds: readonly number[];
  now: Date;
  action: WorkflowAction;
  at?: Date | undefined;
}): { name: string; edit: ArticleEdit } {
  const { actor, article, authorIds, now } = input;
  switch (input.action) {
    case 'submit':
      if (article.status !== 'draft') throw new DomainError('VALIDATION_FAILED', 'Only a draft can be submitted for review.');
      return { name: 'submit', edit: { status: 'in_review' } };
    case 'send_back':
      if (article.status !== 'in_review') throw new DomainError('VALIDATION_FAILED', 'Only an article in review can be sent back to its writer.');
      if (!mayPublish(actor, authorIds)) throw new DomainError('FORBIDDEN', 'Only someone who may publish this article can send it back; its writer can withdraw it.');
      return { name: 'send_back', edit: { status: 'draft' } };
    case 'withdraw':
      if (article.status !== 'in_review') throw new DomainError('VALIDATION_FAILED', 'Only an article in review can be withdrawn.');
      if (!isOwn(actor, authorIds)) throw new DomainError('FORBIDDEN', 'Only a writer of this article can withdraw it from review; an editor sends it back with a note.');
      return { name: 'withdraw', edit: { status: 'draft' } };
    case 'publish':
      if (!mayPublish(actor, authorIds)) throw new DomainError('FORBIDDEN', 'Your role may not publish this article; submit it for review.');
      // An article that has been public before keeps its first publication date; the page shows it as updated.
      return { name: 'publish', edit: { status: 'published', publishedAt: reachedFirstPublication(article, now) ?? now } };
    case 'schedule': {
      if (!mayPublish(actor, authorIds)) throw new DomainError('FORBIDDEN', 'Your role may not schedule this article; submit it for review.');
      const at = input.at;
      if (!at || Number.isNaN(at.getTime())) throw new DomainError('VALIDATION_FAILED', 'Give a date and time to publish at.');
      if (at.getTime() > now.getTime()) return { name: 'schedule', edit: { status: 'published', publishedAt: at } };
      if (!can(actor.role, 'article.backdate')) {
        throw new DomainError('FORBIDDEN', 'That time has already passed, and only an admin may back-date a story; choose a time in the future, or publish now.');
      }
      return { name: 'backdate', edit: { status: 'published', publishedAt: at } };
    }
    case 'unpublish':
      if (!mayPublish(actor, authorIds)) throw new DomainError('FORBIDDEN', 'Your role may not unpublish this article.');
      return { name: 'unpublish', edit: { status: 'draft', publishedAt: null } };
    case 'archive':
      if (!mayPublish(actor, authorIds)) throw new DomainError('FORBIDDEN', 'Your role may not archive this article.');
      return { name: 'archive', edit: { status: 'archived' } };
    case 'restore':
      if (article.status !== 'archived') throw new DomainError('VALIDATION_FAILED', 'Only an archived article can be restored.');
      return { name: 'restore', edit: { status: 'draft', publishedAt: null } };
  }
}
