import { describe, expect, it } from 'vitest';
import { bulkResultParams, bulkResultView, listFiltersFrom, listHref, listPage, parseBulkResult, type ListFilters } from './desk-pages.js';

const NONE: ListFilters = { status: '', author: '', category: '', q: '', pending: '' };
/** Rows with ids `from` down to `to`, each changed at id × 1000 ms (so cursors read `<id>000.<id>`). */
const rows = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => ({ id: from - i, updatedAt: new Date((from - i) * 1000) }));
const key = (row: { updatedAt: Date }) => row.updatedAt;

describe('the list address', () => {
  it.each([
    [NONE, {}, '/admin/articles'],
    [{ ...NONE, status: 'draft', q: 'port deal' }, {}, '/admin/articles?status=draft&q=port+deal'],
    [{ ...NONE, pending: '1' }, { before: '5000.5' }, '/admin/articles?pending=1&before=5000.5'],
  ])('%o with %o is %s', (filters, extra, href) => {
    expect(listHref(filters, extra)).toBe(href);
  });
});

describe('the filters a list address asks for', () => {
  it.each([
    ['an editor naming an author', { status: 'scheduled', author: '4', q: 'x' }, false, { ...NONE, status: 'scheduled', author: '4', q: 'x' }, { status: 'scheduled', authorId: 4, titleContains: 'x' }],
    ['an author naming someone else', { author: '4' }, true, NONE, { authorId: 9 }],
    ['unknown values', { status: 'Scheduled', author: 'me', category: '0', pending: 'yes' }, false, NONE, {}],
    ['unpublished changes in a section', { category: '12', pending: '1' }, false, { ...NONE, category: '12', pending: '1' }, { categoryId: 12, pendingChanges: true }],
  ])('reads %s', (_, query, ownOnly, filters, filter) => {
    expect(listFiltersFrom(query, { id: 9, ownOnly })).toEqual({ filters, filter });
  });
});

describe('a page of the list', () => {
  it('is the first 50 of 51 rows read forwards, with a Next link after the 50th and no Previous', () => {
    const page = listPage(rows(100, 50), { filters: { ...NONE, q: 'a' }, key });
    expect([page.rows.length, page.rows[0]!.id, page.rows[49]!.id]).toEqual([50, 100, 51]);
    expect(page).toMatchObject({ nextHref: '/admin/articles?q=a&before=51000.51' });
    expect(page.previousHref).toBeUndefined();
  });

  it('has a Previous link, and no Next, on a last page reached forwards', () => {
    const page = listPage(rows(20, 1), { filters: NONE, key, before: { publishedAt: new Date(21_000), id: 21 } });
    expect(page.rows.map((row) => row.id)).toEqual(rows(20, 1).map((row) => row.id));
    expect(page).toEqual({ rows: page.rows, previousHref: '/admin/articles?after=20000.20' });
  });

  it('drops the first of 51 rows read backwards, and keeps both links', () => {
    const page = listPage(rows(101, 51), { filters: NONE, key, after: { publishedAt: new Date(50_000), id: 50 } });
    expect([page.rows[0]!.id, page.rows[49]!.id]).toEqual([100, 51]);
    expect(page).toMatchObject({ previousHref: '/admin/articles?after=100000.100', nextHref: '/admin/articles?before=51000.51' });
  });

  it('has no Previous link on the first page reached backwards', () => {
    const page = listPage(rows(50, 1), { filters: NONE, key, after: { publishedAt: new Date(0), id: 0 } });
    expect(page.previousHref).toBeUndefined();
    expect(page.nextHref).toBe('/admin/articles?before=1000.1');
  });
});

describe('the result of a bulk action in the address', () => {
  it('goes there and comes back', () => {
    const params = bulkResultParams({
      action: 'tag',
      to: 'Harbour',
      outcomes: [
        { id: 3, result: 'changed' },
        { id: 4, result: 'unchanged' },
        { id: 5, result: 'refused', reason: 'no-edit' },
        { id: 6, result: 'changed' },
      ],
    });
    expect(params).toEqual({ done: 'tag', to: 'Harbour', ok: '3,6', same: '4', no: '5:no-edit' });
    expect(parseBulkResult(params)).toEqual({ action: 'tag', to: 'Harbour', changed: [3, 6], unchanged: [4], refused: [{ id: 5, reason: 'no-edit' }] });
  });

  it.each([
    ['no action', { ok: '1' }, undefined],
    ['an unknown action', { done: 'delete', ok: '1' }, undefined],
    ['ids that are not numbers', { done: 'publish', ok: '1,x', no: '2:role' }, { action: 'publish', to: '', changed: [], unchanged: [], refused: [{ id: 2, reason: 'role' }] }],
    ['an unknown reason', { done: 'publish', no: '2:hacked,3:stale' }, { action: 'publish', to: '', changed: [], unchanged: [], refused: [{ id: 3, reason: 'stale' }] }],
  ])('reads %s', (_, query, result) => {
    expect(parseBulkResult(query)).toEqual(result);
  });

  it('says what happened in words, naming only the articles the reader may open', () => {
    const view = bulkResultView(
      { action: 'publish', to: '', changed: [1, 2, 3], unchanged: [4], refused: [{ id: 5, reason: 'role' }, { id: 6, reason: 'no-edit' }] },
      new Map([[5, 'Port deal signed']]),
    );
    expect(view).toEqual({
      lines: ['3 published.', '1 already published.'],
      refused: [
        { title: '‘Port deal signed’', reason: 'Your role may not publish this article; submit it for review.' },
        { title: 'Article 6', reason: 'You may not change this article; ask an editor.' },
      ],
    });
    expect(bulkResultView({ action: 'move', to: '7', changed: [1], unchanged: [2, 3], refused: [] }, new Map(), 'Economy').lines).toEqual(['1 moved to Economy.', '2 already in Economy.']);
  });
});
