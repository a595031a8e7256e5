import type { Article } from '../articles/article.js';
import { isPublic } from './visibility.js';

type PublicationState = Pick<Article, 'status' | 'publishedAt'>;

/**
 * When the article first became public, if it ever has: its recorded first publication, or else (a story
 * that went public from a schedule, with no save since) its publication time, once that has come.
 */
export function reachedFirstPublication(article: PublicationState & Pick<Article, 'firstPublishedAt'>, now: Date): Date | null {
  return article.firstPublishedAt ?? (isPublic(article, now) ? article.publishedAt : null);
}

/**
 * The first publication date to store after a write that takes an article from `before` to `after`: the
 * earliest time it is known to have been public. Once an article has been public the date survives
 * unpublishing, archiving, restoring, publishing again and rescheduling; only a public date set earlier
 * (back-dating) moves it back. Before that it is empty, so a schedule withdrawn before its time leaves no date.
 */
export function firstPublication(
  before: (PublicationState & Pick<Article, 'firstPublishedAt'>) | undefined,
  after: PublicationState,
  now: Date,
): Date | null {
  const reached = before ? reachedFirstPublication(before, now) : null;
  const publicNow = isPublic(after, now) ? after.publishedAt : null;
  if (reached === null || publicNow === null) return reached ?? publicNow;
  return publicNow < reached ? publicNow : reached;
}
