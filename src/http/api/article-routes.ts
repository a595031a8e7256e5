import { ARTICLE_LIMITS } from '../../core/articles/limits.js';
import type { FastifyInstance } from 'fastify';
import type { Article } from '../../core/articles/article.js';
import { ARTICLE_STATUSES } from '../../core/articles/article.js';
import type { ArticleEdit } from '../../core/articles/update-article.js';
import { changeArticle, loadForEdit, type Actor } from '../../core/articles/workflow.js';
import { DomainError } from '../../core/errors.js';
import type { ApiKey, Clock, InvalidationBus, MarkdownRenderer, Store } from '../../core/ports.js';

export interface ApiDeps {
  store: Store;
  clock: Clock;
  markdown: MarkdownRenderer;
  bus: InvalidationBus;
  excerptWords: number;
}

const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;

const articleJson = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    slug: { type: 'string' },
    title: { type: 'string' },
    dek: { type: 'string' },
    bodyMd: { type: 'string' },
    excerpt: { type: 'string' },
    status: { type: 'string' },
    publishedAt: { type: ['string', 'null'] },
    updatedAt: { type: 'string' },
    revision: { type: 'integer' },
    primaryCategoryId: { type: ['integer', 'null'] },
    authorIds: { type: 'array', items: { type: 'integer' } },
    tagIds: { type: 'array', items: { type: 'integer' } },
    canonicalUrl: { type: ['string', 'null'] },
    noindex: { type: 'boolean' },
  },
} as const;

const editBody = {
  type: 'object',
  additionalProperties: false,
  required: ['revision'],
  properties: {
    revision: { type: 'integer', minimum: 1 },
    title: { type: 'string', minLength: 1, maxLength: ARTICLE_LIMITS.title },
    dek: { type: 'string', maxLength: ARTICLE_LIMITS.dek },
    bodyMd: { type: 'string', maxLength: ARTICLE_LIMITS.bodyMd },
    excerpt: { type: 'string', maxLength: ARTICLE_LIMITS.excerpt },
    slug: { type: 'string', minLength: 1, maxLength: ARTICLE_LIMITS.slug },
    status: { type: 'string', enum: [...ARTICLE_STATUSES] },
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
    categorySlug: { type: ['string', 'null'], maxLength: 200 },
    tagNames: { type: 'array', maxItems: ARTICLE_LIMITS.tags, items: { type: 'string', minLength: 1, maxLength: ARTICLE_LIMITS.tagName } },
    authorSlugs: { type: 'array', minItems: 1, maxItems: ARTICLE_LIMITS.authors, items: { type: 'string', minLength: 1, maxLength: 200 } },
    seoTitle: { type: ['string', 'null'], maxLength: ARTICLE_LIMITS.seoTitle },
    seoDescription: { type: ['string', 'null'], maxLength: ARTICLE_LIMITS.seoDescription },
    canonicalUrl: { type: ['string', 'null'], maxLength: ARTICLE_LIMITS.canonicalUrl },
    noindex: { type: 'boolean' },
    /** With status "draft" on an article in review that someone else wrote: the note it is sent back with. */
    note: { type: 'string', maxLength: ARTICLE_LIMITS.note },
  },
} as const;

interface EditBody {
  revision: number;
  title?: string;
  dek?: string;
  bodyMd?: string;
  excerpt?: string;
  slug?: string;
  status?: Article['status'];
  publishedAt?: string | null;
  categorySlug?: string | null;
  tagNames?: string[];
  authorSlugs?: string[];
  seoTitle?: string | null;
  seoDescription?: string | null;
  canonicalUrl?: string | null;
  noindex?: boolean;
  note?: string;
}

async function toJson(store: Store, article: Article) {
  const links = await store.articles.links(article.id);
  return {
    ...article,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    updatedAt: article.updatedAt.toISOString(),
    ...links,
  };
}

/** A key acts with its own role for the person it belongs to (their articles are its own). */
const actorOf = (key: ApiKey): Actor => ({ id: key.userId, role: key.role, apiKeyId: key.id });

/**
 * /api/v1/articles/:id — read and edit an article with an API key of any role. The newsroom's rules apply
 * unchanged (core/articles/workflow.ts): what a key may read and change is what a member of staff of its
 * role may, with the key's person's articles as its own; status and publishedAt become the workflow action
 * that reaches them, with its audit line and outbox job, and the revision names the key.
 */
export function registerArticleApi(app: FastifyInstance, deps: ApiDeps): void {
  const { store } = deps;
  const ANY_KEY = { access: { apiKey: 'contributor' } } as const;

  app.get<{ Params: { id: number } }>(
    '/api/v1/articles/:id',
    { config: ANY_KEY, schema: { params: idParams, response: { 200: articleJson } } },
    async (request) => {
      const { article } = await loadForEdit(store, actorOf(request.apiKey!), request.params.id);
      return toJson(store, article);
    },
  );

  app.patch<{ Params: { id: number }; Body: EditBody }>(
    '/api/v1/articles/:id',
    { config: ANY_KEY, schema: { params: idParams, body: editBody, response: { 200: articleJson } } },
    async (request) => {
      const body = request.body;
      const edit: ArticleEdit = {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.dek !== undefined ? { dek: body.dek } : {}),
        ...(body.bodyMd !== undefined ? { bodyMd: body.bodyMd } : {}),
        ...(body.excerpt !== undefined ? { excerpt: body.excerpt } : {}),
        ...(body.slug !== undefined ? { slug: body.slug } : {}),
        ...(body.tagNames !== undefined ? { tagNames: body.tagNames } : {}),
        ...(body.seoTitle !== undefined ? { seoTitle: body.seoTitle === null || body.seoTitle.trim() === '' ? null : body.seoTitle.trim() } : {}),
        ...(body.seoDescription !== undefined ? { seoDescription: body.seoDescription === null || body.seoDescription.trim() === '' ? null : body.seoDescription.trim() } : {}),
        ...(body.canonicalUrl !== undefined ? { canonicalUrl: body.canonicalUrl === '' ? null : body.canonicalUrl } : {}),
        ...(body.noindex !== undefined ? { noindex: body.noindex } : {}),
      };
      if (body.categorySlug !== undefined) {
        const category = body.categorySlug === null ? undefined : await store.categories.findBySlug(body.categorySlug);
        if (body.categorySlug !== null && !category) {
          throw new DomainError('CATEGORY_NOT_FOUND', `There is no section "${body.categorySlug}".`);
        }
        edit.primaryCategoryId = category?.id ?? null;
      }
      if (body.authorSlugs !== undefined) {
        const ids: number[] = [];
        for (const slug of body.authorSlugs) {
          const user = await store.users.findBySlug(slug);
          if (!user) throw new DomainError('USER_NOT_FOUND', `There is no author "${slug}".`);
          ids.push(user.id);
        }
        edit.authorIds = ids;
      }
      const target = {
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.publishedAt !== undefined ? { publishedAt: body.publishedAt === null ? null : new Date(body.publishedAt) } : {}),
      };
      const article = await changeArticle({ ...deps, ip: request.ip }, actorOf(request.apiKey!), {
        id: request.params.id,
        revision: body.revision,
        edit,
        ...(body.status !== undefined || body.publishedAt !== undefined ? { target } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
      });
      return toJson(store, article);
    },
  );
}
