import type { ArticlePageData } from '../../core/articles/site-queries.js';
import { absoluteUrl, authorPath, categoryPath, mediaPath } from '../../core/permalinks/permalinks.js';
import { isoWithOffset } from './format.js';
import type { ListItemVM, SiteVM } from './view-models.js';

function publisher(site: SiteVM): object {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: `${site.url}/`,
    logo: { '@type': 'ImageObject', url: absoluteUrl(site.url, site.logoHref) },
  };
}

/** NewsArticle (every author its own Person with a URL) and its BreadcrumbList. */
export function articleJsonLd(input: { data: ArticlePageData; site: SiteVM; canonical: string; timeZone: string }): object[] {
  const { data, site, canonical, timeZone } = input;
  const { article, category } = data;
  const published = article.firstPublishedAt ?? article.publishedAt ?? article.createdAt;
  const newsArticle = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.dek || article.excerpt,
    datePublished: isoWithOffset(published, timeZone),
    dateModified: isoWithOffset(article.updatedAt > published ? article.updatedAt : published, timeZone),
    author: data.bylines.map((byline) => ({
      '@type': 'Person',
      name: byline.displayName,
      url: absoluteUrl(site.url, authorPath(byline.slug)),
    })),
    publisher: publisher(site),
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    inLanguage: site.lang,
    ...(data.image
      ? { image: (['16x9', '4x3', '1x1'] as const).map((crop) => absoluteUrl(site.url, mediaPath(data.image!.crops[crop]))) }
      : {}),
    ...(category ? { articleSection: category.name } : {}),
    ...(data.tags.length > 0 ? { keywords: data.tags.map((tag) => tag.name) } : {}),
  };
  const crumbs = [
    { name: site.name, item: `${site.url}/` },
    ...(category ? [{ name: category.name, item: absoluteUrl(site.url, categoryPath(category.slug)) }] : []),
    { name: article.title, item: canonical },
  ];
  const breadcrumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, ...crumb })),
  };
  return [newsArticle, breadcrumbs];
}

export function homeJsonLd(site: SiteVM): object[] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: site.name,
      url: `${site.url}/`,
      publisher: publisher(site),
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${site.url}/search?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    },
  ];
}

export function archiveJsonLd(input: { site: SiteVM; name: string; url: string; items: ListItemVM[] }): object[] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      name: input.name,
      url: input.url,
      isPartOf: { '@type': 'WebSite', name: input.site.name, url: `${input.site.url}/` },
      mainEntity: {
        '@type': 'ItemList',
        itemListElement: input.items.map((item, index) => ({
          '@type': 'ListItem',
          position: index + 1,
          url: absoluteUrl(input.site.url, item.href),
          name: item.title,
        })),
      },
    },
  ];
}

/** JSON for a <script type="application/ld+json"> block: nothing in it can close the element. */
export function serializeJsonLd(value: object): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
