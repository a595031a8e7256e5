import { rewriteWorkingCopies } from '../articles/working-copy.js';
import { DomainError } from '../errors.js';
import { categoryPath } from '../permalinks/permalinks.js';
import { cacheKey } from '../publishing/cache-keys.js';
import type { TaxonomyDeps } from './manage.js';
import { moveAmongSiblings, positionForNewSibling, siblings } from './section-order.js';
import { ancestorIds, type Category } from './taxonomy.js';

/** What deleting a section involves, for the confirmation page. */
export interface SectionRemovalPlan {
  section: Category;
  /** Articles (any state) whose primary section it is: they must move to another section first. */
  articles: number;
  /** Its subsections: they move up to its parent (or to the top level). */
  children: Category[];
  parent: Category | undefined;
}

export async function planSectionRemoval(deps: Pick<TaxonomyDeps, 'store'>, id: number): Promise<SectionRemovalPlan> {
  const categories = await deps.store.categories.list();
  const section = categories.find((category) => category.id === id);
  if (!section) throw new DomainError('CATEGORY_NOT_FOUND', 'That section no longer exists; someone may have deleted it.');
  return {
    section,
    articles: await deps.store.categories.articleCount(id),
    children: siblings(categories, id),
    parent: categories.find((category) => category.id === section.parentId),
  };
}

/**
 * Deletes a section in one transaction. Its articles move to `moveTo` first (required when it has any; it
 * cannot be the section itself). Its subsections are not deleted with it: they move up to its parent (the
 * top level when it had none), after their new siblings when those are ordered by hand, so no section and
 * no article is lost. Its address answers 301 to where its articles went (or to its parent), as do older
 * addresses that led to it.
 */
export async function deleteSection(deps: TaxonomyDeps, input: { id: number; moveTo: number | null; actorId: number }): Promise<{ section: Category; moved: number; target: Category | undefined }> {
  const categories = await deps.store.categories.list();
  const plan = await planSectionRemoval(deps, input.id);
  const { section } = plan;
  const target = input.moveTo === null ? undefined : categories.find((category) => category.id === input.moveTo);
  if (input.moveTo !== null && (!target || target.id === section.id)) {
    throw new DomainError('VALIDATION_FAILED', 'Choose another section from the list to move the stories to.', { field: 'moveTo' });
  }
  if (plan.articles > 0 && !target) {
    throw new DomainError('VALIDATION_FAILED', `${section.name} has ${plan.articles === 1 ? 'one article' : `${plan.articles} articles`}: choose the section they move to first.`, { field: 'moveTo' });
  }
  const redirectTo = target ?? plan.parent;
  const moved = await deps.store.transaction(async (store) => {
    const count = target ? await store.categories.moveArticles(section.id, target.id) : 0;
    // Unpublished changes that put a story in this section put it where the stories went.
    await rewriteWorkingCopies(store, (fields) => (fields.primaryCategoryId === section.id ? { ...fields, primaryCategoryId: target?.id ?? null } : undefined));
    if (plan.children.length > 0) {
      const start = positionForNewSibling(categories, section.parentId, section.id);
      await store.categories.reparentChildren(section.id, section.parentId);
      // Children join the end of an ordered group in their own order; in an alphabetical group they keep 0.
      if (start > 0) await store.categories.setPositions(plan.children.map((child, index) => ({ id: child.id, position: start + index })));
    }
    await store.categories.remove(section.id);
    if (redirectTo) {
      await store.redirects.add({ fromPath: categoryPath(section.slug), toPath: categoryPath(redirectTo.slug) });
      await store.redirects.retarget(categoryPath(section.slug), categoryPath(redirectTo.slug));
    }
    await store.accounts.audit({
      at: deps.clock.now(),
      actorId: input.actorId,
      action: 'section.delete',
      subject: section.slug,
      detail: { movedTo: target?.slug ?? null, articles: count, subsections: plan.children.map((child) => child.slug) },
    });
    return count;
  });
  // Lists that held its articles (its own and its ancestors') and those that hold them now.
  const lists = new Set([...ancestorIds(categories, section.id), ...(target ? ancestorIds(categories, target.id) : [])]);
  await deps.bus?.publish([
    cacheKey.nav,
    cacheKey.category(section.id),
    cacheKey.sitemapTaxonomy,
    cacheKey.sitemapIndex,
    ...[...lists].map(cacheKey.listCategory),
    ...(target ? [cacheKey.category(target.id)] : []),
  ]);
  return { section, moved, target };
}

/** Moves a section one place up or down among its siblings in the navigation; false when it cannot go further. */
export async function moveSection(deps: TaxonomyDeps, input: { id: number; direction: 'up' | 'down'; actorId: number }): Promise<boolean> {
  const categories = await deps.store.categories.list();
  const section = categories.find((category) => category.id === input.id);
  if (!section) throw new DomainError('CATEGORY_NOT_FOUND', 'That section no longer exists; someone may have deleted it.');
  const positions = moveAmongSiblings(categories, input.id, input.direction);
  if (positions.length === 0) return false;
  await deps.store.transaction(async (store) => {
    await store.categories.setPositions(positions);
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'section.order', subject: section.slug, detail: { direction: input.direction } });
  });
  // The navigation, the home page's section blocks and the sections sitemap follow the order.
  await deps.bus?.publish([cacheKey.nav]);
  return true;
}
