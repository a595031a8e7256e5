import { assertValidSlug, slugify } from '../articles/slug.js';
import { DomainError } from '../errors.js';
import type { Clock, InvalidationBus, Store } from '../ports.js';
import { cacheKey } from '../publishing/cache-keys.js';
import { categoryPath } from '../permalinks/permalinks.js';
import { positionForNewSibling } from './section-order.js';
import { ancestorIds, type Category } from './taxonomy.js';

export interface TaxonomyDeps {
  store: Store;
  clock: Clock;
  bus?: InvalidationBus;
}

interface SectionInput {
  name: string;
  slug?: string;
  description?: string;
  parentId: number | null;
}

async function clean(store: Store, input: SectionInput, id?: number): Promise<{ name: string; slug: string; description: string; parentId: number | null }> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name === '' || name.length > 80) throw new DomainError('VALIDATION_FAILED', 'A section name needs 1 to 80 characters.', { field: 'name' });
  const slug = input.slug?.trim() || slugify(name);
  assertValidSlug(slug);
  const description = (input.description ?? '').trim();
  if (description.length > 500) throw new DomainError('VALIDATION_FAILED', 'A description can have at most 500 characters.', { field: 'description' });
  if (input.parentId !== null) {
    const categories = await store.categories.list();
    if (!categories.some((category) => category.id === input.parentId)) {
      throw new DomainError('VALIDATION_FAILED', 'Choose a parent section from the list.', { field: 'parentId' });
    }
    if (id !== undefined && ancestorIds(categories, input.parentId).includes(id)) {
      throw new DomainError('VALIDATION_FAILED', 'A section cannot sit inside itself or one of its own subsections.', { field: 'parentId' });
    }
  }
  return { name, slug, description, parentId: input.parentId };
}

/** A new section (optionally inside another); navigation and section lists everywhere are told. */
export async function createSection(deps: TaxonomyDeps, input: SectionInput & { actorId: number | null }): Promise<Category> {
  const changes = await clean(deps.store, input);
  const position = positionForNewSibling(await deps.store.categories.list(), changes.parentId);
  const created = await deps.store.categories.create({ ...changes, position });
  await deps.store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'section.create', subject: created.slug });
  await deps.bus?.publish([cacheKey.nav, cacheKey.category(created.id), cacheKey.sitemapTaxonomy]);
  return created;
}

/**
 * Renames or moves a section; every page that shows it drops from the caches. A new slug keeps a 301 from
 * the old address (feeds and older pages below it follow: see the site's not-found handler). A move changes
 * which lists hold its articles: those of every ancestor, old and new, are told.
 */
export async function updateSection(deps: TaxonomyDeps, input: SectionInput & { id: number; actorId: number }): Promise<Category> {
  const categories = await deps.store.categories.list();
  const before = categories.find((category) => category.id === input.id);
  if (!before) throw new DomainError('CATEGORY_NOT_FOUND', `There is no section ${input.id}.`);
  const changes = await clean(deps.store, input, input.id);
  // A section that moves to another parent goes to the end of its new siblings, if they are ordered by hand.
  const position = changes.parentId === before.parentId ? before.position : positionForNewSibling(categories, changes.parentId, before.id);
  const updated = await deps.store.transaction(async (store) => {
    const saved = await store.categories.update(input.id, { ...changes, position });
    if (saved.slug !== before.slug) await store.redirects.add({ fromPath: categoryPath(before.slug), toPath: categoryPath(saved.slug) });
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'section.update', subject: saved.slug });
    return saved;
  });
  const after = categories.map((category) => (category.id === updated.id ? updated : category));
  const lists = new Set([...ancestorIds(categories, before.id), ...ancestorIds(after, updated.id)]);
  await deps.bus?.publish([cacheKey.nav, cacheKey.category(updated.id), cacheKey.sitemapTaxonomy, ...[...lists].map(cacheKey.listCategory)]);
  return updated;
}

export async function renameTag(deps: TaxonomyDeps, input: { id: number; name: string; actorId: number }): Promise<void> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name === '' || name.length > 100) throw new DomainError('VALIDATION_FAILED', 'A tag name needs 1 to 100 characters.', { field: 'name' });
  // One transaction: the new name and the search index entries of every article carrying it (tags.rename).
  await deps.store.transaction(async (store) => {
    await store.tags.rename(input.id, name);
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'tag.rename', subject: name });
  });
  // The tag's name is a searched word: search results may change.
  await deps.bus?.publish([cacheKey.tag(input.id), cacheKey.search]);
}
