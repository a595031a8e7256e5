import type { Media } from '../images/image.js';

// Which rows the demo seed created, so that removing the demo takes exactly those.

export type DemoKind = 'article' | 'user' | 'category' | 'tag' | 'media';

/** What `removeUnused` took away, by id (media with their file stems, so the files can go too). */
export interface DemoRemoval {
  articleIds: number[];
  userIds: number[];
  categoryIds: number[];
  tagIds: number[];
  media: Array<Pick<Media, 'id' | 'key' | 'variants' | 'crops'>>;
}

export interface DemoMarkStore {
  /** Records rows as demo content. Marking a row twice is harmless. */
  mark(kind: DemoKind, ids: readonly number[]): Promise<void>;
  /** Ids of the rows of a kind that carry the demo mark (and still exist). */
  marked(kind: DemoKind): Promise<number[]>;
  /**
   * Deletes every marked article (with its byline, tags, revisions and notes), then each marked person,
   * section, tag and picture that nothing left uses: no remaining article's byline, section (or a child
   * section that stays), tags or picture, and no password (a person someone gave a password to is the
   * newsroom's now). Marks of rows that stay are kept. Run it inside a transaction.
   */
  removeUnused(): Promise<DemoRemoval>;
}
