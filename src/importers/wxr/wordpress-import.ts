import { createArticle, type ArticleDeps } from '../../core/articles/create-article.js';
import { assertValidSlug, slugify } from '../../core/articles/slug.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import { bylineProfile, freeSlug, importedTag } from '../imported-people-and-tags.js';
import { importedPage } from '../imported-pages.js';
import type { ArticleStatus } from '../../core/articles/article.js';
import { articlePath, authorPath, categoryPath, tagPath } from '../../core/permalinks/permalinks.js';
import { createSection } from '../../core/taxonomy/manage.js';
import { htmlToMarkdown } from '../html-to-markdown.js';
import { ImportError } from '../../core/imports/import-error.js';
import { reportedImport } from '../import-once.js';
import type { ImportReport } from '../../core/imports/import-report.js';

export type { ImportReport } from '../../core/imports/import-report.js';
import { wordpressContentHtml, type WpAttachment } from './wp-content.js';
import { bodyMarkdown } from '../../core/images/media-library.js';
import { displayName } from '../../core/images/image.js';
import { pictureKey, uploadsPath, type PictureSource } from '../picture-source.js';
import { importedPicture } from '../imported-pictures.js';

const uploadsPathOf = (url: string) => uploadsPath(url) ?? '';
import { readWxr, type Fields, type WxrRecord, type WxrTermRef } from './wxr-reader.js';

/**
 * `newsdesk import wordpress FILE`: a WordPress export (WXR) into this site. Two passes over the file:
 *
 * 1. Read all of it, writing nothing: a file that is not well-formed, not UTF-8, cut short, carries a DTD or
 *    is not an export ends here with an ImportError, so a bad file leaves no row behind. This pass also counts
 *    the items (for the progress bar) and notes the attachments, which galleries refer to by id.
 * 2. Write each author, category, tag and post in its own transaction, with the import map row that records
 *    it (`store.imports`). A run that finds a thing already mapped skips it, so running an import again adds
 *    nothing, and an import killed at any point finishes on the next run with the same end state.
 *
 * Every article is created through `createArticle`, the newsroom's own path, so slugs, reserved addresses,
 * titles and bylines follow the same rules as articles written here. Old addresses get 301 redirects.
 */

export interface WordpressImportOptions {
  dryRun?: boolean;
  /** Bring the old site's pictures into the library: where their files are, and our media folder. */
  pictures?: { source: PictureSource; mediaDir: string };
  onProgress?: (done: number, total: number) => void;
}

const STATUS: Readonly<Record<string, ArticleStatus>> = { publish: 'published', future: 'published', draft: 'draft', pending: 'in_review' };
/** Post types that are the site's machinery, not content. */
const NOT_CONTENT = new Set(['nav_menu_item', 'wp_global_styles', 'wp_navigation', 'wp_template', 'wp_template_part', 'wp_block', 'custom_css', 'customize_changeset', 'oembed_cache', 'user_request', 'wp_font_family', 'wp_font_face']);
const MAX_SECTION_NAME = 80;

interface Scan {
  site: Extract<WxrRecord, { kind: 'site' }>;
  items: number;
  attachments: Map<string, WpAttachment>;
  authors: Fields[];
  categories: Fields[];
  tags: Fields[];
}

async function scan(file: string): Promise<Scan> {
  let site: Scan['site'] | undefined;
  const result = { items: 0, attachments: new Map<string, WpAttachment>(), authors: [] as Fields[], categories: [] as Fields[], tags: [] as Fields[] };
  for await (const record of readWxr(file)) {
    if (record.kind === 'site') site = record;
    else if (record.kind === 'author') result.authors.push(record.fields);
    else if (record.kind === 'category') result.categories.push(record.fields);
    else if (record.kind === 'tag') result.tags.push(record.fields);
    else if (record.kind === 'item') {
      result.items++;
      const fields = record.fields;
      if (fields.get('wp:post_type') === 'attachment') {
        const url = (fields.get('wp:attachment_url') ?? fields.get('guid') ?? '').trim();
        if (url) {
          result.attachments.set((fields.get('wp:post_id') ?? '').trim(), {
            url,
            parentId: (fields.get('wp:post_parent') ?? '').trim(),
            title: (fields.get('title') ?? '').trim(),
            alt: record.meta.get('_wp_attachment_image_alt') ?? '',
            caption: (fields.get('excerpt:encoded') ?? '').trim(),
          });
        }
      }
    }
  }
  if (!site) throw new ImportError('The file has no <wp:wxr_version>: it is not a WordPress export (WXR).', 'NOT_WXR');
  return { site, ...result };
}

const field = (fields: Fields, name: string) => (fields.get(name) ?? '').trim();

/** A slug from an export: percent-decoded, NFC; undefined when it is not one we accept. */
function exportedSlug(raw: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.trim()).normalize('NFC').toLowerCase();
  } catch {
    return undefined;
  }
  try {
    assertValidSlug(decoded);
    return decoded;
  } catch {
    return undefined;
  }
}

/** "2011-01-18 07:40:14" in UTC; undefined for WordPress's "0000-00-00 00:00:00" (never set). */
function wordpressUtc(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match || match[1] === '0000') return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function postDate(fields: Fields): Date | undefined {
  const gmt = wordpressUtc(field(fields, 'wp:post_date_gmt'));
  if (gmt) return gmt;
  const rss = Date.parse(field(fields, 'pubDate'));
  if (!Number.isNaN(rss) && !field(fields, 'pubDate').startsWith('Mon, 30 Nov -0001')) return new Date(rss);
  // The local time with no zone: read as UTC, the closest guess an export allows.
  return wordpressUtc(field(fields, 'wp:post_date'));
}

/** The path (and query) of an old address, when it is a usable http(s) URL. */
function oldPath(link: string): string | undefined {
  try {
    const url = new URL(link.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const path = url.pathname.replace(/\/+$/, '') || '/';
    return `${path}${url.search}`;
  } catch {
    return undefined;
  }
}

const plainText = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();

function shortName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean.length <= MAX_SECTION_NAME) return clean;
  const cut = clean.slice(0, MAX_SECTION_NAME - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_SECTION_NAME / 2))}…`;
}

export async function importWordpress(deps: ArticleDeps, file: string, options: WordpressImportOptions = {}): Promise<ImportReport> {
  const scanned = await scan(file);
  const source = `wordpress:${scanned.site.baseBlogUrl || scanned.site.link}`;
  const { store } = deps;
  const now = deps.clock.now();
  const { report, skip, once } = reportedImport(store, { source, dryRun: options.dryRun ?? false, items: scanned.items });

  // Authors: byline profiles with no password (nobody signs in as one until invited); an e-mail address the
  // site already has is that person.
  const authorIds = new Map<string, number>();
  const ensureAuthor = async (login: string, displayName: string, email: string): Promise<number | undefined> => {
    const id = await once('author', login, async (tx) => {
      const profile = await bylineProfile(tx, { handle: login, name: displayName, email });
      if (!profile.created) return { id: profile.id };
      report.created.authors++;
      const wpSlug = exportedSlug(login) ?? slugify(login);
      return { id: profile.id, redirects: wpSlug ? [[authorPath(wpSlug), authorPath(profile.slug)], [`${authorPath(wpSlug)}/feed`, `${authorPath(profile.slug)}/rss.xml`]] : [] };
    });
    if (id !== undefined) authorIds.set(login, id);
    return id;
  };
  /** A thing our rules refuse (a reserved address, say) is reported and the import goes on. */
  const attempt = async (label: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (!isDomainError(error)) throw error;
      skip('invalid');
      report.problems.push(`${label}: ${error.message}`);
    }
  };
  for (const author of scanned.authors) {
    const login = field(author, 'wp:author_login');
    if (!login) continue;
    await attempt(`Author "${login}"`, () => ensureAuthor(login, field(author, 'wp:author_display_name'), field(author, 'wp:author_email')));
  }

  // Sections, parents first: a category whose parent comes later in the file waits for it.
  const sectionIds = new Map<string, number>();
  const sectionPaths = new Map<string, string>();
  let pending = scanned.categories.filter((category) => field(category, 'wp:category_nicename') !== '');
  while (pending.length > 0) {
    const next = pending.filter((category) => {
      const parent = field(category, 'wp:category_parent');
      return parent === '' || sectionIds.has(parent) || !pending.some((other) => field(other, 'wp:category_nicename') === parent);
    });
    if (next.length === 0) break;
    for (const category of next) {
      const nicename = field(category, 'wp:category_nicename');
      const parent = field(category, 'wp:category_parent');
      const wpPath = `${parent && sectionPaths.has(parent) ? `${sectionPaths.get(parent)}/` : ''}${exportedSlug(nicename) ?? nicename}`;
      sectionPaths.set(nicename, wpPath);
      await attempt(`Category "${nicename}"`, async () => {
      const id = await once('category', nicename, async (tx) => {
        const slug = await freeSlug(exportedSlug(nicename) ?? slugify(field(category, 'wp:cat_name')));
        const existing = slug ? await tx.categories.findBySlug(slug) : undefined;
        const section =
          existing ??
          (await createSection(
            { ...deps, store: tx },
            { name: shortName(field(category, 'wp:cat_name') || nicename), slug: slug || undefined, description: plainText(field(category, 'wp:category_description')).slice(0, 500), parentId: (parent && sectionIds.get(parent)) || null, actorId: null },
          ));
        if (!existing) report.created.sections++;
        return { id: section.id, redirects: [[`/category/${wpPath}`, categoryPath(section.slug)], [`/category/${wpPath}/feed`, `${categoryPath(section.slug)}/rss.xml`]] };
      });
      if (id !== undefined) sectionIds.set(nicename, id);
      });
    }
    pending = pending.filter((category) => !next.includes(category));
  }

  // Tags: ours are named by their text; the export's slug keeps working through a redirect.
  const tagIds = new Map<string, number>();
  const ensureTag = async (wpSlug: string, name: string) => {
    // A name with nothing to make an address of (emoji only) is no tag: the post imports without it.
    if (slugify(name) === '') return;
    const id = await once('tag', wpSlug, async (tx) => {
      const tag = await importedTag(tx, name);
      if (!tag) throw new DomainError('VALIDATION_FAILED', `The tag "${name}" has no letters or digits to name it by.`);
      if (tag.created) report.created.tags++;
      const old = exportedSlug(wpSlug) ?? wpSlug;
      return { id: tag.id, redirects: [[tagPath(old), tagPath(tag.slug)], [`${tagPath(old)}/feed`, `${tagPath(tag.slug)}/rss.xml`]] };
    });
    if (id !== undefined) tagIds.set(wpSlug, id);
  };
  for (const tag of scanned.tags) await attempt(`Tag "${field(tag, 'wp:tag_slug')}"`, () => ensureTag(field(tag, 'wp:tag_slug'), field(tag, 'wp:tag_name')));

  // Pictures, before the posts that show them: each read, checked and resized like an upload, then recorded
  // in one transaction with its map row. Files of a picture whose row was not written are removed again.
  const pictureIds = new Map<string, { id: number; alt: string }>();
  const byKey = new Map<string, string>();
  for (const [attachmentId, attachment] of scanned.attachments) {
    // Its own address first; a size WordPress made of it (photo-300x200.jpg) only where no upload has that name.
    const exact = uploadsPath(attachment.url)?.toLowerCase();
    if (exact !== undefined) byKey.set(`=${exact}`, attachmentId);
    const key = pictureKey(attachment.url);
    if (key !== undefined && !byKey.has(key)) byKey.set(key, attachmentId);
    // Audio, video and documents stay links to where they are.
    if (!options.pictures || !/\.(jpe?g|png|gif|webp|avif|heic)$/i.test(uploadsPathOf(attachment.url))) continue;
    const alt = (attachment.alt || attachment.title || displayName(attachment.url)).replace(/\s+/g, ' ').trim().slice(0, 500);
    const id = await importedPicture(
      { store, clock: deps.clock, source, report, once, pictures: options.pictures },
      { sourceId: attachmentId, url: attachment.url, alt, caption: attachment.caption, label: `Picture ${attachmentId}` },
    );
    if (id !== undefined) pictureIds.set(attachmentId, { id, alt });
  }
  /** Markdown for a picture of the old site that is now in our library. */
  const ownPicture = (url: string): string | undefined => {
    const exact = uploadsPath(url)?.toLowerCase();
    const key = pictureKey(url);
    const attachmentId = (exact === undefined ? undefined : byKey.get(`=${exact}`)) ?? (key === undefined ? undefined : byKey.get(key));
    const picture = attachmentId === undefined ? undefined : pictureIds.get(attachmentId);
    return picture && bodyMarkdown(picture);
  };

  let done = 0;
  for await (const record of readWxr(file)) {
    if (record.kind !== 'item') continue;
    try {
      await importItem(record);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      skip('invalid');
      report.problems.push(`Post ${field(record.fields, 'wp:post_id')} ("${field(record.fields, 'title').slice(0, 60)}"): ${error.message}`);
    }
    options.onProgress?.(++done, scanned.items);
  }
  return report;

  async function importItem(item: Extract<WxrRecord, { kind: 'item' }>): Promise<void> {
    const fields = item.fields;
    const type = field(fields, 'wp:post_type');
    if (type === 'attachment') return void skip('attachment');
    if (type === 'page') return importPage(item);
    if (type !== 'post') return void skip(NOT_CONTENT.has(type) ? 'not content' : 'other type');
    const wpStatus = field(fields, 'wp:status');
    if (wpStatus === 'private') return void skip('private');
    if (wpStatus === 'trash') return void skip('trash');
    const status = STATUS[wpStatus];
    if (!status) return void skip('unsupported status');
    const postId = field(fields, 'wp:post_id');
    if (!postId) return void skip('invalid');
    const publishedAt = status === 'published' ? postDate(fields) ?? now : null;
    const countAs = status === 'published' ? (publishedAt! > now ? 'scheduled' : 'published') : status === 'in_review' ? 'in_review' : 'draft';

    // Bylines: Co-Authors Plus terms when present, else the post's creator.
    const coAuthors = item.terms.filter((term) => term.domain === 'author');
    const logins = coAuthors.length > 0 ? coAuthors.map((term) => term.nicename.replace(/^cap-/, '')) : [field(fields, 'dc:creator')];
    const byline: number[] = [];
    for (const [index, login] of logins.entries()) {
      if (!login) continue;
      const id = authorIds.get(login) ?? (await ensureAuthor(login, coAuthors[index]?.name ?? login, ''));
      if (id !== undefined && !byline.includes(id)) byline.push(id);
    }
    const categories = item.terms.filter((term) => term.domain === 'category');
    for (const term of categories) if (!sectionIds.has(term.nicename)) await ensureSection(term);
    const tagTerms = item.terms.filter((term) => term.domain === 'post_tag');
    // One section is the article's; WordPress's further categories stay with it as tags.
    const extra = categories.slice(1).map((term) => ({ nicename: `category:${term.nicename}`, name: term.name }));
    const articleTags: number[] = [];
    for (const term of [...tagTerms, ...extra]) {
      if (!tagIds.has(term.nicename)) await ensureTag(term.nicename, term.name);
      const id = tagIds.get(term.nicename);
      if (id !== undefined) articleTags.push(id);
    }

    const title = field(fields, 'title') || plainText(field(fields, 'content:encoded')).split(' ').slice(0, 8).join(' ') || `Untitled post ${postId}`;
    const slug = exportedSlug(field(fields, 'wp:post_name'));

    const sticky = field(fields, 'wp:is_sticky') === '1';
    if (report.dryRun) {
      if ((await store.imports.find(source, 'post', postId)) !== undefined) report.alreadyImported++;
      else {
        report.byStatus[countAs]++;
        if (sticky) report.sticky++;
      }
      return;
    }
    await once('post', postId, async (tx) => {
      const free = slug !== undefined && !(await tx.articles.slugExists(slug));
      const article = await createArticle(
        { ...deps, store: tx },
        {
          title: title.slice(0, 300),
          bodyMd: htmlToMarkdown(wordpressContentHtml(field(fields, 'content:encoded'), postId, scanned.attachments), { picture: ownPicture }),
          featuredMediaId: pictureIds.get((item.meta.get('_thumbnail_id') ?? '').trim())?.id ?? null,
          excerpt: plainText(field(fields, 'excerpt:encoded')),
          ...(free ? { slug } : {}),
          status,
          publishedAt,
          updatedAt: wordpressUtc(field(fields, 'wp:post_modified_gmt')) ?? publishedAt ?? now,
          primaryCategoryId: categories[0] ? (sectionIds.get(categories[0].nicename) ?? null) : null,
          authorIds: byline,
          tagIds: articleTags,
          actorId: null,
        },
      );
      report.created.articles++;
      report.byStatus[countAs]++;
      if (sticky) report.sticky++;
      const redirects: Array<[string, string]> = [[`/?p=${postId}`, articlePath(article.slug)]];
      const old = oldPath(field(fields, 'link'));
      if (old && old !== '/') redirects.push([old, articlePath(article.slug)]);
      return { id: article.id, redirects };
    });
  }

  /** A static page: published or draft (pending and scheduled pages wait as drafts); private and trashed ones are skipped. */
  async function importPage(item: Extract<WxrRecord, { kind: 'item' }>): Promise<void> {
    const fields = item.fields;
    const wpStatus = field(fields, 'wp:status');
    if (wpStatus === 'private') return void skip('private');
    if (wpStatus === 'trash') return void skip('trash');
    if (!['publish', 'draft', 'pending', 'future'].includes(wpStatus)) return void skip('page');
    const postId = field(fields, 'wp:post_id');
    if (!postId) return void skip('invalid');
    if (report.dryRun) {
      if ((await store.imports.find(source, 'page', postId)) !== undefined) report.alreadyImported++;
      else report.created.pages++;
      return;
    }
    await once('page', postId, async (tx) => {
      const old = oldPath(field(fields, 'link'));
      const page = await importedPage(deps, tx, {
        title: field(fields, 'title') || `Untitled page ${postId}`,
        slug: exportedSlug(field(fields, 'wp:post_name')),
        bodyMd: htmlToMarkdown(wordpressContentHtml(field(fields, 'content:encoded'), postId, scanned.attachments), { picture: ownPicture }),
        published: wpStatus === 'publish',
        oldPaths: [`/?page_id=${postId}`, ...(old ? [old] : [])],
      });
      report.created.pages++;
      return page;
    });
  }

  async function ensureSection(term: WxrTermRef): Promise<void> {
    const id = await once('category', term.nicename, async (tx) => {
      const slug = await freeSlug(exportedSlug(term.nicename) ?? slugify(term.name));
      const existing = slug ? await tx.categories.findBySlug(slug) : undefined;
      const section = existing ?? (await createSection({ ...deps, store: tx }, { name: shortName(term.name || term.nicename), slug: slug || undefined, parentId: null, actorId: null }));
      if (!existing) report.created.sections++;
      return { id: section.id, redirects: [[`/category/${exportedSlug(term.nicename) ?? term.nicename}`, categoryPath(section.slug)]] };
    });
    if (id !== undefined) sectionIds.set(term.nicename, id);
  }
}
