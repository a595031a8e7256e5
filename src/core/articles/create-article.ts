import { DomainError, isDomainError } from '../errors.js';
import type { Clock, InvalidationBus, MarkdownRenderer, Store } from '../ports.js';
import { articleChangeKeys } from '../publishing/cache-keys.js';
import { firstPublication } from '../publishing/first-publication.js';
import { articleFacts } from './article-facts.js';
import { recordRevision } from './revision-snapshot.js';
import { scheduleGoingPublic, tagIdsFor } from './update-article.js';
import type { Article, ArticleStatus } from './article.js';
import { excerptFor } from './excerpt.js';
import { assertTitleLength } from './limits.js';
import { assertValidSlug, slugify, uniqueSlug } from './slug.js';

export interface NewArticleInput {
  title: string;
  dek?: string;
  bodyMd: string;
  /** The editor's own excerpt; derived from the body when empty. */
  excerpt?: string;
  /** Chosen slug; made from the title (and made unique) when omitted. */
  slug?: string;
  status?: ArticleStatus;
  publishedAt?: Date | null;
  updatedAt?: Date;
  primaryCategoryId?: number | null;
  featuredMediaId?: number | null;
  /** Byline order. */
  authorIds: readonly number[];
  tagNames?: readonly string[];
  /** Tags already resolved (an import maps the export's tags itself); added to those of `tagNames`. */
  tagIds?: readonly number[];
  seoTitle?: string | null;
  seoDescription?: string | null;
  canonicalUrl?: string | null;
  noindex?: boolean;
  /** Who saved it (for the first revision); null for imports and the demo. */
  actorId?: number | null;
}

export interface ArticleDeps {
  store: Store;
  clock: Clock;
  markdown: MarkdownRenderer;
  excerptWords: number;
  /** Where the keys of what changed are announced (page caches of every process listen). */
  bus?: InvalidationBus;
}

/** Validates and stores a new article with its authors and tags, all in one transaction. */
export async function createArticle(deps: ArticleDeps, input: NewArticleInput): Promise<Article> {
  const title = input.title.trim();
  if (title === '') throw new DomainError('VALIDATION_FAILED', 'An article needs a title.', { field: 'title' });
  assertTitleLength(title);
  if (new Set(input.authorIds).size !== input.authorIds.length) {
    throw new DomainError('VALIDATION_FAILED', 'An author can appear only once in a byline.', { field: 'authorIds' });
  }
  const status = input.status ?? 'draft';
  const now = deps.clock.now();
  const publishedAt = input.publishedAt ?? (status === 'published' ? now : null);
  const bodyHtml = deps.markdown.render(input.bodyMd);
  const excerpt = excerptFor({ excerpt: input.excerpt, bodyHtml, words: deps.excerptWords });

  const save = () => deps.store.transaction(async (store) => {
    let slug: string;
    if (input.slug !== undefined && input.slug !== '') {
      assertValidSlug(input.slug);
      slug = input.slug;
    } else {
      slug = await uniqueSlug(slugify(title), (candidate) => store.articles.slugExists(candidate));
    }
    const tagIds = [...new Set([...(input.tagIds ?? []), ...(await tagIdsFor(store, input.tagNames ?? []))])];
    const created = await store.articles.create({
      slug,
      title,
      dek: input.dek?.trim() ?? '',
      bodyMd: input.bodyMd,
      bodyHtml,
      excerpt,
      status,
      publishedAt,
      firstPublishedAt: firstPublication(undefined, { status, publishedAt }, now),
      updatedAt: input.updatedAt ?? now,
      createdAt: now,
      primaryCategoryId: input.primaryCategoryId ?? null,
      featuredMediaId: input.featuredMediaId ?? null,
      authorIds: input.authorIds,
      tagIds,
      seoTitle: input.seoTitle ?? null,
      seoDescription: input.seoDescription ?? null,
      canonicalUrl: input.canonicalUrl ?? null,
      noindex: input.noindex ?? false,
    });
    const facts = await articleFacts(store, created);
    await recordRevision(store, { article: created, facts, actorId: input.actorId ?? null, kind: 'created', at: now });
    await scheduleGoingPublic(store, created, facts, now);
    return { article: created, facts };
  });
  const { article, facts } = await withFreshSlug(save, input.slug === undefined || input.slug === '');
  await deps.bus?.publish(articleChangeKeys(undefined, facts));
  return article;
}

/** Rounds of `withFreshSlug`: enough for dozens of identical headlines started in the same instant. */
const MAX_SLUG_ATTEMPTS = 50;

/**
 * Runs `save` again when a slug derived from the title was taken between the check and the insert (drafts
 * with the same headline started at once): each round one of the racers gets the free slug, and the others
 * look again. A slug the caller chose is not replaced: SLUG_TAKEN stands.
 */
async function withFreshSlug<T>(save: () => Promise<T>, derived: boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await save();
    } catch (error) {
      if (!derived || attempt >= MAX_SLUG_ATTEMPTS || !isDomainError(error, 'SLUG_TAKEN')) throw error;
    }
  }
}

