/** A static page: About, Contact, Corrections policy (migration 0022). */
export interface StaticPage {
  id: number;
  slug: string;
  title: string;
  /** For search engines and link previews; may be empty. */
  description: string;
  bodyMd: string;
  /** Rendered and sanitised by the site's one Markdown renderer. */
  bodyHtml: string;
  status: PageStatus;
  position: number;
  revision: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: number | null;
}

export const PAGE_STATUSES = ['draft', 'published'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export interface PageFields {
  slug: string;
  title: string;
  description: string;
  bodyMd: string;
  bodyHtml: string;
  status: PageStatus;
  position: number;
}

export interface PageStore {
  /** Throws SLUG_TAKEN when an article or another page has the slug. */
  create(input: PageFields & { at: Date; actorId: number | null }): Promise<StaticPage>;
  /** Saves over `revision`; throws STALE_REVISION when someone saved since, SLUG_TAKEN as create does. */
  update(id: number, revision: number, input: PageFields & { at: Date; actorId: number | null }): Promise<StaticPage>;
  remove(id: number): Promise<StaticPage | undefined>;
  findById(id: number): Promise<StaticPage | undefined>;
  /** A published page by its slug: what readers may see. */
  findPublicBySlug(slug: string): Promise<StaticPage | undefined>;
  /** Every page, for the newsroom (drafts included), in list order. */
  list(): Promise<StaticPage[]>;
  /** Published pages in list order (the sitemap, the footer). */
  listPublished(): Promise<StaticPage[]>;
}
