import type { Insertable, Kysely } from 'kysely';
import { reindexArticles } from '../../storage/sql/search-index.js';
import { excerptFor } from '../../core/articles/excerpt.js';
import { slugify } from '../../core/articles/slug.js';
import type { StoreHandle } from '../../storage/create-store.js';
import type { ArticlesTable, Database } from '../../storage/schema.js';
import { ADJECTIVES, CATEGORIES, FILLER, FIRST_NAMES, HEADINGS, LAST_NAMES, NOUNS, PLACES, VERBS } from './word-lists.js';

export interface GenerateArticlesInput {
  store: StoreHandle;
  count: number;
  /** The newest article is published one step (72 s) before this. */
  now: Date;
  /** PRNG seed: the same seed gives the same articles. Default 1. */
  seed?: number;
  /** Articles per transaction. Default 1000. */
  batchSize?: number;
  /** Called after each batch with the number of articles inserted so far. */
  onProgress?: (done: number) => void;
  /** From this many articles on, the search index is bulk-loaded (DialectAdapter.bulkSearchLoad). Default 20,000. */
  bulkSearchLoadFrom?: number;
}

export interface GenerateArticlesResult {
  articles: number;
  categories: number;
  tags: number;
  authors: number;
}

/** SQLite's bound-parameter limit (PostgreSQL allows 65535): every multi-row INSERT stays under it. */
const MAX_PARAMS = 32766;
/** 50 articles an hour: N articles span N/50 hours. */
const STEP_MS = 72_000;
const AUTHOR_COUNT = 8;
const TAG_COUNT = 200;

type Random = () => number;
type Db = Kysely<Database>;

/** From this many articles on, the search index is bulk-loaded. */
const BULK_SEARCH_LOAD = 20_000;

/**
 * Bulk-inserts `count` published articles with authors, a primary category and tags, for load tests.
 * Authors, categories and tags are created when missing and reused when their slugs exist. Ids grow with
 * publication time; every tenth article shares its neighbour's timestamp so keyset ties are exercised.
 */
export async function generateArticles(input: GenerateArticlesInput): Promise<GenerateArticlesResult> {
  const { store, count, now } = input;
  const db = store.db;
  const random = mulberry32(input.seed ?? 1);
  const batchSize = Math.max(1, input.batchSize ?? 1000);
  const authorIds = await ensureAuthors(db, now);
  const categoryIds = await ensureCategories(db);
  const tagIds = await ensureTags(db);
  const offset = await store.articles.count();
  const headingIds = new Map(HEADINGS.map((heading) => [heading, slugify(heading)]));

  const fill = async () => {
    let publishedMs = 0;
    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(count, start + batchSize);
      const rows: Array<Insertable<ArticlesTable>> = [];
      const links = new Map<string, { publicAt: string; authors: number[]; tags: number[] }>();
      for (let i = start; i < end; i++) {
        if (i % 10 !== 5) publishedMs = now.getTime() - (count - i) * STEP_MS;
        const at = new Date(publishedMs).toISOString();
        const title = makeTitle(random);
        const slug = `${slugify(title).slice(0, 80).replace(/-+$/, '')}-${offset + i + 1}`;
        const body = makeBody(random, headingIds);
        rows.push({
          slug,
          title,
          dek: sentence(random, 14 + Math.floor(random() * 7)),
          body_md: body.md,
          body_html: body.html,
          excerpt: excerptFor({ bodyHtml: body.html }),
          status: 'published',
          published_at: at,
          updated_at: at,
          created_at: at,
          revision: 1,
          primary_category_id: pick(random, categoryIds),
          noindex: 0,
        });
        links.set(slug, {
          publicAt: at,
          authors: distinct(random, authorIds, 1 + Math.floor(random() * random() * 3)),
          // Skewed towards the first tags, so a few tags are busy and most are quiet, as on a real site.
          tags: distinct(random, tagIds, 2 + Math.floor(random() * 3), (r) => r * r),
        });
      }
      await db.transaction().execute(async (trx) => {
        const authorRows: Array<{ article_id: number; user_id: number; position: number; public_at: string }> = [];
        const tagRows: Array<{ article_id: number; tag_id: number; public_at: string }> = [];
        const insertedIds: number[] = [];
        for (const chunk of chunks(rows, Object.keys(rows[0]!).length)) {
          const inserted = await trx.insertInto('articles').values(chunk).returning(['id', 'slug']).execute();
          for (const { id, slug } of inserted) {
            insertedIds.push(id);
            const link = links.get(slug)!;
            link.authors.forEach((userId, position) => authorRows.push({ article_id: id, user_id: userId, position, public_at: link.publicAt }));
            for (const tagId of link.tags) tagRows.push({ article_id: id, tag_id: tagId, public_at: link.publicAt });
          }
        }
        for (const chunk of chunks(authorRows, 4)) await trx.insertInto('article_authors').values(chunk).execute();
        for (const chunk of chunks(tagRows, 3)) await trx.insertInto('article_tags').values(chunk).execute();
        // Filed for search in the same transaction, as every write does.
        await reindexArticles(trx, store.adapter, insertedIds);
      });
      input.onProgress?.(end);
    }
  };
  // Many rows: the search index's GIN part is built once at the end (see DialectAdapter.bulkSearchLoad).
  await (count >= (input.bulkSearchLoadFrom ?? BULK_SEARCH_LOAD) ? store.adapter.bulkSearchLoad(db, fill) : fill());
  await store.adapter.refreshStatistics(db, ['articles', 'article_authors', 'article_tags', 'search_docs', 'search_words', 'users', 'categories', 'tags']);
  return { articles: count, categories: categoryIds.length, tags: tagIds.length, authors: authorIds.length };
}

async function ensureAuthors(db: Db, now: Date): Promise<number[]> {
  const users = Array.from({ length: AUTHOR_COUNT }, (_, i) => {
    const displayName = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 3) % LAST_NAMES.length]}`;
    const slug = slugify(displayName);
    return {
      email: `${slug}@bench.example`,
      display_name: displayName,
      slug,
      bio: `${displayName} reports on public services and the places that depend on them.`,
      role: 'author',
      created_at: now.toISOString(),
    };
  });
  await db.insertInto('users').values(users).onConflict((oc) => oc.doNothing()).execute();
  return idsBySlug(db, 'users', users.map((user) => user.slug));
}

async function ensureCategories(db: Db): Promise<number[]> {
  const ids = new Map<string, number>();
  for (const category of CATEGORIES) {
    await db
      .insertInto('categories')
      .values({
        slug: category.slug,
        name: category.name,
        description: `${category.name}: reporting and analysis.`,
        parent_id: category.parent ? (ids.get(category.parent) ?? null) : null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const row = await db.selectFrom('categories').select('id').where('slug', '=', category.slug).executeTakeFirstOrThrow();
    ids.set(category.slug, row.id);
  }
  return [...ids.values()];
}

async function ensureTags(db: Db): Promise<number[]> {
  const tags = new Map<string, string>();
  for (let i = 0; tags.size < TAG_COUNT; i++) {
    const name = `${capitalise(ADJECTIVES[i % ADJECTIVES.length]!)} ${NOUNS[(i * 7 + Math.floor(i / ADJECTIVES.length)) % NOUNS.length]}`;
    tags.set(slugify(name), name);
  }
  const rows = [...tags].map(([slug, name]) => ({ slug, name }));
  await db.insertInto('tags').values(rows).onConflict((oc) => oc.doNothing()).execute();
  return idsBySlug(db, 'tags', [...tags.keys()]);
}

/** Ids in the order of `slugs`. */
async function idsBySlug(db: Db, table: 'users' | 'tags', slugs: string[]): Promise<number[]> {
  const rows = await db.selectFrom(table).select(['id', 'slug']).where('slug', 'in', slugs).execute();
  const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
  return slugs.map((slug) => bySlug.get(slug)!);
}

function makeTitle(random: Random): string {
  const place = pick(random, PLACES);
  const noun = pick(random, NOUNS);
  const other = pick(random, NOUNS);
  const adjective = pick(random, ADJECTIVES);
  const verb = pick(random, VERBS);
  switch (Math.floor(random() * 3)) {
    case 0:
      return `${place} ${noun} ${verb} ${adjective} ${other} plan`;
    case 1:
      return `${capitalise(adjective)} ${noun} ${verb} ${other} talks in ${place}`;
    default:
      return `In ${place}, the ${noun} ${verb} its ${adjective} ${other}`;
  }
}

function sentence(random: Random, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = random();
    let word: string =
      r < 0.015 ? rareWord(random) : r < 0.5 ? pick(random, FILLER) : r < 0.7 ? pick(random, NOUNS) : r < 0.85 ? pick(random, ADJECTIVES) : r < 0.97 ? pick(random, VERBS) : pick(random, PLACES);
    if (i > 2 && i < words - 2 && random() < 0.06) word += ',';
    out.push(word);
  }
  return `${capitalise(out.join(' ').replace(/,$/, ''))}.`;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'ba', 'do', 'fe', 'gu', 'hi', 'jo', 'pe', 'ri', 'so', 'tu', 'ya'] as const;
/** Distinct made-up words in generated bodies. */
const RARE_WORDS = 50_000;

/**
 * A made-up word ("kalomine") drawn so that a few are common and most are rare, as names and terms are in
 * real news: search benchmarks need words of every frequency, which the short word lists above cannot give.
 */
function rareWord(random: Random): string {
  let rank = Math.floor(RARE_WORDS ** random());
  let word = '';
  for (let i = 0; i < 4; i++) {
    word += SYLLABLES[rank % SYLLABLES.length];
    rank = Math.floor(rank / SYLLABLES.length);
  }
  return word;
}

function paragraph(random: Random): string {
  const sentences = 3 + Math.floor(random() * 2);
  return Array.from({ length: sentences }, () => sentence(random, 8 + Math.floor(random() * 7))).join(' ');
}

/** Six paragraphs around two `##` sub-headings; the HTML is what the site's Markdown renderer makes of it. */
function makeBody(random: Random, headingIds: ReadonlyMap<string, string>): { md: string; html: string } {
  const first = pick(random, HEADINGS);
  let second = pick(random, HEADINGS);
  if (second === first) second = HEADINGS[(HEADINGS.indexOf(first) + 1) % HEADINGS.length]!;
  const blocks: Array<{ heading: string } | { text: string }> = [];
  for (const heading of [undefined, first, second]) {
    if (heading) blocks.push({ heading });
    blocks.push({ text: paragraph(random) }, { text: paragraph(random) });
  }
  const md = blocks.map((block) => ('heading' in block ? `## ${block.heading}` : block.text)).join('\n\n') + '\n';
  const html = blocks
    .map((block) => ('heading' in block ? `<h2 id="${headingIds.get(block.heading)}">${block.heading}</h2>\n` : `<p>${block.text}</p>\n`))
    .join('');
  return { md, html };
}

/** Splits rows so one multi-row INSERT binds at most MAX_PARAMS values. */
function chunks<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** `n` distinct items; `shape` bends the uniform draw (r → r² favours the first items). */
function distinct<T>(random: Random, items: readonly T[], n: number, shape: (r: number) => number = (r) => r): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(n, items.length)) chosen.add(items[Math.floor(shape(random()) * items.length)]!);
  return [...chosen];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** mulberry32: a tiny seeded PRNG, plenty for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
