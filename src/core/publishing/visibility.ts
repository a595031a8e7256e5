import type { Article } from '../articles/article.js';

/**
 * The one read rule for readers, stated once: an article is public when it is published and its publication
 * time has come. Everything else is derived from these two functions:
 * - `isPublic` answers for one article in memory;
 * - `publicSince` gives the instant from which an article is public (or null: not while it stays as it is).
 *   Storage keeps that instant beside the article (`articles.published_at` with the status, and `public_at`
 *   on the tag and byline link tables) and applies the rule as "public since ≤ now" through one function,
 *   `storage/sql/public-read.ts`.
 */
export function publicSince(article: Pick<Article, 'status' | 'publishedAt'>): Date | null {
  return article.status === PUBLIC_STATUS && article.publishedAt !== null ? article.publishedAt : null;
}

export function isPublic(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  const since = publicSince(article);
  return since !== null && since.getTime() <= now.getTime();
}

/** The status an article must have to be public (its time must also have come). */
export const PUBLIC_STATUS = 'published' as const;

/**
 * The rule as a query constraint, for a store to apply: `status = PUBLIC_STATUS and published_at <= now`.
 * `scheduled` asks for the other side of the time condition: published articles whose time has not come.
 */
export function readerConstraint(now: Date, when: 'public' | 'scheduled' = 'public'): {
  status: typeof PUBLIC_STATUS;
  publishedAt: { op: '<=' | '>'; at: Date };
} {
  return { status: PUBLIC_STATUS, publishedAt: { op: when === 'public' ? '<=' : '>', at: now } };
}
