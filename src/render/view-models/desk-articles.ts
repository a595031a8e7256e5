import type { ArticleStatus } from '../../core/articles/article.js';
import { DESK_STATUSES, deskStatus, type DeskStatus } from '../../core/articles/desk-status.js';

/** How the newsroom names each desk status. */
export const DESK_STATUS_LABELS: Record<DeskStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  archived: 'Archived',
};

export const DESK_STATUS_OPTIONS = DESK_STATUSES.map((value) => ({ value, label: DESK_STATUS_LABELS[value] }));

export interface DeskBadge {
  key: DeskStatus;
  label: string;
}

/** A publication time for the page: machine-readable instant and the words in the site's zone. */
export interface DeskTime {
  iso: string;
  text: string;
}

export interface DeskArticleRow {
  id: number;
  title: string;
  status: DeskBadge;
  /** When it goes or went public, for scheduled and published articles only. */
  publication?: DeskTime;
  updated: string;
  category: string;
  /** A live story whose working copy holds changes readers do not see yet. */
  pending: boolean;
}

/** Formats an instant in the site's time zone (the newsroom's one formatter). */
export type FormatInstant = (date: Date) => string;

export function deskBadge(article: { status: ArticleStatus; publishedAt: Date | null }, now: Date): DeskBadge {
  const key = deskStatus(article, now);
  return { key, label: DESK_STATUS_LABELS[key] };
}

/** The publication time worth showing: the scheduled or past publication, never a draft's leftover time. */
export function deskPublication(
  article: { status: ArticleStatus; publishedAt: Date | null },
  now: Date,
  format: FormatInstant,
): DeskTime | undefined {
  const key = deskStatus(article, now);
  if ((key !== 'scheduled' && key !== 'published') || article.publishedAt === null) return undefined;
  return { iso: article.publishedAt.toISOString(), text: format(article.publishedAt) };
}

export function deskArticleRows(
  rows: ReadonlyArray<{ id: number; title: string; status: ArticleStatus; publishedAt: Date | null; updatedAt: Date; primaryCategoryId: number | null }>,
  context: { now: Date; format: FormatInstant; sectionNames: ReadonlyMap<number, string>; pending?: ReadonlySet<number> },
): DeskArticleRow[] {
  return rows.map((row) => {
    const publication = deskPublication(row, context.now, context.format);
    return {
      id: row.id,
      title: row.title,
      status: deskBadge(row, context.now),
      ...(publication ? { publication } : {}),
      updated: context.format(row.updatedAt),
      category: row.primaryCategoryId === null ? '' : (context.sectionNames.get(row.primaryCategoryId) ?? ''),
      pending: context.pending?.has(row.id) ?? false,
    };
  });
}
