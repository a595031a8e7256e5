import type { Category, Tag } from '../taxonomy/taxonomy.js';

// Sections, tags and redirects.

export interface CategoryStore {
  /** `position` defaults to 0 (alphabetical among its siblings). */
  create(input: { slug: string; name: string; description?: string; parentId?: number | null; position?: number }): Promise<Category>;
  findBySlug(slug: string): Promise<Category | undefined>;
  /** `position` is left as it is when not given. */
  update(id: number, changes: { name: string; slug: string; description: string; parentId: number | null; position?: number }): Promise<Category>;
  findByIds(ids: readonly number[]): Promise<Map<number, Category>>;
  /** Every category, ordered by position, then name, then id (navigation order within each group of siblings). */
  list(): Promise<Category[]>;
  /** Sets the navigation positions of several sections. */
  setPositions(positions: ReadonlyArray<{ id: number; position: number }>): Promise<void>;
  /** How many articles (in any state) have the section as their primary section. */
  articleCount(id: number): Promise<number>;
  /** Moves every article of section `fromId` to section `toId`; returns how many moved. */
  moveArticles(fromId: number, toId: number): Promise<number>;
  /** Gives the subsections of `id` the parent `parentId` (the grandparent, when a section goes). */
  reparentChildren(id: number, parentId: number | null): Promise<void>;
  /** Deletes one section; its articles and subsections should have been moved first. */
  remove(id: number): Promise<void>;
}

export interface TagStore {
  /** Returns the tag with this slug, creating it with `name` when it does not exist. */
  ensure(input: { slug: string; name: string }): Promise<Tag>;
  findBySlug(slug: string): Promise<Tag | undefined>;
  /** Every tag by name (the newsroom's list). */
  list(limit: number): Promise<Tag[]>;
  rename(id: number, name: string): Promise<void>;
  /** Tags with at least one public article, by id; `offset`/`limit` page through them. */
  listInUse(query: { now: Date; offset: number; limit: number }): Promise<Tag[]>;
  countInUse(now: Date): Promise<number>;
  /** Whether at least one public article carries the tag: one probe of the tag's listing index. */
  isInUse(id: number, now: Date): Promise<boolean>;
  findById(id: number): Promise<Tag | undefined>;
  /**
   * Tags by name with how many articles (in any state) carry each; `query` keeps names containing it (any
   * case), `ids` keeps those tags.
   */
  listWithCounts(input: { limit: number; query?: string; ids?: readonly number[] }): Promise<TagWithCount[]>;
  /** Deletes a tag; the articles that carried it lose it. */
  remove(id: number): Promise<void>;
  /**
   * Gives every article tagged `fromId` the tag `intoId` instead (once, where it already has both) and
   * deletes `fromId`. Returns the ids of the articles that carried `fromId`.
   */
  merge(fromId: number, intoId: number): Promise<number[]>;
}

export interface TagWithCount extends Tag {
  articles: number;
}

export interface RedirectStore {
  add(input: { fromPath: string; toPath: string; status?: 301 | 302 }): Promise<void>;
  /**
   * Points every redirect that ends at `oldTo` at `newTo` instead (no chains after a merge or a deletion);
   * one that would then lead to itself is dropped.
   */
  retarget(oldTo: string, newTo: string): Promise<void>;
  find(fromPath: string): Promise<{ toPath: string; status: number } | undefined>;
}

/** What an import brought in: an export's thing (by its own id) → the row it became here. */
export type ImportedKind = 'post' | 'page' | 'author' | 'category' | 'tag' | 'media';

export interface ImportMapStore {
  find(source: string, kind: ImportedKind, sourceId: string): Promise<number | undefined>;
  /** Records a mapping; throws when the thing is already mapped (a second import of it racing this one). */
  add(source: string, kind: ImportedKind, sourceId: string, localId: number): Promise<void>;
  /** How many things of each kind came from `source`. */
  counts(source: string): Promise<Record<ImportedKind, number>>;
}
