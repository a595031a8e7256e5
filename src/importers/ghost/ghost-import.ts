import { readFile } from 'node:fs/promises';
import MarkdownIt from 'markdown-it';
import { createArticle, type ArticleDeps } from '../../core/articles/create-article.js';
import type { ArticleStatus } from '../../core/articles/article.js';
import { assertValidSlug, hasSlugForm, slugify } from '../../core/articles/slug.js';
import { isDomainError } from '../../core/errors.js';
import { ImportError } from '../../core/imports/import-error.js';
import type { ImportReport } from '../../core/imports/import-report.js';
import { articlePath, authorPath, tagPath } from '../../core/permalinks/permalinks.js';
import { htmlToMarkdown } from '../html-to-markdown.js';
import { reportedImport } from '../import-once.js';
import { importedPicture, type PictureImport } from '../imported-pictures.js';
import { ghostPictureUrl, pictureKey } from '../picture-source.js';
import { bodyMarkdown } from '../../core/images/media-library.js';
import { importedPage } from '../imported-pages.js';
import { bylineProfile, importedTag } from '../imported-people-and-tags.js';

/**
 * `newsdesk import ghost FILE.json`: a Ghost export (Labs → Export; the 0.x "003" format with top-level
 * `data`, and 1.x–5.x with `db[0].data`). Posts with their status, dates, authors (in order) and tags;
 * users as byline profiles (their password hashes are never read, nor API keys, webhooks or sessions, which
 * a Ghost export carries); 301s from Ghost's addresses (`/tag/x/`, `/author/x/`, `/rss/`). Bodies come from
 * the stored HTML, else the Markdown (0.x), else the text of mobiledoc or lexical. The whole file is checked
 * before the first write; each post is then written once, in its own transaction, with its map row.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- a Ghost export is untyped JSON, checked field by field */

interface GhostData {
  posts: any[];
  users: any[];
  tags: any[];
  postsTags: any[];
  postsAuthors: any[];
  title: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function ghostData(json: any): GhostData {
  const data = Array.isArray(json?.db) ? json.db[0]?.data : json?.data;
  if (typeof data !== 'object' || data === null || !Array.isArray(data.posts)) {
    const keys = typeof json === 'object' && json !== null ? Object.keys(json).slice(0, 5).join(', ') : typeof json;
    throw new ImportError(`The file is JSON but not a Ghost export: it has no "db" or "data" with posts (its top level holds: ${keys || 'nothing'}).`, 'NOT_GHOST');
  }
  const list = (name: string) => {
    const value = data[name] ?? [];
    if (!Array.isArray(value)) throw new ImportError(`The Ghost export's "${name}" is not a list.`, 'NOT_GHOST');
    return (value as any[]).filter((row) => typeof row === 'object' && row !== null);
  };
  for (const [index, post] of data.posts.entries()) {
    if (typeof post !== 'object' || post === null || str(post.id) === '') throw new ImportError(`Post ${index + 1} of the Ghost export has no id.`, 'NOT_GHOST');
  }
  const title = str(list('settings').find((row: any) => row.key === 'title')?.value);
  return { posts: data.posts, users: list('users'), tags: list('tags'), postsTags: list('posts_tags'), postsAuthors: list('posts_authors'), title };
}

/** Ghost dates: ISO strings (1.x+) or epoch milliseconds (0.x). */
function ghostDate(value: unknown): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

let ghostMarkdown: InstanceType<typeof MarkdownIt> | undefined;

/**
 * Ghost 0.x stored Markdown with raw HTML in it, which it rendered as HTML; our bodies render with raw HTML
 * off. So the Markdown is rendered the way Ghost did (raw HTML on) and that HTML becomes our Markdown.
 */
function markdownAsGhostRenderedIt(markdown: string): string {
  ghostMarkdown ??= new MarkdownIt({ html: true, linkify: false });
  return htmlToMarkdown(ghostMarkdown.render(markdown));
}

/** The text of mobiledoc's sections and cards, or lexical's nodes, when a post has no HTML or Markdown. */
function structuredBody(post: any): string {
  try {
    if (typeof post.mobiledoc === 'string' && post.mobiledoc) {
      const doc = JSON.parse(post.mobiledoc);
      const parts: string[] = [];
      for (const card of doc.cards ?? []) {
        if (card[0] === 'markdown' || card[0] === 'card-markdown') parts.push(str(card[1]?.markdown));
        if (card[0] === 'html') parts.push(htmlToMarkdown(str(card[1]?.html)));
      }
      for (const section of doc.sections ?? []) {
        if (section[0] === 1) parts.push((section[2] ?? []).map((marker: any) => str(marker[3])).join(''));
      }
      return parts.filter(Boolean).join('\n\n');
    }
    if (typeof post.lexical === 'string' && post.lexical) {
      const texts: string[] = [];
      const walk = (node: any) => {
        if (typeof node?.text === 'string') texts.push(node.text);
        for (const child of node?.children ?? []) walk(child);
        if (['paragraph', 'heading', 'quote', 'listitem'].includes(node?.type)) texts.push('\n\n');
      };
      walk(JSON.parse(post.lexical).root);
      return texts.join('').replace(/\n{3,}/g, '\n\n').trim();
    }
  } catch {
    return '';
  }
  return '';
}

export async function importGhost(
  deps: ArticleDeps,
  file: string,
  options: {
    dryRun?: boolean;
    onProgress?: (done: number, total: number) => void;
    /** Bring the pictures into the library: a copy of Ghost's content/images folder, or fetched from their addresses. */
    pictures?: PictureImport;
  } = {},
): Promise<ImportReport> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new ImportError(`Cannot read ${file} (${code}).`, 'UNREADABLE');
    throw new ImportError(`The file is not well-formed JSON (${(error as Error).message}).`, 'NOT_WELL_FORMED');
  }
  const data = ghostData(json);
  const source = `ghost:${data.title || 'site'}`;
  const { store } = deps;
  const now = deps.clock.now();
  const { report, skip, once } = reportedImport(store, { source, dryRun: options.dryRun ?? false, items: data.posts.length });

  const users = new Map<string, number>();
  for (const user of data.users) {
    const id = str(user.id);
    const slug = str(user.slug);
    const local = await once('author', id, async (tx) => {
      const profile = await bylineProfile(tx, { handle: slug || str(user.name), name: str(user.name), email: str(user.email), bio: str(user.bio) });
      if (profile.created) report.created.authors++;
      return { id: profile.id, redirects: slug ? [[authorPath(slug), authorPath(profile.slug)], [`${authorPath(slug)}/rss`, `${authorPath(profile.slug)}/rss.xml`]] : [] };
    });
    if (local !== undefined) users.set(id, local);
  }
  const tags = new Map<string, number>();
  for (const tag of data.tags) {
    const name = str(tag.name);
    // Ghost's internal tags (#name) organise the old site's theme, not its stories.
    if (slugify(name) === '' || name.startsWith('#') || tag.visibility === 'internal') continue;
    const slug = str(tag.slug);
    const local = await once('tag', str(tag.id), async (tx) => {
      const made = (await importedTag(tx, name))!;
      if (made.created) report.created.tags++;
      return { id: made.id, redirects: slug ? [[tagPath(slug), tagPath(made.slug)], [`${tagPath(slug)}/rss`, `${tagPath(made.slug)}/rss.xml`]] : [] };
    });
    if (local !== undefined) tags.set(str(tag.id), local);
  }
  if (!report.dryRun) await store.redirects.add({ fromPath: '/rss', toPath: '/rss.xml' });

  const ordered = (rows: any[], postId: string, column: string) =>
    rows
      .filter((row) => str(row.post_id) === postId)
      .sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0))
      .map((row) => str(row[column]));

  // Pictures, before the posts that show them: every picture a post's HTML shows or features, once each
  // (Ghost's resized copies, size/w600/…, are the same picture), read, checked and resized like an upload.
  const pictureIds = new Map<string, { id: number; alt: string }>();
  if (options.pictures) {
    const wanted = new Map<string, { url: string; alt: string }>();
    const want = (raw: string, alt: string) => {
      const url = ghostPictureUrl(raw.replace(/&amp;/g, '&'));
      const key = url === undefined ? undefined : pictureKey(url);
      if (url === undefined || key === undefined || !/\.(jpe?g|png|gif|webp|avif|heic)$/i.test(key)) return;
      const seen = wanted.get(key);
      // The same picture shown twice: the alt text of whichever use has one.
      if (seen) {
        if (!seen.alt && alt) seen.alt = alt;
        return;
      }
      wanted.set(key, { url: url.replace(/\/content\/images\/size\/w\d+(?:h\d+)?\//, '/content/images/'), alt });
    };
    for (const post of data.posts) {
      if (str(post.feature_image)) want(str(post.feature_image), str(post.feature_image_alt));
      for (const tag of str(post.html).match(/<img\b[^>]*>/gi) ?? []) {
        const src = /\ssrc\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
        if (src) want(src, /\salt\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? '');
      }
    }
    for (const [key, picture] of wanted) {
      const id = await importedPicture({ store, clock: deps.clock, source, report, once, pictures: options.pictures }, { sourceId: key, url: picture.url, alt: picture.alt, label: 'Picture' });
      if (id !== undefined) pictureIds.set(key, { id, alt: picture.alt });
    }
  }
  const pictureOf = (raw: string) => {
    const url = ghostPictureUrl(raw.replace(/&amp;/g, '&'));
    const key = url === undefined ? undefined : pictureKey(url);
    return key === undefined ? undefined : pictureIds.get(key);
  };
  const ownPicture = (raw: string): string | undefined => {
    const picture = pictureOf(raw);
    return picture && bodyMarkdown(picture);
  };

  /** A Ghost page becomes a static page: published, or a draft (a scheduled page waits as one). */
  async function importGhostPage(post: Record<string, unknown>, id: string): Promise<void> {
    const ghostStatus = str(post.status);
    if (!['published', 'draft', 'scheduled'].includes(ghostStatus)) return void skip('page');
    if (report.dryRun) {
      if ((await store.imports.find(source, 'page', id)) !== undefined) report.alreadyImported++;
      else report.created.pages++;
      return;
    }
    const oldSlug = str(post.slug).toLowerCase();
    await once('page', id, async (tx) => {
      const html = str(post.html);
      const page = await importedPage(deps, tx, {
        title: str(post.title).trim() || `Untitled page ${id}`,
        slug: hasSlugForm(oldSlug) ? oldSlug : undefined,
        bodyMd: html ? htmlToMarkdown(html, { picture: ownPicture }) : str(post.markdown) ? markdownAsGhostRenderedIt(str(post.markdown)) : structuredBody(post),
        published: ghostStatus === 'published',
        oldPaths: oldSlug ? [`/${oldSlug}/`] : [],
      });
      report.created.pages++;
      return page;
    });
  }

  for (const [index, post] of data.posts.entries()) {
    options.onProgress?.(index, data.posts.length);
    const id = str(post.id);
    if (post.type === 'page' || post.page === true || post.page === 1) {
      await importGhostPage(post, id);
      continue;
    }
    const ghostStatus = str(post.status);
    const status: ArticleStatus | undefined = ghostStatus === 'published' || ghostStatus === 'scheduled' ? 'published' : ghostStatus === 'draft' ? 'draft' : undefined;
    if (!status) {
      skip('unsupported status');
      continue;
    }
    const publishedAt = status === 'published' ? (ghostDate(post.published_at) ?? now) : null;
    const countAs = status === 'draft' ? 'draft' : publishedAt! > now ? 'scheduled' : 'published';
    if (report.dryRun) {
      if ((await store.imports.find(source, 'post', id)) !== undefined) report.alreadyImported++;
      else report.byStatus[countAs]++;
      continue;
    }
    const authorIds = [...new Set((ordered(data.postsAuthors, id, 'author_id').length > 0 ? ordered(data.postsAuthors, id, 'author_id') : [str(post.author_id)]).flatMap((author) => users.get(author) ?? []))];
    const tagIds = ordered(data.postsTags, id, 'tag_id').flatMap((tag) => tags.get(tag) ?? []);
    const oldSlug = str(post.slug).toLowerCase();
    const slug = (() => {
      try {
        assertValidSlug(oldSlug);
        return oldSlug;
      } catch {
        return undefined;
      }
    })();
    try {
      await once('post', id, async (tx) => {
        const free = slug !== undefined && !(await tx.articles.slugExists(slug));
        const html = str(post.html);
        const article = await createArticle(
          { ...deps, store: tx },
          {
            title: (str(post.title).trim() || `Untitled post ${id}`).slice(0, 300),
            bodyMd: html ? htmlToMarkdown(html, { picture: ownPicture }) : str(post.markdown) ? markdownAsGhostRenderedIt(str(post.markdown)) : structuredBody(post),
            excerpt: str(post.custom_excerpt),
            ...(free ? { slug } : {}),
            status,
            publishedAt,
            updatedAt: ghostDate(post.updated_at) ?? publishedAt ?? now,
            authorIds,
            tagIds,
            featuredMediaId: str(post.feature_image) ? (pictureOf(str(post.feature_image))?.id ?? null) : null,
            seoTitle: str(post.meta_title) || null,
            seoDescription: str(post.meta_description) || null,
            actorId: null,
          },
        );
        report.created.articles++;
        report.byStatus[countAs]++;
        return { id: article.id, redirects: oldSlug && oldSlug !== article.slug ? [[`/${encodeURIComponent(oldSlug)}`, articlePath(article.slug)]] : [] };
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      skip('invalid');
      report.problems.push(`Post ${id} ("${str(post.title).slice(0, 60)}"): ${error.message}`);
    }
  }
  options.onProgress?.(data.posts.length, data.posts.length);
  return report;
}
