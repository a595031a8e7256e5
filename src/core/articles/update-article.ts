import { DomainError } from '../errors.js';
import type { ArticleChanges, AuditInput, RevisionKind, Store } from '../ports.js';
import { articleChangeKeys, type ArticleFacts } from '../publishing/cache-keys.js';
import { firstPublication, reachedFirstPublication } from '../publishing/first-publication.js';
import { articlePath } from '../permalinks/permalinks.js';
import type { Article, ArticleStatus } from './article.js';
import { articleFacts } from './article-facts.js';
import { recordRevision } from './revision-snapshot.js';
import type { ArticleDeps } from './create-article.js';
import { excerptFor } from './excerpt.js';
import { editOf, fieldsOfArticle, fieldsOfSnapshot, mergeFields } from './editable-fields.js';
import { ARTICLE_LIMITS, assertLength, assertTitleLength, MAX_DEK_LENGTH } from './limits.js';
import { assertValidSlug, isReservedSlug, slugify } from './slug.js';

export interface ArticleEdit {
  title?: string;
  dek?: string;
  bodyMd?: string;
  /** The editor's excerpt; '' goes back to one derived from the body. */
  excerpt?: string;
  slug?: string;
  status?: ArticleStatus;
  publishedAt?: Date | null;
  primaryCategoryId?: number | null;
  featuredMediaId?: number | null;
  authorIds?: readonly number[];
  tagNames?: readonly string[];
  seoTitle?: string | null;
  seoDescription?: string | null;
  canonicalUrl?: string | null;
  noindex?: boolean;
}

/**
 * Refuses an edit that cannot be saved (empty or over-long headline, over-long standfirst, a person twice in
 * the byline, a malformed slug or canonical URL, a tag whose address is reserved) with VALIDATION_FAILED,
 * SLUG_INVALID or SLUG_RESERVED, before anything is written. Every save path checks with this one function.
 */
export function validateEdit(edit: ArticleEdit): void {
  if (edit.title !== undefined && edit.title.trim() === '') {
    throw new DomainError('VALIDATION_FAILED', 'An article needs a title.', { field: 'title' });
  }
  if (edit.title !== undefined) assertTitleLength(edit.title.trim());
  if (edit.dek !== undefined && edit.dek.length > MAX_DEK_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', `A standfirst can have at most ${MAX_DEK_LENGTH} characters.`, { field: 'dek' });
  }
  assertLength('bodyMd', 'The body', edit.bodyMd);
  assertLength('excerpt', 'The excerpt', edit.excerpt);
  assertLength('slug', 'The address (slug)', edit.slug);
  assertLength('seoTitle', 'The search engine title', edit.seoTitle);
  assertLength('seoDescription', 'The search engine description', edit.seoDescription);
  assertLength('canonicalUrl', 'The canonical URL', edit.canonicalUrl);
  if (edit.tagNames && edit.tagNames.length > ARTICLE_LIMITS.tags) {
    throw new DomainError('VALIDATION_FAILED', `An article can have at most ${ARTICLE_LIMITS.tags} tags; this one has ${edit.tagNames.length}.`, { field: 'tagNames' });
  }
  for (const name of edit.tagNames ?? []) assertLength('tagName', `The tag "${[...name.trim()].slice(0, 30).join('')}…"`, name.trim());
  if (edit.authorIds && edit.authorIds.length > ARTICLE_LIMITS.authors) {
    throw new DomainError('VALIDATION_FAILED', `A byline can name at most ${ARTICLE_LIMITS.authors} people.`, { field: 'authorIds' });
  }
  if (edit.authorIds && new Set(edit.authorIds).size !== edit.authorIds.length) {
    throw new DomainError('VALIDATION_FAILED', 'An author can appear only once in a byline.', { field: 'authorIds' });
  }
  if (edit.slug !== undefined) assertValidSlug(edit.slug);
  if (edit.canonicalUrl && !/^https?:\/\/[^\s<>"]+$/i.test(edit.canonicalUrl)) {
    throw new DomainError('VALIDATION_FAILED', 'The canonical URL must start with http:// or https://.', { field: 'canonicalUrl' });
  }
  for (const name of edit.tagNames ?? []) {
    const slug = slugify(name.trim());
    if (slug !== '' && isReservedSlug(slug)) {
      throw new DomainError('SLUG_RESERVED', `The tag "${name.trim()}" would have the reserved address /tag/${slug}; name the tag differently.`, {
        field: 'tagNames',
        slug,
      });
    }
  }
}

/**
 * Saves an edit made to `revision` of an article. A stale revision is refused with STALE_REVISION and nothing
 * is written. A published article whose slug changes keeps a 301 from its old URL. Afterwards the keys of
 * what changed are published on the invalidation bus.
 */
export async function updateArticle(
  deps: ArticleDeps,
  input: {
    id: number;
    revision: number;
    edit: ArticleEdit;
    actorId?: number | null;
    /** The API key that makes the change (the revision names it). */
    apiKeyId?: number | null;
    /** What the revision records as having made it; a plain save when not said. */
    kind?: RevisionKind;
    /** Outbox jobs written in the same transaction as the save, so they happen exactly when it does. */
    sideEffects?: ReadonlyArray<{ kind: string; payload: unknown }>;
    /** An audit-log line for the saved article, written in the same transaction. */
    audit?: (saved: Article) => AuditInput;
    /**
     * Apply the article's working copy (if it has one) along with this edit, and clear it: an "Update", or a
     * workflow action on a live article. A field both the working copy and the live text changed since the
     * copy began is an EDIT_CONFLICT, and nothing is written.
     */
    foldPending?: boolean;
    /** Further rows written in the same transaction once the article is saved (the note an article is sent back with). */
    alongside?: (store: Store, saved: Article) => Promise<void>;
  },
): Promise<Article> {
  const { edit } = input;
  validateEdit(edit);
  const now = deps.clock.now();

  const { before, after } = await deps.store.transaction(async (store: Store) => {
    const current = await store.articles.findById(input.id);
    if (!current) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${input.id}.`, { id: input.id });
    const beforeFacts = await articleFacts(store, current);
    const edit = input.foldPending ? await foldWorkingCopy(store, current, beforeFacts.authorIds, input.edit) : input.edit;
    const changes: ArticleChanges = { updatedAt: now };
    if (edit.title !== undefined) changes.title = edit.title.trim();
    if (edit.dek !== undefined) changes.dek = edit.dek.trim();
    if (edit.slug !== undefined) changes.slug = edit.slug;
    if (edit.status !== undefined) changes.status = edit.status;
    if (edit.publishedAt !== undefined) changes.publishedAt = edit.publishedAt;
    // Published again without a date: back at its first publication, if it had one (old news is not re-dated).
    if (edit.status === 'published' && edit.publishedAt === undefined && current.publishedAt === null) {
      changes.publishedAt = reachedFirstPublication(current, now) ?? now;
    }
    const first = firstPublication(current, { status: changes.status ?? current.status, publishedAt: changes.publishedAt !== undefined ? changes.publishedAt : current.publishedAt }, now);
    if (first?.getTime() !== current.firstPublishedAt?.getTime()) changes.firstPublishedAt = first;
    if (edit.primaryCategoryId !== undefined) changes.primaryCategoryId = edit.primaryCategoryId;
    if (edit.featuredMediaId !== undefined) changes.featuredMediaId = edit.featuredMediaId;
    if (edit.seoTitle !== undefined) changes.seoTitle = edit.seoTitle;
    if (edit.seoDescription !== undefined) changes.seoDescription = edit.seoDescription;
    if (edit.canonicalUrl !== undefined) changes.canonicalUrl = edit.canonicalUrl;
    if (edit.noindex !== undefined) changes.noindex = edit.noindex;
    if (edit.authorIds !== undefined) changes.authorIds = edit.authorIds;
    if (edit.bodyMd !== undefined) {
      changes.bodyMd = edit.bodyMd;
      changes.bodyHtml = deps.markdown.render(edit.bodyMd);
    }
    if (edit.bodyMd !== undefined || edit.excerpt !== undefined) {
      changes.excerpt = excerptFor({
        excerpt: edit.excerpt ?? null,
        bodyHtml: changes.bodyHtml ?? current.bodyHtml,
        words: deps.excerptWords,
      });
    }
    if (edit.tagNames !== undefined) changes.tagIds = await tagIdsFor(store, edit.tagNames);
    const updated = await store.articles.update(current.id, input.revision, changes);
    if (input.foldPending) await store.pending.clear(current.id);
    if (changes.slug !== undefined && changes.slug !== current.slug && current.status === 'published') {
      await store.redirects.add({ fromPath: articlePath(current.slug), toPath: articlePath(changes.slug) });
    }
    const afterFacts = await articleFacts(store, updated);
    await recordRevision(store, { article: updated, facts: afterFacts, actorId: input.actorId ?? null, apiKeyId: input.apiKeyId ?? null, kind: input.kind ?? 'save', at: now });
    await scheduleGoingPublic(store, updated, afterFacts, now);
    for (const effect of input.sideEffects ?? []) await store.outbox.enqueue({ ...effect, availableAt: now });
    if (input.audit) await store.accounts.audit(input.audit(updated));
    if (input.alongside) await input.alongside(store, updated);
    return { before: beforeFacts, after: { article: updated, facts: afterFacts } };
  });
  await deps.bus?.publish(articleChangeKeys(before, after.facts));
  return after.article;
}

/**
 * The edit that applies `article`'s working copy, merged with whatever changed in the live text since the copy
 * began, with `edit` laid over it; `edit` alone when there is no working copy.
 */
async function foldWorkingCopy(store: Store, article: Article, authorIds: readonly number[], edit: ArticleEdit): Promise<ArticleEdit> {
  const pending = await store.pending.find(article.id);
  if (!pending) return edit;
  const tagNames = ((await store.articles.tags([article.id])).get(article.id) ?? []).map((tag) => tag.name);
  const live = fieldsOfArticle(article, { authorIds, tagNames });
  const base = await store.articles.revision(article.id, pending.baseRevision);
  const { merged, conflicts } = mergeFields(base ? fieldsOfSnapshot(base.snapshot, live.featuredMediaId) : live, live, pending.fields);
  if (conflicts.length > 0) {
    throw new DomainError('EDIT_CONFLICT', 'The live story was changed (through the API) in the same fields as the unpublished changes; choose which to keep.', {
      id: article.id,
      conflicts,
    });
  }
  return { ...editOf(merged), ...edit };
}

/**
 * A scheduled article changes pages when its time comes: an outbox job announces its keys then, so every
 * process (and, later, CDNs and webhooks) hears of it exactly once.
 */
export async function scheduleGoingPublic(store: Store, article: Article, facts: ArticleFacts, now: Date): Promise<void> {
  if (article.status !== 'published' || !article.publishedAt || article.publishedAt <= now) return;
  await store.outbox.enqueue({
    kind: INVALIDATE_JOB,
    payload: { keys: articleChangeKeys(undefined, facts) },
    availableAt: article.publishedAt,
  });
}

/** Outbox job kind whose payload `{ keys }` is published on the invalidation bus. */
export const INVALIDATE_JOB = 'invalidate';

/**
 * Outbox job kind written with every publishing action (`{ articleId, action }`): purges CDNs and, later,
 * calls webhooks. The page caches of all processes are purged at once by the save itself.
 */
export const PUBLISHING_JOB = 'article.publishing';

/**
 * Tag ids for tag names, creating missing tags (slugs from names). A name whose slug is reserved is refused
 * with SLUG_RESERVED, so no tag page answers a reserved address.
 */
export async function tagIdsFor(store: Store, names: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const clean = name.trim();
    const slug = slugify(clean);
    if (slug === '') continue;
    if (isReservedSlug(slug)) {
      throw new DomainError('SLUG_RESERVED', `The tag "${clean}" would have the reserved address /tag/${slug}; name the tag differently.`, {
        field: 'tagNames',
        slug,
      });
    }
    ids.push((await store.tags.ensure({ slug, name: clean })).id);
  }
  return [...new Set(ids)];
}
