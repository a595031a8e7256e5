export type ArticleStatus = 'draft' | 'in_review' | 'published' | 'archived';

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'in_review', 'published', 'archived'];

/** A stored article. Times are UTC instants. */
/** An article as readers get it: everything but the Markdown source, which no public page shows. */
export type PublicArticle = Omit<Article, 'bodyMd'>;

export interface Article {
  id: number;
  slug: string;
  title: string;
  dek: string;
  bodyMd: string;
  bodyHtml: string;
  /** Always filled: the editor's own excerpt or one derived from the body. */
  excerpt: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  /** When it first became public; kept when it is taken down, so publishing again keeps the date. */
  firstPublishedAt: Date | null;
  updatedAt: Date;
  createdAt: Date;
  revision: number;
  primaryCategoryId: number | null;
  featuredMediaId: number | null;
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  noindex: boolean;
}

/** What listings need: no body. */
export type ArticleSummary = Pick<
  Article,
  'id' | 'slug' | 'title' | 'dek' | 'excerpt' | 'publishedAt' | 'updatedAt' | 'primaryCategoryId'
> & { publishedAt: Date };

/** Everything needed to insert an article. `authorIds` is the byline order. */
export interface ArticleDraft {
  slug: string;
  title: string;
  dek: string;
  bodyMd: string;
  bodyHtml: string;
  excerpt: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  /** Set when the article is public from the start (see core/publishing/first-publication.ts). */
  firstPublishedAt?: Date | null;
  updatedAt: Date;
  createdAt: Date;
  primaryCategoryId: number | null;
  /** A picture of the library shown with the article (imports set it; the editor sets it by an update). */
  featuredMediaId?: number | null;
  authorIds: readonly number[];
  tagIds: readonly number[];
  seoTitle?: string | null;
  seoDescription?: string | null;
  canonicalUrl?: string | null;
  noindex?: boolean;
}

/** One name in a byline. */
export interface Byline {
  userId: number;
  slug: string;
  displayName: string;
  position: number;
}
