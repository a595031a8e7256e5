import { isReservedSlug } from '../core/articles/slug.js';
import { createPage } from '../core/pages/manage-pages.js';
import { articlePath } from '../core/permalinks/permalinks.js';
import type { Clock, MarkdownRenderer, Store } from '../core/ports.js';

/**
 * A static page (About, Contact) from another system, made by the newsroom's own rules: its old slug when no
 * article or page has it, else one made from the title; a 301 from each old address that differs from the new.
 * Call it inside the import's per-item transaction (`tx`), so the page and its import-map row land together.
 */
export async function importedPage(
  deps: { clock: Clock; markdown: MarkdownRenderer },
  tx: Store,
  input: { title: string; slug: string | undefined; bodyMd: string; published: boolean; oldPaths: readonly string[] },
): Promise<{ id: number; redirects: Array<[string, string]> }> {
  const free = input.slug !== undefined && !isReservedSlug(input.slug) && !(await tx.articles.slugExists(input.slug));
  const page = await createPage(
    { store: tx, clock: deps.clock, markdown: deps.markdown },
    { title: input.title.slice(0, 200), ...(free ? { slug: input.slug } : {}), bodyMd: input.bodyMd, status: input.published ? 'published' : 'draft', actorId: null },
  );
  const to = articlePath(page.slug);
  const redirects = input.oldPaths.filter((path) => path !== '/' && path.replace(/\/+$/, '') !== to).map((path): [string, string] => [path, to]);
  return { id: page.id, redirects };
}
