import type { ArticleSummary, Byline } from '../articles/article.js';
import type { ArticlePageData, FeedData, HomePageData, ListedArticles } from '../articles/site-queries.js';
import type { Category, Tag } from '../taxonomy/taxonomy.js';

/**
 * Dependency keys (DESIGN.md §7). A rendered response records the keys of everything it shows; a write
 * publishes the keys of everything it changed; exactly the responses sharing a key are dropped.
 *
 * - `article:ID`: the article's own fields (title, excerpt, body, slug, dates, byline, tags) as shown anywhere.
 * - `list:all`, `list:category:ID`, `list:tag:ID`, `list:author:ID`: which articles a listing holds, in what order.
 * - `category:ID`, `tag:ID`, `author:ID`: the name, description or bio of a section, tag or person.
 * - `nav`: the set of sections (navigation, section blocks, the sections sitemap).
 * - `sitemap:index`, `sitemap:YYYY-MM`, `sitemap:taxonomy`: what crawlers are told.
 * - `page:ID`, `pages`: a static page, and the list of published ones.
 */
export const cacheKey = {
  article: (id: number) => `article:${id}`,
  category: (id: number) => `category:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  listAll: 'list:all',
  listCategory: (id: number) => `list:category:${id}`,
  listTag: (id: number) => `list:tag:${id}`,
  listAuthor: (id: number) => `list:author:${id}`,
  nav: 'nav',
  /** Every search result page: any change to a story readers see (or will see) may change what a search finds. */
  search: 'list:search',
  sitemapIndex: 'sitemap:index',
  /** A monthly article sitemap, by a date in the month or its 'YYYY-MM'. */
  sitemapMonth: (month: Date | string) => `sitemap:${typeof month === 'string' ? month : month.toISOString().slice(0, 7)}`,
  sitemapTaxonomy: 'sitemap:taxonomy',
  /** A static page's own fields. */
  page: (id: number) => `page:${id}`,
  /** Which static pages are published, in what order, under which titles (the pages sitemap, the footer). */
  pages: 'pages',
} as const;

/** What a write needs to know about an article, before and after, to say which keys it touched. */
export interface ArticleFacts {
  id: number;
  /** Published (now or scheduled): anything a reader will see at some point. */
  listed: boolean;
  publishedAt: Date | null;
  categoryIds: readonly number[];
  tagIds: readonly number[];
  authorIds: readonly number[];
  noindex: boolean;
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Keys an article write touches. Membership keys (the lists) only when the article entered, left or moved
 * within a list; its own key always. `categoryIds` should hold the primary category and its ancestors.
 */
export function articleChangeKeys(before: ArticleFacts | undefined, after: ArticleFacts | undefined): string[] {
  const id = (before ?? after)?.id;
  if (id === undefined) return [];
  const keys = new Set([cacheKey.article(id)]);
  const membershipChanged =
    before?.listed !== after?.listed ||
    before?.publishedAt?.getTime() !== after?.publishedAt?.getTime() ||
    !sameSet(before?.categoryIds ?? [], after?.categoryIds ?? []) ||
    !sameSet(before?.tagIds ?? [], after?.tagIds ?? []) ||
    !sameSet(before?.authorIds ?? [], after?.authorIds ?? []) ||
    before?.noindex !== after?.noindex;
  for (const facts of [before, after]) {
    if (!facts?.listed) continue;
    if (facts.publishedAt) keys.add(cacheKey.sitemapMonth(facts.publishedAt));
    keys.add(cacheKey.sitemapIndex);
    keys.add(cacheKey.search);
    if (!membershipChanged) continue;
    keys.add(cacheKey.listAll);
    keys.add(cacheKey.sitemapTaxonomy);
    for (const categoryId of facts.categoryIds) keys.add(cacheKey.listCategory(categoryId));
    for (const tagId of facts.tagIds) keys.add(cacheKey.listTag(tagId));
    for (const authorId of facts.authorIds) keys.add(cacheKey.listAuthor(authorId));
  }
  return [...keys];
}

/** Keys of the items of a list: each article, the section named beside it. */
function itemKeys(items: readonly ArticleSummary[], categories?: ReadonlyMap<number, Category>): string[] {
  return [
    ...items.map((item) => cacheKey.article(item.id)),
    ...[...(categories?.keys() ?? [])].map(cacheKey.category),
  ];
}

const bylineKeys = (bylines: readonly Byline[]) => bylines.map((byline) => cacheKey.author(byline.userId));
const tagKeys = (tags: readonly Tag[]) => tags.map((tag) => cacheKey.tag(tag.id));

export function articlePageKeys(data: ArticlePageData): string[] {
  return [
    cacheKey.nav,
    cacheKey.article(data.article.id),
    ...(data.category ? [cacheKey.category(data.category.id)] : []),
    ...bylineKeys(data.bylines),
    ...tagKeys(data.tags),
    cacheKey.listAll,
    ...itemKeys(data.recent.items, data.recent.categories),
  ];
}

export function homePageKeys(data: HomePageData): string[] {
  return [
    cacheKey.nav,
    cacheKey.listAll,
    ...itemKeys(data.latest.items, data.latest.categories),
    ...data.sections.flatMap((section) => [
      cacheKey.category(section.category.id),
      cacheKey.listCategory(section.category.id),
      ...itemKeys(section.items),
    ]),
  ];
}

/** An archive page or feed: the subject's own key, its list key and its items. */
export function listingKeys(input: { subjectKeys: string[]; list: ListedArticles | FeedData; extra?: string[] }): string[] {
  const keys = [...input.subjectKeys, ...itemKeys(input.list.items, input.list.categories), ...(input.extra ?? [])];
  if ('bylines' in input.list) {
    for (const bylines of input.list.bylines.values()) keys.push(...bylineKeys(bylines));
    for (const tags of input.list.tags.values()) keys.push(...tagKeys(tags));
  }
  return keys;
}
