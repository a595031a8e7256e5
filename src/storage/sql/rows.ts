import type { Selectable } from 'kysely';
import type { Article, ArticleStatus, ArticleSummary, PublicArticle } from '../../core/articles/article.js';
import type { Author, Role } from '../../core/authors/author.js';
import type { Category, Tag } from '../../core/taxonomy/taxonomy.js';
import type { ArticlesTable, CategoriesTable, TagsTable, UsersTable } from '../schema.js';

export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toNullableDate(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

export function toArticle(row: Selectable<ArticlesTable>): Article {
  return { ...toPublicArticle(row), bodyMd: row.body_md };
}

export function toPublicArticle(row: Omit<Selectable<ArticlesTable>, 'body_md'>): PublicArticle {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    bodyHtml: row.body_html,
    excerpt: row.excerpt,
    status: row.status as ArticleStatus,
    publishedAt: toNullableDate(row.published_at),
    firstPublishedAt: toNullableDate(row.first_published_at),
    updatedAt: toDate(row.updated_at),
    createdAt: toDate(row.created_at),
    revision: row.revision,
    primaryCategoryId: row.primary_category_id,
    featuredMediaId: row.featured_media_id,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    canonicalUrl: row.canonical_url,
    noindex: row.noindex === 1,
  };
}

/**
 * Every column of `articles` we read, named so that `select *` never drags along columns the model does not
 * know (PostgreSQL's generated search vector).
 */
export const ARTICLE_COLUMNS = [
  'articles.id', 'articles.slug', 'articles.title', 'articles.dek', 'articles.body_md', 'articles.body_html',
  'articles.excerpt', 'articles.status', 'articles.published_at', 'articles.first_published_at', 'articles.updated_at', 'articles.created_at',
  'articles.revision', 'articles.primary_category_id', 'articles.featured_media_id', 'articles.seo_title',
  'articles.seo_description', 'articles.canonical_url', 'articles.noindex',
] as const;

/** What a public article page reads: the Markdown source stays in the database (about 30 µs a page, ADR 0011). */
export const PUBLIC_ARTICLE_COLUMNS = ARTICLE_COLUMNS.filter((column) => column !== 'articles.body_md');

export const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.title',
  'articles.dek',
  'articles.excerpt',
  'articles.published_at',
  'articles.updated_at',
  'articles.primary_category_id',
] as const;

type SummaryRow = Pick<
  Selectable<ArticlesTable>,
  'id' | 'slug' | 'title' | 'dek' | 'excerpt' | 'published_at' | 'updated_at' | 'primary_category_id'
>;

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    excerpt: row.excerpt,
    publishedAt: toDate(row.published_at as Date | string),
    updatedAt: toDate(row.updated_at),
    primaryCategoryId: row.primary_category_id,
  };
}

export function toAuthor(row: Selectable<UsersTable>): Author {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    slug: row.slug,
    bio: row.bio,
    role: row.role as Role,
    avatarMediaId: row.avatar_media_id,
  };
}

export function toCategory(row: Selectable<CategoriesTable>): Category {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description, parentId: row.parent_id, position: row.position };
}

export function toTag(row: Selectable<TagsTable>): Tag {
  return { id: row.id, slug: row.slug, name: row.name };
}

/** True when a statement broke a unique constraint, on either driver (each reports it its own way). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
