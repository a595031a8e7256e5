import { DomainError } from '../errors.js';
import type { RevisionKind, Store } from '../ports.js';
import type { Article } from './article.js';
import type { ArticleDeps } from './create-article.js';
import { changedFields, fieldsOfArticle, withEdit, type EditableFields } from './editable-fields.js';
import { validateEdit, type ArticleEdit } from './update-article.js';

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
