import { DomainError } from '../errors.js';
import type { ArticleNote, Clock, Store } from '../ports.js';
import { loadForEdit, MAX_NOTE_LENGTH, type Actor } from './workflow.js';

/**
 * The desk's notes on an article: whoever may open the article in the newsroom reads and adds them; readers
 * never see them (no public query reads the notes table).
 */
export async function articleNotes(store: Store, actor: Actor, articleId: number): Promise<ArticleNote[]> {
  await loadForEdit(store, actor, articleId);
  return store.notes.list(articleId);
}

/** Adds a plain note to an article for `actor`, who must be able to open it (FORBIDDEN otherwise). */
export async function addArticleNote(deps: { store: Store; clock: Clock }, actor: Actor, input: { articleId: number; body: string }): Promise<ArticleNote> {
  const body = input.body.trim();
  if (body === '') throw new DomainError('VALIDATION_FAILED', 'Write the note first: it is empty.', { field: 'body' });
  if (body.length > MAX_NOTE_LENGTH) throw new DomainError('VALIDATION_FAILED', `A note can have at most ${MAX_NOTE_LENGTH} characters; this one has ${body.length}.`, { field: 'body' });
  await loadForEdit(deps.store, actor, input.articleId);
  return deps.store.notes.add({
    articleId: input.articleId,
    kind: 'note',
    body,
    authorId: actor.apiKeyId === undefined ? actor.id : null,
    apiKeyId: actor.apiKeyId ?? null,
    at: deps.clock.now(),
  });
}
