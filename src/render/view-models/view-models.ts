/** The only shapes templates see. Every string here is plain text unless its name ends in `Html`. */

export interface Link {
  text: string;
  href: string;
}

export interface NavItem extends Link {
  children: NavItem[];
}

export interface TimeVM {
  iso: string;
  /** "5 hours ago", from the server's clock; the client script refreshes it. */
  relative: string;
  /** "29 November 2026 at 07:00 UTC" in the site's locale and time zone. */
  absolute: string;
}

export interface SiteVM {
  name: string;
  description: string;
  url: string;
  lang: string;
  /** Top-level sections in hand order, each with its subsections (reached through a disclosure in the menu). */
  nav: NavItem[];
  stylesheetHref: string;
  scriptHref: string;
  /** Suggestions under search boxes marked data-suggest; the boxes work as plain forms without it. */
  suggestScriptHref: string;
  logoHref: string;
}

/** What every page puts in its <head>. */
export interface HeadVM {
  title: string;
  description: string;
  canonical: string;
  ogType: 'website' | 'article';
  robots?: string;
  /** JSON-LD objects, serialised safely by the layout. */
  jsonLd: object[];
  prev?: string;
  next?: string;
  /** Feeds of this page (site feeds everywhere, plus the archive's own). */
  alternates: FeedLink[];
  /** Absolute URL of the picture for link previews. */
  ogImage?: string;
  /** OpenGraph article:* properties, on articles. */
  ogArticle?: {
    publishedTime: string;
    modifiedTime: string;
    section?: string;
    tags: string[];
    authors: string[];
  };
}

export interface FeedLink {
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  title: string;
  href: string;
}

export interface ListItemVM {
  title: string;
  href: string;
  excerpt: string;
  time: TimeVM;
  category?: Link;
}

export interface PictureVM {
  alt: string;
  src: string;
  width: number;
  height: number;
  webpSrcset: string;
  jpegSrcset: string;
  sizes: string;
  /** Shown under the picture when set (the media library's caption and credit). */
  caption?: string;
  credit?: string;
}

export interface ArticleVM {
  image?: PictureVM;
  title: string;
  dek: string;
  bodyHtml: string;
  bylines: Link[];
  /** Absent only in the newsroom's preview of an article that has never had a publication time. */
  published?: TimeVM;
  /** The newsroom's preview: the banner that says so ("Preview — not published"). */
  preview?: string;
  /** Present when the article changed after publication. */
  updated?: TimeVM;
  category?: Link;
  /** "More International news" */
  moreLink?: Link;
  tags: Link[];
  recent: ListItemVM[];
}

export interface HomeVM {
  lead?: ListItemVM & { dek: string };
  latest: ListItemVM[];
  sections: Array<{ heading: Link; items: ListItemVM[] }>;
}

export interface ArchiveVM {
  kind: 'category' | 'tag' | 'author';
  /** An author's portrait. */
  portrait?: { src: string; alt: string };
  heading: string;
  description: string;
  items: ListItemVM[];
  nextHref?: string;
  /** True on pages after the first. */
  paged: boolean;
  /** The search form's filter that keeps a search within this archive: `section=economy`, `author=…`, `tag=…`. */
  searchWithin: { name: 'section' | 'author' | 'tag'; value: string; label: string };
}

export interface PageVM<T> {
  site: SiteVM;
  head: HeadVM;
  body: T;
}

export interface SearchItemVM extends ListItemVM {
  /** The headline with the query's words in <mark>, escaped (core/fulltext/snippet.ts). */
  titleHtml: string;
  /** A passage around the query's words, marked and escaped; absent when only the headline matched. */
  snippetHtml?: string;
}

export interface SearchVM {
  query: string;
  items: SearchItemVM[];
  page: number;
  nextHref?: string;
  prevHref?: string;
  /** Shown instead of results: no query yet, or nothing found. */
  message?: string;
  /** "12 results", "More than 500 results". */
  countText?: string;
  /** The form's current values. */
  form: { sort: 'relevance' | 'date'; section: string; from: string; to: string; author: string; tag: string };
  /** Sections to narrow to, indented by depth. */
  sections: Array<{ slug: string; name: string; depth: number }>;
  /** Filters in force that the form does not show (author, tag), each with a link that drops it. */
  chips: Array<{ label: string; removeHref: string }>;
  /** The same search sorted the other way. */
  sortHref: string;
}

/** A static page (About, Contact). */
export interface StaticPageVM {
  title: string;
  /** Sanitised HTML of the page's body (the one Markdown renderer made it). */
  bodyHtml: string;
  /** When it last changed, for readers of a policy. */
  updated: { iso: string; absolute: string };
}
