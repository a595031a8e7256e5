import type { Article } from './article.js';
import { isPublic, PUBLIC_STATUS } from '../publishing/visibility.js';

/**
 * Where an article stands for the desk. Storage keeps four statuses; "scheduled" is not stored: it is a
 * published article whose publication time has not come yet (the read rule in `publishing/visibility.ts`).
 */
export type DeskStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'archived';

export const DESK_STATUSES: readonly DeskStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'archived'];

export function isDeskStatus(value: string): value is DeskStatus {
  return (DESK_STATUSES as readonly string[]).includes(value);
}

/** The desk's status of an article at `now`. */
export function deskStatus(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): DeskStatus {
  if (article.status !== PUBLIC_STATUS) return article.status;
  return isPublic(article, now) || article.publishedAt === null ? 'published' : 'scheduled';
}
