import type { ArticleStatus, Byline } from '../../core/articles/article.js';
import type { BulkActionKind, BulkOutcome, BulkRefusal } from '../../core/articles/bulk-change.js';
import { encodeCursor, type Cursor } from '../../core/articles/cursor.js';
import type { DeskQueueKey } from '../../core/articles/desk-queues.js';
import { isDeskStatus, type DeskStatus } from '../../core/articles/desk-status.js';
import type { NewsroomFilter } from '../../core/ports/newsroom-list.js';
import { deskArticleRows, deskPublication, type DeskArticleRow, type DeskTime, type FormatInstant } from './desk-articles.js';

// View models of the newsroom's dashboard and article list (templates in templates/admin/desk-pages.tsx).

/** Where the article list lives. */
export const ARTICLE_LIST_PATH = '/admin/articles';

/** Rows on one page of the article list. */
export const LIST_PAGE_SIZE = 50;

/** The list's filters as the page's query string holds them ('' for none). */
export interface ListFilters {
  status: string;
  author: string;
  category: string;
  q: string;
  /** '1': only live articles with changes readers do not see yet. */
  pending: string;
}

/**
 * The filters a list address asks for, as the page shows them and as the store reads them. Whoever sees only
 * their own articles (`ownOnly`) gets their own, whatever author the address names; unknown values filter nothing.
 */
export function listFiltersFrom(
  query: Readonly<Record<string, string | undefined>>,
  viewer: { id: number; ownOnly: boolean },
): { filters: ListFilters; filter: Omit<NewsroomFilter, 'now'> } {
  const status = isDeskStatus(query.status ?? '') ? (query.status as DeskStatus) : undefined;
  const wholeNumber = (value: string | undefined) => (value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined);
  const author = viewer.ownOnly ? viewer.id : wholeNumber(query.author);
  const category = wholeNumber(query.category);
  const q = (query.q ?? '').slice(0, 200);
  const pending = query.pending === '1';
  return {
    filters: {
      status: status ?? '',
      author: viewer.ownOnly || author === undefined ? '' : String(author),
      category: category === undefined ? '' : String(category),
      q,
      pending: pending ? '1' : '',
    },
    filter: {
      ...(status ? { status } : {}),
      ...(author !== undefined ? { authorId: author } : {}),
      ...(category !== undefined ? { categoryId: category } : {}),
      ...(q ? { titleContains: q } : {}),
      ...(pending ? { pendingChanges: true } : {}),
    },
  };
}

/** The list's filters that show the articles of a store filter (a dashboard queue's "See all"). */
export function filtersOf(filter: Omit<NewsroomFilter, 'now'>): ListFilters {
  return {
    status: filter.status ?? '',
    author: filter.authorId === undefined ? '' : String(filter.authorId),
    category: filter.categoryId === undefined ? '' : String(filter.categoryId),
    q: filter.titleContains ?? '',
    pending: filter.pendingChanges ? '1' : '',
  };
}

/** The time the list is ordered by (and its cursors hold): the publication time of scheduled articles, else the last change. */
export function listKey(filters: ListFilters): (row: { publishedAt: Date | null; updatedAt: Date }) => Date {
  return filters.status === 'scheduled' ? (row) => row.publishedAt ?? row.updatedAt : (row) => row.updatedAt;
}

/** The address of the list with these filters (empty ones left out) and, optionally, a page cursor or a result. */
export function listHref(filters: ListFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value !== '') params.set(name, value);
  const query = params.toString();
  return query === '' ? ARTICLE_LIST_PATH : `${ARTICLE_LIST_PATH}?${query}`;
}

type ListedRow = { id: number; title: string; status: ArticleStatus; publishedAt: Date | null; updatedAt: Date; primaryCategoryId: number | null };

export interface ListPage<Row> {
  rows: Row[];
  previousHref?: string;
  nextHref?: string;
}

/**
 * One page of the list from rows read one past the page size (`LIST_PAGE_SIZE + 1`), with the links to the
 * pages on either side. `key` is the time the list is ordered by (the cursor's time). Reading forwards
 * (`before`, or the first page), the extra row is the last; reading back (`after`), it is the first.
 */
export function listPage<Row extends { id: number }>(
  rows: readonly Row[],
  input: { filters: ListFilters; key: (row: Row) => Date; before?: Cursor; after?: Cursor },
): ListPage<Row> {
  const backwards = input.after !== undefined && input.before === undefined;
  const more = rows.length > LIST_PAGE_SIZE;
  const shown = more ? (backwards ? rows.slice(1) : rows.slice(0, LIST_PAGE_SIZE)) : [...rows];
  const first = shown[0];
  const last = shown[shown.length - 1];
  const cursorOf = (row: Row) => encodeCursor({ publishedAt: input.key(row), id: row.id });
  const hasPrevious = backwards ? more : input.before !== undefined;
  const hasNext = backwards ? true : more;
  return {
    rows: shown,
    ...(hasPrevious && first ? { previousHref: listHref(input.filters, { after: cursorOf(first) }) } : {}),
    ...(hasNext && last ? { nextHref: listHref(input.filters, { before: cursorOf(last) }) } : {}),
  };
}

export interface ArticleListView {
  page: ListPage<DeskListRow>;
  /** How many articles match the filters, all pages together. */
  total: number;
  filters: ListFilters;
  /** The cursor of the page shown, so a bulk action comes back to it. */
  cursor: { before?: string; after?: string };
  authors: Option[];
  categories: Option[];
  ownOnly: boolean;
  result?: BulkResultView;
}

type Option = { value: string; label: string };

/** The article list page from what the store read for it. */
export function articleListView(input: {
  page: ListPage<ListedRow>;
  total: number;
  filters: ListFilters;
  cursor: { before?: string; after?: string };
  sections: ReadonlyArray<{ id: number; name: string }>;
  /** Everyone who may be picked in the Author filter (none when the reader sees only their own). */
  people: ReadonlyArray<{ id: number; displayName: string }>;
  bylines: ReadonlyMap<number, readonly Byline[]>;
  pending: ReadonlySet<number>;
  ownOnly: boolean;
  result?: { result: BulkResult; titles: ReadonlyMap<number, string> };
  now: Date;
  format: FormatInstant;
}): ArticleListView {
  const sectionNames = new Map(input.sections.map((section) => [section.id, section.name]));
  const { now, format, bylines, pending } = input;
  return {
    page: { ...input.page, rows: deskListRows(input.page.rows, { now, format, sectionNames, bylines, pending }) },
    total: input.total,
    filters: input.filters,
    cursor: input.cursor,
    authors: input.people.map((person) => ({ value: String(person.id), label: person.displayName })),
    categories: input.sections.map((section) => ({ value: String(section.id), label: section.name })),
    ownOnly: input.ownOnly,
    ...(input.result ? { result: bulkResultView(input.result.result, input.result.titles, sectionNames.get(Number(input.result.result.to))) } : {}),
  };
}

export interface DeskListRow extends DeskArticleRow {
  /** The byline's names, in byline order. */
  authors: string[];
}

export function deskListRows(
  rows: readonly ListedRow[],
  context: {
    now: Date;
    format: FormatInstant;
    sectionNames: ReadonlyMap<number, string>;
    bylines: ReadonlyMap<number, readonly Byline[]>;
    /** Ids of the rows with a working copy. */
    pending: ReadonlySet<number>;
  },
): DeskListRow[] {
  return deskArticleRows(rows, context).map((row) => ({
    ...row,
    authors: (context.bylines.get(row.id) ?? []).map((byline) => byline.displayName),
  }));
}

const QUEUE_TITLES: Record<DeskQueueKey, string> = {
  'my-drafts': 'My drafts',
  'in-review': 'In review',
  scheduled: 'Scheduled',
  published: 'Recently published',
  pending: 'Changes pending on live stories',
};

export interface QueueItem {
  id: number;
  title: string;
  /** When it goes (scheduled) or went (published) public; the last change for the other queues. */
  time: DeskTime;
  timeLabel: string;
}

export interface QueueView {
  key: DeskQueueKey;
  title: string;
  count: number;
  items: QueueItem[];
  /** The list filtered to this queue ("See all N"). */
  seeAllHref: string;
}

/** A queue of the dashboard: its first few articles and how many there are in all. */
export function queueView(
  input: { key: DeskQueueKey; filters: ListFilters; count: number; rows: readonly ListedRow[]; now: Date; format: FormatInstant },
): QueueView {
  const items = input.rows.map((row): QueueItem => {
    const publication = deskPublication(row, input.now, input.format);
    if (publication) return { id: row.id, title: row.title, time: publication, timeLabel: input.key === 'scheduled' ? 'Goes live' : 'Published' };
    return { id: row.id, title: row.title, time: { iso: row.updatedAt.toISOString(), text: input.format(row.updatedAt) }, timeLabel: 'Last change' };
  });
  return {
    key: input.key,
    title: QUEUE_TITLES[input.key],
    count: input.count,
    items,
    seeAllHref: listHref(input.filters),
  };
}

// The result of a bulk action travels to the list page in its address (post/redirect/get): which action,
// which articles changed, which were already so, and which were refused and why. The page names only
// articles the reader may open; the rest of the words are the page's own.

const REFUSALS: readonly BulkRefusal[] = ['no-edit', 'role', 'archived', 'stale', 'invalid', 'missing'];
const ID_LIST = /^[1-9]\d{0,9}(,[1-9]\d{0,9}){0,49}$/;
const REFUSED_LIST = /^[1-9]\d{0,9}:[a-z-]{1,10}(,[1-9]\d{0,9}:[a-z-]{1,10}){0,49}$/;

/** A bulk action's result as query parameters of the list's address. */
export function bulkResultParams(input: { action: BulkActionKind; to?: string; outcomes: readonly BulkOutcome[] }): Record<string, string> {
  const ids = (result: BulkOutcome['result']) => input.outcomes.filter((o) => o.result === result).map((o) => String(o.id)).join(',');
  return {
    done: input.action,
    ...(input.to ? { to: input.to } : {}),
    ok: ids('changed'),
    same: ids('unchanged'),
    no: input.outcomes.flatMap((o) => (o.result === 'refused' ? [`${o.id}:${o.reason}`] : [])).join(','),
  };
}

export interface BulkResult {
  action: BulkActionKind;
  to: string;
  changed: number[];
  unchanged: number[];
  refused: Array<{ id: number; reason: BulkRefusal }>;
}

/** Reads a result back from the query; anything malformed is no result at all. */
export function parseBulkResult(query: { done?: string; to?: string; ok?: string; same?: string; no?: string }): BulkResult | undefined {
  const action = query.done;
  if (action !== 'publish' && action !== 'unpublish' && action !== 'move' && action !== 'tag') return undefined;
  const ids = (value: string | undefined) => (value && ID_LIST.test(value) ? value.split(',').map(Number) : []);
  const refused = (query.no && REFUSED_LIST.test(query.no) ? query.no.split(',') : []).flatMap((pair) => {
    const [id, reason] = pair.split(':') as [string, string];
    return (REFUSALS as readonly string[]).includes(reason) ? [{ id: Number(id), reason: reason as BulkRefusal }] : [];
  });
  return { action, to: (query.to ?? '').slice(0, 100), changed: ids(query.ok), unchanged: ids(query.same), refused };
}

export interface BulkResultView {
  /** One sentence per kind of outcome, e.g. "3 published." */
  lines: string[];
  /** Each refused article, e.g. { title: "‘Headline’", reason: "Your role may not publish this article; submit it for review." }. */
  refused: Array<{ title: string; reason: string }>;
}

const DONE: Record<BulkActionKind, (to: string) => string> = {
  publish: () => 'published',
  unpublish: () => 'unpublished (back to draft)',
  move: (to) => `moved to ${to}`,
  tag: (to) => `tagged “${to}”`,
};

const ALREADY: Record<BulkActionKind, (to: string) => string> = {
  publish: () => 'already published',
  unpublish: () => 'not published, so left as they were',
  move: (to) => `already in ${to}`,
  tag: (to) => `already tagged “${to}”`,
};

function reasonText(action: BulkActionKind, reason: BulkRefusal): string {
  switch (reason) {
    case 'no-edit':
      return 'You may not change this article; ask an editor.';
    case 'role':
      if (action === 'publish') return 'Your role may not publish this article; submit it for review.';
      if (action === 'unpublish') return 'Your role may not unpublish this article.';
      return 'Your role may not make this change.';
    case 'archived':
      return 'It is archived; restore it from the archive first.';
    case 'stale':
      return 'Someone saved it at the same moment; try again.';
    case 'invalid':
      return 'The change breaks one of its rules; make it in the editor to see which.';
    case 'missing':
      return 'There is no such article.';
  }
}

/**
 * The words of a result. `titles` holds the headlines the reader may see (articles they may open); any
 * other article is named by its number. `to` is the section's name or the tag (from the address).
 */
export function bulkResultView(result: BulkResult, titles: ReadonlyMap<number, string>, sectionName?: string): BulkResultView {
  const to = result.action === 'move' ? (sectionName ?? 'another section') : result.to;
  const lines: string[] = [];
  if (result.changed.length > 0) lines.push(`${result.changed.length} ${DONE[result.action](to)}.`);
  if (result.unchanged.length > 0) lines.push(`${result.unchanged.length} ${ALREADY[result.action](to)}.`);
  if (result.changed.length === 0 && result.unchanged.length === 0 && result.refused.length === 0) lines.push('Nothing was changed.');
  return {
    lines,
    refused: result.refused.map(({ id, reason }) => {
      const title = titles.get(id);
      return { title: title === undefined ? `Article ${id}` : `‘${title}’`, reason: reasonText(result.action, reason) };
    }),
  };
}
