import type { Category, Tag } from '../taxonomy/taxonomy.js';

// Sections, tags and redirects.

export interface CategoryStore {
  create(input: { slug: string; name: string; description?: string; parentId?: number | null }): Promise<Category>;
  findBySlug(slug: string): Promise<Category | undefined>;
  update(id: number, changes: { name: string; slug: string; description: string; parentId: number | null }): Promise<Category>;
  findByIds(ids: readonly number[]): Promise<Map<number, Category>>;
  /** Every category, ordered by name then id. */
  list(): Promise<Category[]>;
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
}

export interface RedirectStore {
  add(input: { fromPath: string; toPath: string; status?: 301 | 302 }): Promise<void>;
  find(fromPath: string): Promise<{ toPath: string; status: number } | undefined>;
}
