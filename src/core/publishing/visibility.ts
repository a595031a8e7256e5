import type { Article } from '../articles/article.js';

/** The one read rule for readers: published, and its publication time has come. */
export function isPublic(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status === 'published' && article.publishedAt !== null && article.publishedAt.getTime() <= now.getTime();
}
