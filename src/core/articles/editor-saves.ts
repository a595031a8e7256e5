import { can } from '../access/capabilities.js';
import { DomainError, isDomainError } from '../errors.js';
import type { UnmergedEdit } from '../ports.js';
import type { Article } from './article.js';
import { changedFields, editOf, fieldsOfSnapshot, mergeFields, resolveMerge, withEdit, type EditableFields, type FieldChoice, type FieldName } from './editable-fields.js';
import type { ArticleEdit } from './update-article.js';
import { loadForEdit, saveEdit, type Actor, type StaffArticleDeps } from './workflow.js';
import { liveFields, workingFields } from './working-copy.js';

// What the editor's saves do when the page is up to date, when it is not, and when a person settles a
// comparison. The newsroom's routes only translate these outcomes into redirects and pages.

export type FormSave = { revision: number; saved: boolean } | { stale: true; revision: number };

/**
 * Saves an editor form made from `revision` (nothing is written when it changes nothing) and returns the
 * revision the page is now at; `stale` when someone saved after that revision (nothing written then).
 */
export async function saveEditorForm(
  deps: StaffArticleDeps,
  actor: Actor,
  input: { id: number; revision: number; edit: ArticleEdit; kind: 'save' | 'autosave' },
): Promise<FormSave> {
  const { article } = await loadForEdit(deps.store, actor, input.id);
  if (input.revision !== article.revision) return { stale: true, revision: input.revision };
  const working = await workingFields(deps.store, article);
  if (changedFields(working.fields, withEdit(working.fields, input.edit)).length === 0) return { revision: input.revision, saved: false };
  try {
    const saved = await saveEdit(deps, actor, { id: input.id, revision: input.revision, edit: input.edit, kind: input.kind });
    return { revision: saved.revision, saved: true };
  } catch (error) {
    // Someone saved between the read above and this write: the same as a stale form.
    if (isDomainError(error, 'STALE_REVISION')) return { stale: true, revision: input.revision };
    throw error;
  }
}

/** My version of an article: the revision my form was made from, with my edit laid over it. */
async function myVersion(deps: StaffArticleDeps, article: Article, revision: number, edit: ArticleEdit): Promise<{ base: EditableFields; mine: EditableFields; working: EditableFields }> {
  const working = await workingFields(deps.store, article);
  const stored = await deps.store.articles.revision(article.id, revision);
  const base = stored ? fieldsOfSnapshot(stored.snapshot, working.fields.featuredMediaId) : working.fields;
  return { base, mine: withEdit(base, edit), working: working.fields };
}

export type StaleOutcome = { merged: true; revision: number; ownSaves: boolean } | { keptAside: number };

/**
 * A form made from `revision` met newer saves. When those were all this person's own autosaves (one was on
 * its way when they pressed a button), the form is the newest version and is saved. Otherwise my edit merges
 * field by field with the text now: with no field changed differently by both, the merge is saved; else my
 * version is kept aside (`keptAside`) for the person to compare and choose. `autosave` never merges: its
 * form still holds old copies of fields someone else may have changed, so it is always kept aside.
 */
export async function settleStaleForm(
  deps: StaffArticleDeps,
  actor: Actor & { id: number },
  input: { id: number; revision: number; edit: ArticleEdit; autosave?: boolean },
): Promise<StaleOutcome> {
  const { article } = await loadForEdit(deps.store, actor, input.id);
  const { base, mine, working } = await myVersion(deps, article, input.revision, input.edit);
  const keepAside = async () => ({
    keptAside: await deps.store.pending.keepUnmerged({ articleId: input.id, userId: actor.id, baseRevision: input.revision, fields: mine, against: 'working', createdAt: deps.clock.now() }),
  });
  if (input.autosave) return keepAside();
  const ownSaves = (await deps.store.articles.revisions(input.id))
    .filter((entry) => entry.revision > input.revision)
    .every((entry) => entry.authorId === actor.id && entry.kind === 'autosave');
  const attempt = async (edit: ArticleEdit, kind: 'save' | 'merged') => {
    try {
      return (await saveEdit(deps, actor, { id: input.id, revision: article.revision, edit, kind })).revision;
    } catch (error) {
      if (!isDomainError(error, 'STALE_REVISION')) throw error;
      return undefined;
    }
  };
  if (ownSaves) {
    const revision = await attempt(input.edit, 'save');
    if (revision !== undefined) return { merged: true, revision, ownSaves };
  }
  if (changedFields(base, mine).length === 0) return { merged: true, revision: article.revision, ownSaves };
  const { merged, conflicts } = mergeFields(base, working, mine);
  if (conflicts.length === 0) {
    const revision = await attempt(editOf(merged), 'merged');
    if (revision !== undefined) return { merged: true, revision, ownSaves };
  }
  return keepAside();
}

/** "Update" met a change of the live text in a field the working copy changed too: the copy is kept aside to merge. */
export async function keepWorkingCopyAside(deps: Pick<StaffArticleDeps, 'store' | 'clock'>, actor: Actor & { id: number }, id: number): Promise<number> {
  const pending = await deps.store.pending.find(id);
  if (!pending) throw new DomainError('VALIDATION_FAILED', 'There are no unpublished changes to merge.');
  return deps.store.pending.keepUnmerged({ articleId: id, userId: actor.id, baseRevision: pending.baseRevision, fields: pending.fields, against: 'live', createdAt: deps.clock.now() });
}

export interface Comparison {
  article: Article;
  unmerged: UnmergedEdit;
  base: EditableFields;
  theirs: EditableFields;
}

/**
 * A version kept aside, with what it is compared with: the text as it stands (the live text, when a working
 * copy met a change of it) and the revision both began from. Only its author, or who may edit any article.
 */
export async function loadComparison(deps: Pick<StaffArticleDeps, 'store'>, actor: Actor, input: { id: number; comparison: number }): Promise<Comparison> {
  const { article } = await loadForEdit(deps.store, actor, input.id);
  const unmerged = await deps.store.pending.findUnmerged(input.comparison);
  if (!unmerged || unmerged.articleId !== input.id) throw new DomainError('ARTICLE_NOT_FOUND', 'This comparison is finished or never existed; open the article again.');
  if (unmerged.userId !== actor.id && !can(actor.role, 'article.edit.any')) throw new DomainError('FORBIDDEN', 'This comparison belongs to someone else.');
  const theirs = unmerged.against === 'live' ? await liveFields(deps.store, article) : (await workingFields(deps.store, article)).fields;
  const stored = await deps.store.articles.revision(input.id, unmerged.baseRevision);
  const base = stored ? fieldsOfSnapshot(stored.snapshot, theirs.featuredMediaId) : theirs;
  return { article, unmerged, base, theirs };
}

/**
 * Saves a comparison as settled by the person's `choices` for the fields both sides changed, made against
 * revision `theirsRevision` (STALE_REVISION when the article was saved again meanwhile). When a value of mine
 * is not kept, my version goes into the history first, so it can be restored. A working copy that met a
 * change of the live text is saved back as the working copy, now based on the live text. MergeChoiceMissing
 * when a conflict has no choice.
 */
export async function settleComparison(
  deps: StaffArticleDeps,
  actor: Actor,
  input: { id: number; comparison: number; theirsRevision: number; choices: Partial<Record<FieldName, FieldChoice>> },
): Promise<void> {
  const { article, unmerged, base, theirs } = await loadComparison(deps, actor, input);
  if (input.theirsRevision !== article.revision) {
    throw new DomainError('STALE_REVISION', 'The article was saved again while you were choosing; here is the newest version to compare with.');
  }
  const result = resolveMerge(base, theirs, unmerged.fields, input.choices);
  let revision = article.revision;
  if (unmerged.against === 'working' && result.notKept.length > 0) {
    revision = (await saveEdit(deps, actor, { id: input.id, revision, edit: editOf(unmerged.fields), kind: 'unmerged' })).revision;
  }
  const liveRevision = unmerged.against === 'live' ? (await deps.store.articles.revisions(input.id)).find((entry) => !entry.pending)?.revision : undefined;
  await saveEdit(deps, actor, { id: input.id, revision, edit: editOf(result.fields), kind: 'merged', ...(liveRevision !== undefined ? { baseRevision: liveRevision } : {}) });
  await deps.store.pending.dropUnmerged(input.comparison);
}
