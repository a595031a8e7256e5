import type { ArticleStatus } from '../articles/article.js';

// Every save of an article, kept as a snapshot.

/** What made a revision. */
export type RevisionKind =
  | 'created'
  | 'autosave'
  | 'save'
  | 'submitted'
  | 'sent_back'
  | 'withdrawn'
  | 'published'
  | 'scheduled'
  | 'unpublished'
  | 'archived'
  | 'unarchived'
  | 'restored'
  | 'api'
  | 'updated'
  | 'merged'
  | 'unmerged';

export const REVISION_KINDS: readonly RevisionKind[] = [
  'created',
  'autosave',
  'save',
  'submitted',
  'sent_back',
  'withdrawn',
  'published',
  'scheduled',
  'unpublished',
  'archived',
  'unarchived',
  'restored',
  'api',
  'updated',
  'merged',
  'unmerged',
];

export interface RevisionStore {
  addRevision(input: {
    articleId: number;
    revision: number;
    snapshot: RevisionSnapshot;
    authorId: number | null;
    apiKeyId?: number | null;
    kind: RevisionKind;
    at: Date;
    /** A save of a live article's working copy (readers still see the live text). */
    pending?: boolean;
  }): Promise<void>;
  revisions(articleId: number): Promise<RevisionInfo[]>;
  revision(articleId: number, revision: number): Promise<(RevisionInfo & { snapshot: RevisionSnapshot }) | undefined>;
}

/** The editable fields of an article as saved in one revision. */
export interface RevisionSnapshot {
  title: string;
  dek: string;
  bodyMd: string;
  excerpt: string;
  slug: string;
  status: ArticleStatus;
  publishedAt: string | null;
  primaryCategoryId: number | null;
  authorIds: number[];
  tagIds: number[];
  tagNames: string[];
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  noindex: boolean;
  /** The picture; absent in revisions saved before it was recorded. */
  featuredMediaId?: number | null;
}

export interface RevisionInfo {
  revision: number;
  authorId: number | null;
  authorName: string | null;
  /** The API key that saved it, when it came through the REST API. */
  apiKeyName: string | null;
  /** Revisions saved before kinds were recorded read as 'save'. */
  kind: RevisionKind;
  at: Date;
  /** A save of the working copy of a live article, which readers do not see until it is applied. */
  pending: boolean;
}
