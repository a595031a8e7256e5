import { inTreeOrder, siblings } from '../../core/taxonomy/section-order.js';
import type { Category } from '../../core/taxonomy/taxonomy.js';
import type { SectionOrderRow } from '../templates/admin/taxonomy-pages.js';

/** The sections page's order list: every section in navigation order, with whether it can move up or down. */
export function sectionOrderRows(categories: readonly Category[]): SectionOrderRow[] {
  return inTreeOrder(categories).map(({ category, depth }) => {
    const group = siblings(categories, category.parentId);
    return {
      id: category.id,
      name: category.name,
      depth,
      first: group[0]?.id === category.id,
      last: group[group.length - 1]?.id === category.id,
    };
  });
}
