import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config/config.js';
import { encodeCursor } from '../src/core/articles/cursor.js';
import { descendantIds } from '../src/core/taxonomy/taxonomy.js';
import type { StoreHandle } from '../src/storage/create-store.js';

export interface BenchDatabase {
  /** DATABASE_URL for the server child. */
  url: string;
  config: DatabaseConfig;
  /** Deletes the SQLite file, or drops the PostgreSQL schema. */
  drop(): Promise<void>;
}

/** A database that already holds articles: used as it is and never dropped. */
export function existingDatabase(url: string): BenchDatabase {
  const problems: string[] = [];
  const config = parseDatabaseUrl(url, problems);
  if (problems.length > 0) throw new Error(problems.join(' '));
  return { url, config, drop: async () => undefined };
}

/**
 * A fresh database: a temp SQLite file by default; for a postgres:// URL a new schema `bench_<hex>`;
 * for a sqlite: URL that file, which must not exist yet.
 */
export function createBenchDatabase(url?: string): BenchDatabase {
  if (url === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
    const file = join(dir, 'bench.sqlite');
    return { url: `sqlite:${file}`, config: { kind: 'sqlite', file }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const problems: string[] = [];
  const parsed = parseDatabaseUrl(url, problems);
  if (problems.length > 0) throw new Error(problems.join(' '));
  if (parsed.kind === 'sqlite') {
    if (existsSync(parsed.file)) throw new Error(`${parsed.file} already exists; the benchmark needs a new file.`);
    const file = parsed.file;
    return {
      url,
      config: parsed,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      },
    };
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const withSchema = new URL(url);
  withSchema.searchParams.set('schema', schema);
  return {
    url: withSchema.toString(),
    config: { ...parsed, schema },
    async drop() {
      const client = new pg.Client({ connectionString: parsed.url });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface Targets {
  /** One article, requested over and over. */
  articleSlug: string;
  /** Up to `spread` articles spread over the whole history, requested in turn. */
  slugs: string[];
  /** The top-level category with the most articles (its sub-categories included). */
  categorySlug: string;
  /** `?before=` cursor 90% of the way back through that category. */
  deepCursor: string;
  /** The most used tag. */
  tagSlug: string;
}

export async function pickTargets(store: StoreHandle, spread: number): Promise<Targets> {
  const db = store.db;
  const all = await db.selectFrom('articles').select('slug').orderBy('id').execute();
  if (all.length === 0) throw new Error('The benchmark database has no articles.');
  const step = Math.max(1, Math.floor(all.length / spread));
  // Interleave old and new so consecutive requests do not hit neighbouring rows.
  const spaced = all.filter((_, i) => i % step === 0).slice(0, spread).map((row) => row.slug);
  const slugs = spaced.map((_, i) => spaced[i % 2 === 0 ? i / 2 : spaced.length - 1 - (i - 1) / 2]!);

  const categories = await store.categories.list();
  const perCategory = new Map(
    (
      await db
        .selectFrom('articles')
        .select(['primary_category_id', (eb) => eb.fn.countAll().as('n')])
        .groupBy('primary_category_id')
        .execute()
    ).map((row) => [row.primary_category_id, Number(row.n)]),
  );
  const ranked = categories
    .filter((category) => category.parentId === null)
    .map((category) => {
      const ids = descendantIds(categories, category.id);
      return { category, ids, total: ids.reduce((sum, id) => sum + (perCategory.get(id) ?? 0), 0) };
    })
    .sort((a, b) => b.total - a.total);
  const top = ranked[0];
  if (!top || top.total === 0) throw new Error('No category has articles.');
  const deep = await db
    .selectFrom('articles')
    .select(['id', 'published_at'])
    .where('status', '=', 'published')
    .where('primary_category_id', 'in', top.ids)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .offset(Math.floor(top.total * 0.9))
    .limit(1)
    .executeTakeFirstOrThrow();

  const tag = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.slug', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['tags.id', 'tags.slug'])
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();

  return {
    articleSlug: all[Math.floor(all.length / 2)]!.slug,
    slugs,
    categorySlug: top.category.slug,
    deepCursor: encodeCursor({ publishedAt: new Date(deep.published_at!), id: deep.id }),
    tagSlug: tag.slug,
  };
}
