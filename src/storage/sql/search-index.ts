import { sql, type Kysely } from 'kysely';
import { isWordPair, searchDocument, type SearchDocument } from '../../core/fulltext/document.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';
import { toDate } from './rows.js';

/** Articles read per statement when (re)indexing many. */
const BATCH = 500;

/**
 * Brings the search index entries of these articles in line with what is stored: readable ones (re)filed,
 * the rest removed. Called inside the transaction of every write that changes what search shows (an
 * article's text, status, time, noindex flag, section, byline or tags, a tag's name), so the index never
 * disagrees with a committed article.
 */
export async function reindexArticles(db: Kysely<Database>, adapter: DialectAdapter, articleIds: Iterable<number>): Promise<void> {
  // In id order, batch after batch: rows are locked in one order by every transaction that re-files articles.
  const ids = [...new Set(articleIds)].sort((a, b) => a - b);
  const counts = new Map<string, number>();
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    await adapter.lockForSearchIndex(db, batch);
    const docs = await searchDocuments(db, batch);
    await adapter.writeSearchDocs(db, batch, docs);
    addWords(counts, docs);
  }
  // Once, at the end, in one sorted pass: every transaction takes the word rows it counts in the same order,
  // so two long reindexes (tag renames of busy tags) cannot each hold a row the other waits for.
  await countWords(db, counts);
}

function addWords(counts: Map<string, number>, docs: readonly SearchDocument[]): void {
  for (const doc of docs) {
    for (const token of new Set([...doc.title, ...doc.dek, ...doc.tags, ...doc.body])) {
      if (!isWordPair(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }
}

/**
 * Adds the words' counts to `search_words` (prefix searches look words up there). A word's count grows by
 * the documents filed with it and never shrinks: it ranks a prefix's words by use and, on PostgreSQL, bounds
 * a word's matches from above when search plans its walk (search_newest); it does not promise a match.
 */
async function countWords(db: Kysely<Database>, counts: ReadonlyMap<string, number>): Promise<void> {
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([word, docs]) => ({ word, docs }));
  for (let start = 0; start < rows.length; start += WORD_ROWS) {
    await db
      .insertInto('search_words')
      .values(rows.slice(start, start + WORD_ROWS))
      .onConflict((conflict) => conflict.column('word').doUpdateSet({ docs: sql<number>`search_words.docs + excluded.docs` }))
      .execute();
  }
}

/** Rows per statement: well under either database's limit on parameters. */
const WORD_ROWS = 2000;

/** At most this many words stand for one prefix, the most used first. */
export const MAX_PREFIX_WORDS = 40;

/** The next string after every string starting with `prefix`, in code-point order (both databases compare so). */
function prefixEnd(prefix: string): string {
  const points = [...prefix];
  const last = points.pop()!.codePointAt(0)!;
  return points.join('') + String.fromCodePoint(last + 1);
}

/** The indexed words each prefix stands for, most used first (ties in code-point order). */
export async function expandPrefixes(db: Kysely<Database>, prefixes: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const prefix of new Set(prefixes)) {
    const rows = await db
      .selectFrom('search_words')
      .select('word')
      .where('word', '>=', prefix)
      .where('word', '<', prefixEnd(prefix))
      .orderBy('docs', 'desc')
      .orderBy('word')
      .limit(MAX_PREFIX_WORDS)
      .execute();
    result.set(prefix, rows.map((row) => row.word));
  }
  return result;
}

/** The documents of these articles (the ones readers may find). */
async function searchDocuments(db: Kysely<Database>, ids: readonly number[]): Promise<SearchDocument[]> {
  if (ids.length === 0) return [];
  const [articles, authors, tags] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'title', 'dek', 'body_html', 'status', 'published_at', 'noindex', 'primary_category_id'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute(),
    db.selectFrom('article_authors').select(['article_id', 'user_id']).where('article_id', 'in', ids).orderBy('article_id').orderBy('position').execute(),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['article_tags.article_id', 'tags.id', 'tags.name'])
      .where('article_tags.article_id', 'in', ids)
      .orderBy('article_tags.article_id')
      .orderBy('tags.id')
      .execute(),
  ]);
  const authorsOf = groupBy(authors, (row) => row.article_id);
  const tagsOf = groupBy(tags, (row) => row.article_id);
  return articles.flatMap((row) => {
    const document = searchDocument({
      id: row.id,
      title: row.title,
      dek: row.dek,
      bodyHtml: row.body_html,
      status: row.status,
      publishedAt: row.published_at === null ? null : toDate(row.published_at as Date | string),
      noindex: Number(row.noindex) === 1,
      primaryCategoryId: row.primary_category_id,
      authorIds: (authorsOf.get(row.id) ?? []).map((author) => author.user_id),
      tags: (tagsOf.get(row.id) ?? []).map((tag) => ({ id: tag.id, name: tag.name })),
    });
    return document ? [document] : [];
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Every article id, in batches, for building the index from scratch (migration 0017, `reindex` tools). */
export async function reindexAll(db: Kysely<Database>, adapter: DialectAdapter, onProgress?: (done: number) => void): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await db.selectFrom('articles').select('id').where('id', '>', after).orderBy('id').limit(BATCH).execute();
    if (rows.length === 0) return done;
    await reindexArticles(db, adapter, rows.map((row) => row.id));
    after = rows[rows.length - 1]!.id;
    done += rows.length;
    onProgress?.(done);
  }
}
