import { rewriteWorkingCopies } from '../articles/working-copy.js';
import { tagIdsFor } from '../articles/update-article.js';
import { slugify } from '../articles/slug.js';
import { DomainError } from '../errors.js';
import { tagPath } from '../permalinks/permalinks.js';
import { cacheKey } from '../publishing/cache-keys.js';
import type { Store } from '../ports.js';
import type { TaxonomyDeps } from './manage.js';
import type { Tag } from './taxonomy.js';

async function existingTag(store: Store, id: number): Promise<Tag> {
  const tag = await store.tags.findById(id);
  if (!tag) throw new DomainError('TAG_NOT_FOUND', 'That tag no longer exists; someone may have merged or deleted it.');
  return tag;
}

/**
 * Pages that show a tag, or list its articles, or name it to crawlers. Every page showing the tag beside an
 * article (the article page, feed entries) carries `tag:ID`, so the articles' own keys are not needed.
 */
// Tag names are searched words and tags are search filters: what a search finds changes with them.
const tagKeys = (id: number) => [cacheKey.tag(id), cacheKey.listTag(id), cacheKey.sitemapTaxonomy, cacheKey.sitemapIndex, cacheKey.search];

/** A new tag, before any article carries it (its address is taken from the name, as when an article names it). */
export async function createTag(deps: TaxonomyDeps, input: { name: string; actorId: number }): Promise<Tag> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (slugify(name) === '' || name.length > 100) throw new DomainError('VALIDATION_FAILED', 'A tag name needs 1 to 100 characters, with at least one letter or digit.', { field: 'name' });
  const taken = await deps.store.tags.findBySlug(slugify(name));
  if (taken) throw new DomainError('SLUG_TAKEN', `There is already a tag "${taken.name}" at ${tagPath(taken.slug)}.`, { field: 'name' });
  const [id] = await tagIdsFor(deps.store, [name]);
  await deps.store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'tag.create', subject: name });
  return existingTag(deps.store, id!);
}

/** Deletes a tag: every article that carried it loses it, and its address answers 404 from now on. */
export async function deleteTag(deps: TaxonomyDeps, input: { id: number; actorId: number }): Promise<Tag> {
  const tag = await deps.store.transaction(async (store) => {
    const found = await existingTag(store, input.id);
    await store.tags.remove(found.id);
    await rewriteWorkingCopies(store, (fields) => {
      const kept = fields.tagNames.filter((name) => name.trim().toLowerCase() !== found.name.toLowerCase());
      return kept.length === fields.tagNames.length ? undefined : { ...fields, tagNames: kept };
    });
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'tag.delete', subject: found.slug });
    return found;
  });
  await deps.bus?.publish(tagKeys(tag.id));
  return tag;
}

/**
 * Merges tag `fromId` into `intoId` in one transaction: its articles carry `intoId` instead, `fromId` is
 * deleted, and its address (with its feeds and older pages, which follow an archive's redirect) answers 301
 * to the other tag's, as do older addresses that led to it.
 */
export async function mergeTags(deps: TaxonomyDeps, input: { fromId: number; intoId: number; actorId: number }): Promise<{ from: Tag; into: Tag; articles: number }> {
  if (input.fromId === input.intoId) throw new DomainError('VALIDATION_FAILED', 'Choose another tag to merge into: a tag cannot be merged into itself.', { field: 'into' });
  // Both are read inside the transaction: a tag deleted or merged before it began is never written to.
  const { from, into, articles } = await deps.store.transaction(async (store) => {
    const from = await existingTag(store, input.fromId);
    const into = await existingTag(store, input.intoId);
    const moved = await store.tags.merge(from.id, into.id);
    // Unpublished changes that name the merged tag name the one it became.
    await rewriteWorkingCopies(store, (fields) => {
      if (!fields.tagNames.some((name) => name.trim().toLowerCase() === from.name.toLowerCase())) return undefined;
      const renamed = fields.tagNames.map((name) => (name.trim().toLowerCase() === from.name.toLowerCase() ? into.name : name));
      return { ...fields, tagNames: renamed.filter((name, index) => renamed.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === index) };
    });
    await store.redirects.add({ fromPath: tagPath(from.slug), toPath: tagPath(into.slug) });
    await store.redirects.retarget(tagPath(from.slug), tagPath(into.slug));
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'tag.merge', subject: from.slug, detail: { into: into.slug, articles: moved.length } });
    return { from, into, articles: moved.length };
  });
  await deps.bus?.publish([...tagKeys(from.id), cacheKey.listTag(into.id)]);
  return { from, into, articles };
}
