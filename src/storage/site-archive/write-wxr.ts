import type { Kysely } from 'kysely';
import { inReadSnapshot } from './read-snapshot.js';
import { absoluteUrl, articlePath, mediaPath } from '../../core/permalinks/permalinks.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';
import { toDate } from '../sql/rows.js';

/** Rows read per statement. */
const BATCH = 200;

/** Characters XML 1.0 does not allow anywhere, even escaped. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const text = (value: string) => value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attribute = (value: string) => text(value).replace(/"/g, '&quot;');
/** A CDATA section that holds anything: a `]]>` inside is split across two sections. */
const cdata = (value: string) => `<![CDATA[${value.replace(NOT_XML, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
/** WordPress's local-time fields, written in UTC (the export says so in the _gmt twins). */
const wpDate = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

const STATUS: Readonly<Record<string, string>> = { published: 'publish', draft: 'draft', in_review: 'pending' };

export interface WxrSummary {
  posts: number;
  pages: number;
  attachments: number;
  authors: number;
  categories: number;
  tags: number;
}

/**
 * Writes the site as a WordPress export (WXR 1.2) a newsroom can take back to WordPress (Tools → Import):
 * authors, sections as categories with their parents, tags, articles as posts (with their status, dates, body
 * HTML, excerpt, primary section, tags and Co-Authors Plus bylines), static pages, and pictures as attachments
 * at their addresses here (WordPress's importer fetches them). From one snapshot, a batch at a time.
 */
export async function writeWxr(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  input: { site: { url: string; name: string; description: string; language: string }; now: Date; write: (chunk: string) => Promise<void> },
): Promise<WxrSummary> {
  const { site, write } = input;
  const url = (path: string) => absoluteUrl(site.url, path);
  return inReadSnapshot(db, adapter, async (conn) => {
    const summary: WxrSummary = { posts: 0, pages: 0, attachments: 0, authors: 0, categories: 0, tags: 0 };
    // Posts, pages and attachments share WordPress's one id space: pages and pictures are numbered after the posts.
    const maxArticle = Number((await conn.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
    const maxPage = Number((await conn.selectFrom('pages').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
    const pageId = (id: number) => maxArticle + id;
    const attachmentId = (id: number) => maxArticle + maxPage + id;

    await write(
      `<?xml version="1.0" encoding="UTF-8" ?>\n<!-- A WordPress eXtended RSS file written by Newsdesk: import it with WordPress's Tools → Import → WordPress. -->\n` +
        `<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" ` +
        `xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n` +
        `<title>${text(site.name)}</title>\n<link>${text(site.url)}</link>\n<description>${text(site.description)}</description>\n` +
        `<pubDate>${input.now.toUTCString()}</pubDate>\n<language>${text(site.language)}</language>\n<wp:wxr_version>1.2</wp:wxr_version>\n` +
        `<wp:base_site_url>${text(site.url)}</wp:base_site_url>\n<wp:base_blog_url>${text(site.url)}</wp:base_blog_url>\n`,
    );

    const users = await conn.selectFrom('users').select(['id', 'email', 'display_name', 'slug']).orderBy('id').execute();
    const login = new Map(users.map((user) => [user.id, user.slug]));
    for (const user of users) {
      await write(
        `<wp:author><wp:author_id>${user.id}</wp:author_id><wp:author_login>${cdata(user.slug)}</wp:author_login><wp:author_email>${cdata(user.email)}</wp:author_email>` +
          `<wp:author_display_name>${cdata(user.display_name)}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>\n`,
      );
      summary.authors++;
    }

    const categories = await conn.selectFrom('categories').select(['id', 'slug', 'name', 'description', 'parent_id']).orderBy('id').execute();
    // Parents before children, as WordPress's importer wants them.
    const written = new Set<number>();
    const emit = async (category: (typeof categories)[number], depth = 0): Promise<void> => {
      if (written.has(category.id) || depth > 50) return;
      const parent = categories.find((candidate) => candidate.id === category.parent_id);
      if (parent) await emit(parent, depth + 1);
      written.add(category.id);
      await write(
        `<wp:category><wp:term_id>${category.id}</wp:term_id><wp:category_nicename>${cdata(category.slug)}</wp:category_nicename>` +
          `<wp:category_parent>${cdata(parent?.slug ?? '')}</wp:category_parent><wp:cat_name>${cdata(category.name)}</wp:cat_name>` +
          `<wp:category_description>${cdata(category.description)}</wp:category_description></wp:category>\n`,
      );
      summary.categories++;
    };
    for (const category of categories) await emit(category);

    for await (const tags of walk(conn, 'tags')) {
      for (const tag of tags as Array<{ id: number; slug: string; name: string }>) {
        await write(`<wp:tag><wp:term_id>${tag.id}</wp:term_id><wp:tag_slug>${cdata(tag.slug)}</wp:tag_slug><wp:tag_name>${cdata(tag.name)}</wp:tag_name></wp:tag>\n`);
        summary.tags++;
      }
    }

    for await (const pictures of walk(conn, 'media')) {
      for (const picture of pictures as Array<{ id: number; alt: string; caption: string; variants: string; created_at: Date | string; original_name: string }>) {
        const variants = JSON.parse(picture.variants) as Array<{ file: string; width: number; format: string }>;
        const largest = variants.filter((variant) => variant.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
        if (!largest) continue;
        const at = toDate(picture.created_at);
        await write(
          item({
            title: picture.original_name || `Picture ${picture.id}`,
            link: url(mediaPath(largest.file)),
            at,
            creator: '',
            id: attachmentId(picture.id),
            name: `picture-${picture.id}`,
            status: 'inherit',
            type: 'attachment',
            content: '',
            excerpt: picture.caption,
            extra: `<wp:attachment_url>${cdata(url(mediaPath(largest.file)))}</wp:attachment_url>\n<wp:postmeta><wp:meta_key>${cdata('_wp_attachment_image_alt')}</wp:meta_key><wp:meta_value>${cdata(picture.alt)}</wp:meta_value></wp:postmeta>`,
          }),
        );
        summary.attachments++;
      }
    }

    for await (const pages of walk(conn, 'pages')) {
      for (const page of pages as Array<{ id: number; slug: string; title: string; body_html: string; status: string; published_at: Date | string | null; updated_at: Date | string }>) {
        const at = toDate(page.published_at ?? page.updated_at);
        await write(
          item({ title: page.title, link: url(articlePath(page.slug)), at, modified: toDate(page.updated_at), creator: '', id: pageId(page.id), name: page.slug, status: page.status === 'published' ? 'publish' : 'draft', type: 'page', content: page.body_html, excerpt: '', extra: '' }),
        );
        summary.pages++;
      }
    }

    for await (const articles of walk(conn, 'articles')) {
      const ids = articles.map((article) => article.id as number);
      const bylines = await conn.selectFrom('article_authors').select(['article_id', 'user_id']).where('article_id', 'in', ids).orderBy('article_id').orderBy('position').execute();
      const tagRows = await conn
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select(['article_tags.article_id', 'tags.slug', 'tags.name'])
        .where('article_tags.article_id', 'in', ids)
        .orderBy('article_tags.article_id')
        .orderBy('tags.id')
        .execute();
      for (const article of articles as Array<{
        id: number; slug: string; title: string; body_html: string; excerpt: string; status: string; published_at: Date | string | null;
        created_at: Date | string; updated_at: Date | string; primary_category_id: number | null; featured_media_id: number | null;
      }>) {
        const published = article.published_at === null ? null : toDate(article.published_at);
        const status = article.status === 'published' && published && published > input.now ? 'future' : (STATUS[article.status] ?? 'draft');
        const authors = bylines.filter((row) => row.article_id === article.id).map((row) => login.get(row.user_id) ?? '');
        const primary = article.primary_category_id === null ? undefined : categories.find((category) => category.id === article.primary_category_id);
        const terms = [
          ...(primary ? [`<category domain="category" nicename="${attribute(primary.slug)}">${cdata(primary.name)}</category>`] : []),
          ...tagRows.filter((row) => row.article_id === article.id).map((row) => `<category domain="post_tag" nicename="${attribute(row.slug)}">${cdata(row.name)}</category>`),
          // Co-Authors Plus keeps every byline; plain WordPress keeps the first (dc:creator).
          ...(authors.length > 1 ? authors.map((slug) => `<category domain="author" nicename="cap-${attribute(slug)}">${cdata(slug)}</category>`) : []),
        ];
        const thumbnail = article.featured_media_id === null ? '' : `<wp:postmeta><wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>${cdata(String(attachmentId(article.featured_media_id)))}</wp:meta_value></wp:postmeta>`;
        await write(
          item({
            title: article.title,
            link: url(articlePath(article.slug)),
            at: published ?? toDate(article.created_at),
            modified: toDate(article.updated_at),
            creator: authors[0] ?? '',
            id: article.id,
            name: article.slug,
            status,
            type: 'post',
            content: article.body_html,
            excerpt: article.excerpt,
            extra: [...terms, thumbnail].filter(Boolean).join('\n'),
          }),
        );
        summary.posts++;
      }
    }
    await write('</channel>\n</rss>\n');
    return summary;
  });
}

function item(input: {
  title: string;
  link: string;
  at: Date;
  modified?: Date;
  creator: string;
  id: number;
  name: string;
  status: string;
  type: 'post' | 'page' | 'attachment';
  content: string;
  excerpt: string;
  extra: string;
}): string {
  const modified = input.modified ?? input.at;
  return (
    `<item>\n<title>${text(input.title)}</title>\n<link>${text(input.link)}</link>\n<pubDate>${input.at.toUTCString()}</pubDate>\n` +
    `<dc:creator>${cdata(input.creator)}</dc:creator>\n<guid isPermaLink="false">${text(input.link)}</guid>\n<description></description>\n` +
    `<content:encoded>${cdata(input.content)}</content:encoded>\n<excerpt:encoded>${cdata(input.excerpt)}</excerpt:encoded>\n` +
    `<wp:post_id>${input.id}</wp:post_id>\n<wp:post_date>${cdata(wpDate(input.at))}</wp:post_date>\n<wp:post_date_gmt>${cdata(wpDate(input.at))}</wp:post_date_gmt>\n` +
    `<wp:post_modified>${cdata(wpDate(modified))}</wp:post_modified>\n<wp:post_modified_gmt>${cdata(wpDate(modified))}</wp:post_modified_gmt>\n` +
    `<wp:comment_status>${cdata('closed')}</wp:comment_status>\n<wp:ping_status>${cdata('closed')}</wp:ping_status>\n` +
    `<wp:post_name>${cdata(input.name)}</wp:post_name>\n<wp:status>${cdata(input.status)}</wp:status>\n<wp:post_parent>0</wp:post_parent>\n` +
    `<wp:menu_order>0</wp:menu_order>\n<wp:post_type>${cdata(input.type)}</wp:post_type>\n<wp:post_password>${cdata('')}</wp:post_password>\n<wp:is_sticky>0</wp:is_sticky>\n` +
    `${input.extra ? `${input.extra}\n` : ''}</item>\n`
  );
}

/** A table's rows in id order, a batch at a time. */
async function* walk(db: Kysely<Database>, table: 'tags' | 'media' | 'pages' | 'articles'): AsyncGenerator<Array<Record<string, unknown>>> {
  let after = 0;
  for (;;) {
    const rows = (await db.selectFrom(table).selectAll().where('id', '>', after).orderBy('id').limit(BATCH).execute()) as Array<Record<string, unknown>>;
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id as number;
    if (rows.length < BATCH) return;
  }
}
