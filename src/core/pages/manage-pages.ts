import { assertValidSlug, slugify, uniqueSlug } from '../articles/slug.js';
import { DomainError } from '../errors.js';
import { articlePath } from '../permalinks/permalinks.js';
import type { Clock, InvalidationBus, MarkdownRenderer, Store } from '../ports.js';
import { cacheKey } from '../publishing/cache-keys.js';
import { PAGE_STATUSES, type PageFields, type PageStatus, type StaticPage } from './page.js';

export interface PageDeps {
  store: Store;
  clock: Clock;
  markdown: MarkdownRenderer;
  bus?: InvalidationBus;
}

export interface PageInput {
  title: string;
  /** Empty: made from the title. */
  slug?: string;
  description?: string;
  bodyMd: string;
  status: string;
  position?: number;
}

/** Longest page body, in characters (a long policy page is a few thousand words). */
const MAX_BODY = 200_000;

/** The page's fields as stored, or VALIDATION_FAILED / SLUG_INVALID / SLUG_RESERVED with a message to act on. */
function clean(deps: PageDeps, input: PageInput): PageFields {
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (title === '' || title.length > 200) throw new DomainError('VALIDATION_FAILED', 'A page title needs 1 to 200 characters.', { field: 'title' });
  const slug = input.slug?.trim() || slugify(title);
  assertValidSlug(slug);
  const description = (input.description ?? '').trim().replace(/\s+/g, ' ');
  if (description.length > 300) throw new DomainError('VALIDATION_FAILED', 'A description can have at most 300 characters.', { field: 'description' });
  if (input.bodyMd.length > MAX_BODY) throw new DomainError('VALIDATION_FAILED', `A page can have at most ${MAX_BODY.toLocaleString('en')} characters.`, { field: 'bodyMd' });
  if (!(PAGE_STATUSES as readonly string[]).includes(input.status)) throw new DomainError('VALIDATION_FAILED', 'Choose draft or published.', { field: 'status' });
  const position = input.position ?? 0;
  if (!Number.isInteger(position) || position < 0 || position > 1000) throw new DomainError('VALIDATION_FAILED', 'The place in lists is a whole number from 0 to 1000.', { field: 'position' });
  return { title, slug, description, bodyMd: input.bodyMd, bodyHtml: deps.markdown.render(input.bodyMd), status: input.status as PageStatus, position };
}

/** What readers could see change when a page goes from `before` to `after`. */
function changedKeys(before: StaticPage | undefined, after: StaticPage | undefined): string[] {
  const id = (before ?? after)!.id;
  const keys = [cacheKey.page(id)];
  const listed = (page: StaticPage | undefined) => (page?.status === 'published' ? `${page.slug}\u0000${page.title}\u0000${page.position}` : '');
  if (listed(before) !== listed(after)) keys.push(cacheKey.pages);
  return keys;
}

/**
 * A new page. With no slug given, the title's, or the first free one after it (`about-2`): an article or another
 * page may have it already.
 */
export async function createPage(deps: PageDeps, input: PageInput & { actorId: number | null }): Promise<StaticPage> {
  const fields = clean(deps, input);
  if (!input.slug?.trim()) fields.slug = await uniqueSlug(fields.slug, (candidate) => deps.store.articles.slugExists(candidate));
  const page = await deps.store.transaction(async (store) => {
    const created = await store.pages.create({ ...fields, at: deps.clock.now(), actorId: input.actorId });
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'page.create', subject: created.slug });
    return created;
  });
  await deps.bus?.publish(changedKeys(undefined, page));
  return page;
}

/**
 * Saves a page over the revision the editor opened (an older one is refused: nothing is overwritten unseen).
 * A published page whose address changes keeps a 301 from the old one.
 */
export async function savePage(deps: PageDeps, input: PageInput & { id: number; revision: number; actorId: number | null }): Promise<StaticPage> {
  const fields = clean(deps, input);
  const { before, after } = await deps.store.transaction(async (store) => {
    const before = await store.pages.findById(input.id);
    if (!before) throw new DomainError('NOT_FOUND', `There is no page ${input.id}.`);
    const after = await store.pages.update(input.id, input.revision, { ...fields, at: deps.clock.now(), actorId: input.actorId });
    if (before.slug !== after.slug && before.status === 'published') {
      await store.redirects.add({ fromPath: articlePath(before.slug), toPath: articlePath(after.slug) });
    }
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'page.save', subject: after.slug });
    return { before, after };
  });
  await deps.bus?.publish(changedKeys(before, after));
  return after;
}

export async function deletePage(deps: PageDeps, input: { id: number; actorId: number | null }): Promise<StaticPage> {
  const removed = await deps.store.transaction(async (store) => {
    const gone = await store.pages.remove(input.id);
    if (!gone) throw new DomainError('NOT_FOUND', `There is no page ${input.id}.`);
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'page.delete', subject: gone.slug });
    return gone;
  });
  await deps.bus?.publish(changedKeys(removed, undefined));
  return removed;
}
