import type { ArticleSummary } from '../../core/articles/article.js';
import { encodeCursor } from '../../core/articles/cursor.js';
import type { ArticlePageData, HomePageData, ListedArticles } from '../../core/articles/site-queries.js';
import type { Author } from '../../core/authors/author.js';
import type { Category, Tag } from '../../core/taxonomy/taxonomy.js';
import {
  absoluteUrl, articlePath, authorPath, categoryPath, mediaPath, pagedPath, tagPath,
} from '../../core/permalinks/permalinks.js';
import { formatTime, isoWithOffset, type DateFormat } from './format.js';
import { archiveJsonLd, articleJsonLd, homeJsonLd } from './structured-data.js';
import { htmlToText } from '../../core/text/plain-text.js';
import type { ParsedQuery } from '../../core/fulltext/query.js';
import { MAX_PAGE, MAX_RESULTS, RESULTS_PER_PAGE } from '../../core/fulltext/search.js';
import { markedTitleHtml, SNIPPET_HTML_CHARS, snippetHtml } from '../../core/fulltext/snippet.js';
import { sectionTree } from '../../core/taxonomy/section-order.js';
import { SEARCH_PARAMS, type ResolvedFilters, type SearchParams } from '../../core/fulltext/params.js';
import type { ArchiveVM, ArticleVM, FeedLink, HomeVM, ListItemVM, PageVM, PictureVM, SearchVM, SiteVM, StaticPageVM } from './view-models.js';
import type { StaticPage } from '../../core/pages/page.js';
import type { Media as Image } from '../../core/images/image.js';

export interface RenderContext {
  site: SiteVM;
  format: DateFormat;
  now: Date;
}

/** RSS, Atom and JSON Feed links for a listing at `basePath` ('' for the whole site). */
export function feedLinks(basePath: string, title: string): FeedLink[] {
  return [
    { type: 'application/rss+xml', title: `${title} (RSS)`, href: `${basePath}/rss.xml` },
    { type: 'application/atom+xml', title: `${title} (Atom)`, href: `${basePath}/atom.xml` },
    { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: `${basePath}/feed.json` },
  ];
}

function listItem(item: ArticleSummary, ctx: RenderContext, categories?: Map<number, Category>): ListItemVM {
  const category = item.primaryCategoryId === null ? undefined : categories?.get(item.primaryCategoryId);
  return {
    title: item.title,
    href: articlePath(item.slug),
    excerpt: item.excerpt,
    time: formatTime(item.publishedAt, ctx.now, ctx.format),
    ...(category ? { category: { text: category.name, href: categoryPath(category.slug) } } : {}),
  };
}

function listItems(list: ListedArticles, ctx: RenderContext, withCategory = true): ListItemVM[] {
  return list.items.map((item) => listItem(item, ctx, withCategory ? list.categories : undefined));
}

// Updates within a minute of publication are the same edit session, not an update readers need to see.
const UPDATE_THRESHOLD_MS = 60_000;

function pictureView(image: Image): PictureVM {
  const srcset = (format: 'webp' | 'jpeg') =>
    image.variants
      .filter((variant) => variant.format === format)
      .map((variant) => `${mediaPath(variant.file)} ${variant.width}w`)
      .join(', ');
  const jpegs = image.variants.filter((variant) => variant.format === 'jpeg');
  const fallback = jpegs.find((variant) => variant.width >= 800) ?? jpegs[jpegs.length - 1];
  return {
    alt: image.alt,
    src: mediaPath(fallback?.file ?? image.crops['16x9']),
    width: fallback?.width ?? image.width,
    height: fallback?.height ?? image.height,
    webpSrcset: srcset('webp'),
    jpegSrcset: srcset('jpeg'),
    sizes: '(min-width: 48rem) 42rem, 100vw',
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { credit: image.credit } : {}),
  };
}

/**
 * The article page. `preview` makes the newsroom's preview of the same page: a banner says it is not
 * published, and it shows a publication date only when the article has one (a draft's is not invented).
 */
export function articleView(data: ArticlePageData, ctx: RenderContext, preview?: { banner: string }): PageVM<ArticleVM> {
  const { article, category } = data;
  // The first publication: a story taken down and published again keeps its date, and shows as updated.
  const publishedAt = article.firstPublishedAt ?? article.publishedAt ?? article.createdAt;
  const hasDate = !preview || article.firstPublishedAt !== null || article.publishedAt !== null;
  const canonical = article.canonicalUrl ?? absoluteUrl(ctx.site.url, articlePath(article.slug));
  const updated = article.updatedAt.getTime() - publishedAt.getTime() > UPDATE_THRESHOLD_MS;
  return {
    site: ctx.site,
    head: {
      title: article.seoTitle ?? article.title,
      description: article.seoDescription ?? (article.dek || article.excerpt),
      canonical,
      ogType: 'article',
      ...(article.noindex ? { robots: 'noindex' } : {}),
      jsonLd: articleJsonLd({ data, site: ctx.site, canonical, timeZone: ctx.format.timeZone }),
      alternates: feedLinks('', ctx.site.name),
      ...(data.image ? { ogImage: absoluteUrl(ctx.site.url, mediaPath(data.image.crops['16x9'])) } : {}),
      ogArticle: {
        publishedTime: isoWithOffset(publishedAt, ctx.format.timeZone),
        modifiedTime: isoWithOffset(updated ? article.updatedAt : publishedAt, ctx.format.timeZone),
        ...(category ? { section: category.name } : {}),
        tags: data.tags.map((tag) => tag.name),
        authors: data.bylines.map((byline) => absoluteUrl(ctx.site.url, authorPath(byline.slug))),
      },
    },
    body: {
      ...(data.image ? { image: pictureView(data.image) } : {}),
      title: article.title,
      dek: article.dek,
      bodyHtml: article.bodyHtml,
      bylines: data.bylines.map((byline) => ({ text: byline.displayName, href: authorPath(byline.slug) })),
      ...(hasDate ? { published: formatTime(publishedAt, ctx.now, ctx.format) } : {}),
      ...(updated && hasDate ? { updated: formatTime(article.updatedAt, ctx.now, ctx.format) } : {}),
      ...(preview ? { preview: preview.banner } : {}),
      ...(category
        ? {
            category: { text: category.name, href: categoryPath(category.slug) },
            moreLink: { text: `More ${category.name} news`, href: categoryPath(category.slug) },
          }
        : {}),
      tags: data.tags.map((tag) => ({ text: tag.name, href: tagPath(tag.slug) })),
      recent: listItems(data.recent, ctx),
    },
  };
}

export function homeView(data: HomePageData, ctx: RenderContext): PageVM<HomeVM> {
  const [first, ...rest] = data.latest.items;
  return {
    site: ctx.site,
    head: {
      title: `${ctx.site.name}: ${ctx.site.description}`,
      description: ctx.site.description,
      canonical: absoluteUrl(ctx.site.url, '/'),
      ogType: 'website',
      jsonLd: homeJsonLd(ctx.site),
      alternates: feedLinks('', ctx.site.name),
    },
    body: {
      ...(first ? { lead: { ...listItem(first, ctx, data.latest.categories), dek: first.dek } } : {}),
      latest: rest.map((item) => listItem(item, ctx, data.latest.categories)),
      sections: data.sections.map((section) => ({
        heading: { text: section.category.name, href: categoryPath(section.category.slug) },
        items: section.items.map((item) => listItem(item, ctx)),
      })),
    },
  };
}

export type ArchiveSubject =
  | { kind: 'category'; category: Category }
  | { kind: 'tag'; tag: Tag }
  | { kind: 'author'; author: Author };

function describeSubject(subject: ArchiveSubject): { heading: string; description: string; path: string } {
  switch (subject.kind) {
    case 'category':
      return { heading: subject.category.name, description: subject.category.description, path: categoryPath(subject.category.slug) };
    case 'tag':
      return { heading: subject.tag.name, description: `Articles tagged ${subject.tag.name}.`, path: tagPath(subject.tag.slug) };
    case 'author':
      return { heading: subject.author.displayName, description: subject.author.bio, path: authorPath(subject.author.slug) };
  }
}

export function archiveView(
  input: { subject: ArchiveSubject; list: ListedArticles; before?: string; portrait?: Image },
  ctx: RenderContext,
): PageVM<ArchiveVM> {
  const { heading, description, path } = describeSubject(input.subject);
  const nextHref = input.list.next ? pagedPath(path, encodeCursor(input.list.next)) : undefined;
  const canonical = absoluteUrl(ctx.site.url, pagedPath(path, input.before));
  const items = listItems(input.list, ctx, input.subject.kind !== 'category');
  const fallbackDescription = `The latest ${heading} news from ${ctx.site.name}.`;
  return {
    site: ctx.site,
    head: {
      title: input.before ? `${heading}: older articles | ${ctx.site.name}` : `${heading} | ${ctx.site.name}`,
      description: description || fallbackDescription,
      canonical,
      ogType: 'website',
      jsonLd: archiveJsonLd({ site: ctx.site, name: heading, url: canonical, items }),
      alternates: [...feedLinks(path, `${ctx.site.name}: ${heading}`), ...feedLinks('', ctx.site.name)],
      ...(nextHref ? { next: nextHref } : {}),
    },
    body: {
      // The portrait's alt text is the person's current name, whatever it was at upload time.
      ...(input.portrait ? { portrait: { src: mediaPath(input.portrait.crops['1x1']), alt: heading } } : {}),
      kind: input.subject.kind,
      heading,
      description: description || fallbackDescription,
      items,
      ...(nextHref ? { nextHref } : {}),
      paged: input.before !== undefined,
      searchWithin: searchWithin(input.subject, heading),
    },
  };
}

function searchWithin(subject: ArchiveSubject, heading: string): ArchiveVM['searchWithin'] {
  switch (subject.kind) {
    case 'category':
      return { name: 'section', value: subject.category.slug, label: `Search ${heading}` };
    case 'tag':
      return { name: 'tag', value: subject.tag.slug, label: `Search articles tagged ${heading}` };
    case 'author':
      return { name: 'author', value: subject.author.slug, label: `Search articles by ${heading}` };
  }
}

/** A result's snippet, from its standfirst and the start of its body (the HTML read is SNIPPET_HTML_CHARS). */
export function resultSnippet(item: Pick<ArticleSummary, 'dek'>, bodyHtmlStart: string, highlight: ParsedQuery['highlight']): string | undefined {
  const text = htmlToText(bodyHtmlStart.slice(0, SNIPPET_HTML_CHARS));
  return snippetHtml(`${item.dek ? `${item.dek} ` : ''}${text}`, highlight);
}

export function searchView(
  input: {
    params: SearchParams;
    query: ParsedQuery;
    filters: ResolvedFilters;
    items: ArticleSummary[];
    /** Each result's snippet (see `resultSnippet`); none: its excerpt is shown. */
    snippets: ReadonlyMap<number, string | undefined>;
    categories: Map<number, Category>;
    found: number;
    capped: boolean;
  },
  ctx: RenderContext,
): PageVM<SearchVM> {
  const { params, query, filters } = input;
  const href = (change: Partial<SearchParams>) => {
    const next = { ...params, page: 1, ...change };
    const parts = SEARCH_PARAMS.flatMap((name) => {
      const value = next[name];
      const omitted = value === '' || (name === 'page' && value === 1) || (name === 'sort' && value === 'relevance');
      return omitted ? [] : [`${name}=${encodeURIComponent(String(value))}`];
    });
    return `/search?${parts.join('&')}`;
  };
  const message =
    filters.unknown !== undefined
      ? `There is no ${filters.unknown} “${params[filters.unknown]}” to search in.`
      : query.problem === 'empty'
        ? 'Type a few words to search every article.'
        : query.problem === 'only-stopwords'
          ? `“${params.q}” is made only of very common words, which search leaves out. Add a more telling word.`
          : query.problem === 'only-exclusions'
            ? 'Say what to look for as well as what to leave out: words with a minus sign only exclude.'
            : input.items.length === 0
              ? `Nothing matched “${params.q}”${Object.keys(filters.labels).length > 0 || params.from || params.to ? ' with these filters' : ''}. Try fewer or different words.`
              : undefined;
  const hasMore = params.page * RESULTS_PER_PAGE < input.found && params.page < MAX_PAGE;
  const chips = [
    ...(filters.labels.author ? [{ label: `By ${filters.labels.author}`, removeHref: href({ author: '' }) }] : []),
    ...(filters.labels.tag ? [{ label: `Tagged ${filters.labels.tag}`, removeHref: href({ tag: '' }) }] : []),
  ];
  const depthOf = (category: Category): number => {
    let depth = 0;
    for (let parent = category.parentId; parent !== null && depth < 8; depth++) {
      parent = filters.sections.find((section) => section.id === parent)?.parentId ?? null;
    }
    return depth;
  };
  return {
    site: ctx.site,
    head: {
      title: params.q ? `Search: ${params.q} | ${ctx.site.name}` : `Search | ${ctx.site.name}`,
      description: `Search ${ctx.site.name}.`,
      canonical: absoluteUrl(ctx.site.url, '/search'),
      ogType: 'website',
      robots: 'noindex',
      jsonLd: [],
      alternates: feedLinks('', ctx.site.name),
    },
    body: {
      query: params.q,
      items: input.items.map((item) => {
        const snippet = input.snippets.get(item.id);
        return {
          ...listItem(item, ctx, input.categories),
          titleHtml: markedTitleHtml(item.title, query.highlight),
          ...(snippet ? { snippetHtml: snippet } : {}),
        };
      }),
      page: params.page,
      ...(hasMore ? { nextHref: href({ page: params.page + 1 }) } : {}),
      ...(params.page > 1 ? { prevHref: href({ page: params.page - 1 }) } : {}),
      ...(message ? { message } : {}),
      ...(message === undefined
        ? { countText: input.capped ? `More than ${MAX_RESULTS} results` : `${input.found} result${input.found === 1 ? '' : 's'}` }
        : {}),
      form: { sort: params.sort, section: params.section, from: params.from, to: params.to, author: params.author, tag: params.tag },
      sections: sectionTree(filters.sections).flatMap(function flatten(node): Array<{ slug: string; name: string; depth: number }> {
        return [{ slug: node.category.slug, name: node.category.name, depth: depthOf(node.category) }, ...node.children.flatMap(flatten)];
      }),
      chips,
      sortHref: href({ sort: params.sort === 'date' ? 'relevance' : 'date' }),
    },
  };
}


/** A static page: its own title and body, the site's layout, a WebPage in JSON-LD. */
export function staticPageView(page: StaticPage, ctx: RenderContext): PageVM<StaticPageVM> {
  const canonical = absoluteUrl(ctx.site.url, articlePath(page.slug));
  const description = page.description || htmlToText(page.bodyHtml).slice(0, 160);
  return {
    site: ctx.site,
    head: {
      title: `${page.title} | ${ctx.site.name}`,
      description,
      canonical,
      ogType: 'website',
      jsonLd: [{ '@context': 'https://schema.org', '@type': 'WebPage', name: page.title, url: canonical, dateModified: page.updatedAt.toISOString() }],
      alternates: feedLinks('', ctx.site.name),
    },
    body: {
      title: page.title,
      bodyHtml: page.bodyHtml,
      updated: { iso: isoWithOffset(page.updatedAt, ctx.format.timeZone), absolute: formatTime(page.updatedAt, ctx.now, ctx.format).absolute },
    },
  };
}
