import type { ArticleListQuery, Store } from '../ports.js';
import { descendantIds, topLevel, type Category, type Tag } from '../taxonomy/taxonomy.js';
import type { ArticleSummary, Byline, PublicArticle } from './article.js';
import type { Cursor } from './cursor.js';
import type { Media as Image } from '../images/image.js';

/** A list of article summaries with what each item shows beside its title. */
export interface ListedArticles {
  items: ArticleSummary[];
  categories: Map<number, Category>;
  /** Where the next (older) page starts, when there is one. */
  next?: Cursor;
}

export interface ArticlePageData {
  article: PublicArticle;
  /** The featured picture, when the article has one. */
  image?: Image;
  bylines: Byline[];
  tags: Tag[];
  category?: Category;
  recent: ListedArticles;
}

export interface HomePageData {
  latest: ListedArticles;
  sections: Array<{ category: Category; items: ArticleSummary[] }>;
}

/**
 * A page of public articles: asks for one more than `limit` to learn whether an older page exists, and
 * attaches the categories the items name.
 */
export async function listPage(store: Store, query: ArticleListQuery): Promise<ListedArticles> {
  const rows = await store.articles.listPublic({ ...query, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const categoryIds = [...new Set(items.flatMap((item) => (item.primaryCategoryId === null ? [] : [item.primaryCategoryId])))];
  return {
    items,
    categories: await store.categories.findByIds(categoryIds),
    ...(rows.length > query.limit && last ? { next: { publishedAt: last.publishedAt, id: last.id } } : {}),
  };
}

/** Everything the article page shows, or undefined when no public article has this slug. */
export async function articlePage(
  store: Store,
  input: { slug: string; now: Date; recentCount: number },
): Promise<ArticlePageData | undefined> {
  const article = await store.articles.findPublicBySlug(input.slug, input.now);
  if (!article) return undefined;
  const [bylines, tags, categories, recent, image] = await Promise.all([
    store.articles.bylines([article.id]),
    store.articles.tags([article.id]),
    store.categories.findByIds(article.primaryCategoryId === null ? [] : [article.primaryCategoryId]),
    input.recentCount > 0
      ? listPage(store, { now: input.now, limit: input.recentCount, excludeIds: [article.id] })
      : Promise.resolve({ items: [], categories: new Map<number, Category>() }),
    article.featuredMediaId === null ? Promise.resolve(undefined) : store.media.findById(article.featuredMediaId),
  ]);
  const category = article.primaryCategoryId === null ? undefined : categories.get(article.primaryCategoryId);
  return {
    article,
    bylines: bylines.get(article.id) ?? [],
    tags: tags.get(article.id) ?? [],
    ...(category ? { category } : {}),
    ...(image ? { image } : {}),
    recent: { items: recent.items, categories: recent.categories },
  };
}

/** The home page: the latest articles, then a few from each top-level category that has any. */
export async function homePage(
  store: Store,
  input: { now: Date; latestCount: number; perSection: number },
): Promise<HomePageData> {
  const [latest, categories] = await Promise.all([
    listPage(store, { now: input.now, limit: input.latestCount }),
    store.categories.list(),
  ]);
  const sections = await Promise.all(
    topLevel(categories).map(async (category) => ({
      category,
      items: await store.articles.listPublic({
        now: input.now,
        limit: input.perSection,
        categoryIds: descendantIds(categories, category.id),
      }),
    })),
  );
  return { latest, sections: sections.filter((section) => section.items.length > 0) };
}

export interface FeedData {
  items: ArticleSummary[];
  bodies: Map<number, string>;
  bylines: Map<number, Byline[]>;
  tags: Map<number, Tag[]>;
  categories: Map<number, Category>;
}

/** The newest `limit` public articles of a listing with everything a feed entry shows: a fixed number of queries. */
export async function feedItems(store: Store, query: ArticleListQuery): Promise<FeedData> {
  const items = await store.articles.listPublic(query);
  const ids = items.map((item) => item.id);
  const categoryIds = [...new Set(items.flatMap((item) => (item.primaryCategoryId === null ? [] : [item.primaryCategoryId])))];
  const [bodies, bylines, tags, categories] = await Promise.all([
    store.articles.bodies(ids),
    store.articles.bylines(ids),
    store.articles.tags(ids),
    store.categories.findByIds(categoryIds),
  ]);
  return { items, bodies, bylines, tags, categories };
}
