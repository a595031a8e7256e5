import { DomainError } from '../errors.js';
import type { RevisionKind, Store } from '../ports.js';
import type { Article } from './article.js';
import type { ArticleDeps } from './create-article.js';
import { can } from '../access/capabilities.js';
import type { Role } from '../authors/author.js';
import { changedFields, editOf, fieldsOfArticle, fieldsOfSnapshot, mergeFields, setField, withEdit, type EditableFields } from './editable-fields.js';
import { PUBLISHING_JOB, updateArticle, validateEdit, type ArticleEdit } from './update-article.js';

/** A published or scheduled article: its text is what readers see (or will see), so edits wait in a working copy. */
export function isLive(article: Pick<Article, 'status'>): boolean {
  return article.status === 'published';
}

/** The article's fields as they stand (live text), read inside a transaction. */
export async function liveFields(store: Store, article: Article): Promise<EditableFields> {
  const [{ authorIds }, tags] = await Promise.all([store.articles.links(article.id), store.articles.tags([article.id])]);
  return fieldsOfArticle(article, { authorIds, tagNames: (tags.get(article.id) ?? []).map((tag) => tag.name) });
}

/** What an editor works on: the working copy when there is one, else the article as it stands. */
export async function workingFields(store: Store, article: Article): Promise<{ fields: EditableFields; pending: boolean }> {
  const pending = isLive(article) ? await store.pending.find(article.id) : undefined;
  return pending ? { fields: pending.fields, pending: true } : { fields: await liveFields(store, article), pending: false };
}

/**
 * Saves an edit of a live article into its working copy: readers keep seeing the live text, the article's
 * revision moves on (so every editor's page knows of the save), and the save is a revision of its own marked
 * as unpublished. A working copy that comes back to the live text is dropped. STALE_REVISION when someone
 * saved after `revision`; nothing is written then.
 */
export async function saveWorkingCopy(
  deps: Pick<ArticleDeps, 'store' | 'clock'>,
  input: { id: number; revision: number; edit: ArticleEdit; actorId: number | null; kind: RevisionKind; baseRevision?: number },
): Promise<Article> {
  validateEdit(input.edit);
  const now = deps.clock.now();
  return deps.store.transaction(async (store) => {
    const current = await store.articles.findById(input.id);
    if (!current) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${input.id}.`, { id: input.id });
    if (!isLive(current)) throw new DomainError('VALIDATION_FAILED', 'Only a published or scheduled article has a working copy.');
    const pending = await store.pending.find(current.id);
    const live = await liveFields(store, current);
    const next = withEdit(pending?.fields ?? live, input.edit);
    // Bumps the revision only: the live row's content and its public "updated" time stay as they are.
    const saved = await store.articles.update(current.id, input.revision, {});
    if (changedFields(live, next).length === 0) await store.pending.clear(current.id);
    else {
      await store.pending.put({
        articleId: current.id,
        baseRevision: input.baseRevision ?? pending?.baseRevision ?? current.revision,
        fields: next,
        savedBy: input.actorId,
        savedAt: now,
        applyAt: pending?.applyAt ?? null,
        applyRevision: pending?.applyRevision ?? null,
      });
    }
    await store.articles.addRevision({
      articleId: current.id,
      revision: saved.revision,
      snapshot: {
        ...next,
        status: current.status,
        publishedAt: current.publishedAt?.toISOString() ?? null,
        tagIds: [],
      },
      authorId: input.actorId,
      kind: input.kind,
      at: now,
      pending: true,
    });
    return saved;
  });
}

/** Outbox job kind `{ articleId, revision }`: applies a scheduled update of a live article when its time comes. */
export const SCHEDULED_UPDATE_JOB = 'article.scheduled-update';

/**
 * Schedules the working copy as it stands at `revision` to replace the live text at `at`. Later edits stay in
 * the working copy and do not go out with it (what was scheduled is what goes live). Only who may publish
 * the article may schedule an update; the time must be in the future.
 */
export async function scheduleUpdate(
  deps: Pick<ArticleDeps, 'store' | 'clock'>,
  actor: { id: number | null; role: Role },
  input: { id: number; revision: number; at: Date },
): Promise<void> {
  const now = deps.clock.now();
  if (Number.isNaN(input.at.getTime()) || input.at.getTime() <= now.getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'Choose a time in the future for the update, or press Update to publish the changes now.');
  }
  await deps.store.transaction(async (store) => {
    const article = await store.articles.findById(input.id);
    if (!article) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${input.id}.`);
    const { authorIds } = await store.articles.links(article.id);
    const own = actor.id !== null && authorIds.includes(actor.id);
    if (!can(actor.role, 'article.publish.any') && !(own && can(actor.role, 'article.publish.own'))) {
      throw new DomainError('FORBIDDEN', 'Your role may not change what readers see of this article; ask an editor.');
    }
    if (article.revision !== input.revision) {
      throw new DomainError('STALE_REVISION', 'Someone saved a newer version; check it before scheduling the update.', { id: article.id });
    }
    const pending = await store.pending.find(article.id);
    if (!pending || !isLive(article)) throw new DomainError('VALIDATION_FAILED', 'There are no unpublished changes to schedule.');
    await store.pending.put({ ...pending, applyAt: input.at, applyRevision: input.revision });
    await store.outbox.enqueue({ kind: SCHEDULED_UPDATE_JOB, payload: { articleId: article.id, revision: input.revision }, availableAt: input.at });
  });
}

/**
 * Runs a scheduled update: the working copy as it was at the scheduled revision replaces the live text
 * (merged with any change made to the live text since, the scheduled text winning where both changed).
 * Nothing happens when the update was cancelled, replaced by another, or the story is no longer live.
 * Edits made after scheduling stay in the working copy.
 */
export async function applyScheduledUpdate(deps: ArticleDeps, payload: { articleId: number; revision: number }): Promise<void> {
  const { store } = deps;
  const article = await store.articles.findById(payload.articleId);
  const pending = article ? await store.pending.find(article.id) : undefined;
  if (!article || !pending || !isLive(article) || pending.applyRevision !== payload.revision) return;
  const scheduled = await store.articles.revision(article.id, payload.revision);
  if (!scheduled) return;
  const live = await liveFields(store, article);
  const base = await store.articles.revision(article.id, pending.baseRevision);
  const baseFields = base ? fieldsOfSnapshot(base.snapshot, live.featuredMediaId) : live;
  const wanted = fieldsOfSnapshot(scheduled.snapshot, pending.fields.featuredMediaId);
  const { merged, conflicts } = mergeFields(baseFields, live, wanted);
  for (const field of conflicts) setField(merged, field, wanted);
  const rest = pending;
  const saved = await updateArticle(deps, {
    id: article.id,
    revision: article.revision,
    edit: editOf(merged),
    actorId: pending.savedBy,
    kind: 'updated',
    sideEffects: [{ kind: PUBLISHING_JOB, payload: { articleId: article.id, action: 'update' } }],
  });
  // What was edited after scheduling stays as the working copy, now based on the text that went live.
  if (changedFields(merged, rest.fields).length === 0) await store.pending.clear(article.id);
  else await store.pending.put({ ...rest, baseRevision: saved.revision, applyAt: null, applyRevision: null, savedAt: deps.clock.now() });
}
