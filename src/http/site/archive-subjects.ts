import type { ArticleListQuery, Store } from '../../core/ports.js';
import { descendantIds } from '../../core/taxonomy/taxonomy.js';
import { cacheKey } from '../../core/publishing/cache-keys.js';
import type { ArchiveSubject } from '../../render/view-models/build-pages.js';

export type ArchiveKind = ArchiveSubject['kind'];
export const ARCHIVE_KINDS: readonly ArchiveKind[] = ['category', 'tag', 'author'];

/**
 * The category, tag or author an archive path names, or undefined. A tag or a person has a public page only
 * while a public article stands behind it (a tag used on drafts alone, staff who never had a public byline:
 * 404); a section is part of the site's navigation and always has one.
 */
export async function findArchiveSubject(store: Store, kind: ArchiveKind, slug: string, now: Date): Promise<ArchiveSubject | undefined> {
  switch (kind) {
    case 'category': {
      const category = await store.categories.findBySlug(slug);
      return category && { kind, category };
    }
    case 'tag': {
      const tag = await store.tags.findBySlug(slug);
      return tag && (await store.tags.isInUse(tag.id, now)) ? { kind, tag } : undefined;
    }
    case 'author': {
      const author = await store.users.findBySlug(slug);
      return author && (await store.users.isBylined(author.id, now)) ? { kind, author } : undefined;
    }
  }
}

export function subjectName(subject: ArchiveSubject): string {
  return subject.kind === 'category' ? subject.category.name : subject.kind === 'tag' ? subject.tag.name : subject.author.displayName;
}

/** The listing filter of an archive: a section with its subsections, a tag, or an author. */
export async function listFilter(
  store: Store,
  subject: ArchiveSubject,
): Promise<Pick<ArticleListQuery, 'categoryIds' | 'tagId' | 'authorId'>> {
  switch (subject.kind) {
    case 'category':
      return { categoryIds: descendantIds(await store.categories.list(), subject.category.id) };
    case 'tag':
      return { tagId: subject.tag.id };
    case 'author':
      return { authorId: subject.author.id };
  }
}

/** The subject's own key and its list key. */
export function subjectKeys(subject: ArchiveSubject): string[] {
  switch (subject.kind) {
    case 'category':
      return [cacheKey.category(subject.category.id), cacheKey.listCategory(subject.category.id)];
    case 'tag':
      return [cacheKey.tag(subject.tag.id), cacheKey.listTag(subject.tag.id)];
    case 'author':
      return [cacheKey.author(subject.author.id), cacheKey.listAuthor(subject.author.id)];
  }
}
