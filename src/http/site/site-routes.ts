import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeCursor, type Cursor } from '../../core/articles/cursor.js';
import { isReservedSlug } from '../../core/articles/slug.js';
import { articlePage, homePage, listPage } from '../../core/articles/site-queries.js';
import { archiveView, articleView, homeView, staticPageView } from '../../render/view-models/build-pages.js';
import { StaticPagePage } from '../../render/templates/static-page.js';
import { ARCHIVE_KINDS, findArchiveSubject, listFilter, subjectKeys } from './archive-subjects.js';
import { dependsOn } from '../page-cache-hooks.js';
import { articlePageKeys, cacheKey, homePageKeys, listingKeys } from '../../core/publishing/cache-keys.js';
import { ArchivePage } from '../../render/templates/archive-page.js';
import { ArticlePage } from '../../render/templates/article-page.js';
import { HomePage } from '../../render/templates/home-page.js';
import { ErrorPage } from '../../render/templates/error-page.js';
import { documentHtml } from '../../render/render-page.js';
import { renderContext, type SiteDeps } from './site-context.js';
import { DomainError } from '../../core/errors.js';
import { isNewsroomPath } from '../newsroom-path.js';

const PUBLIC = { access: 'public', cache: {} } as const;
/** The home page; `?p=` and `?page_id=` (old WordPress addresses) are keyed apart so they reach the handler. */
const HOME = { access: 'public', cache: { query: ['p', 'page_id'] } } as const;
const homeQuery = {
  type: 'object',
  properties: { p: { type: 'string', pattern: '^[0-9]{1,19}$' }, page_id: { type: 'string', pattern: '^[0-9]{1,19}$' } },
} as const;
const PUBLIC_PAGED = { access: 'public', cache: { query: ['before'] } } as const;
const slugParams = {
  type: 'object',
  properties: { slug: { type: 'string', minLength: 1, maxLength: 400 } },
  required: ['slug'],
} as const;
const archiveQuery = {
  type: 'object',
  properties: { before: { type: 'string', maxLength: 40 } },
} as const;

/** An address below an archive: its archive's own path, and the rest. */
const ARCHIVE_PATH = new RegExp(`^(/(?:${ARCHIVE_KINDS.join('|')})/[^/]+)(/.+)$`);

type SlugRequest = FastifyRequest<{ Params: { slug: string }; Querystring: { before?: string } }>;

function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', status === 200 ? 'public, max-age=30, stale-while-revalidate=60' : 'no-cache')
    .send(html);
}

/** The reading site: home, articles, archives, and a 404 that first looks for a redirect. */
export function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const { store, clock, config } = deps;

  /**
   * A stored redirect for the path, as sent (percent-encoded) or decoded. Paths below an archive follow the
   * archive's own redirect: /category/old/rss.xml goes where /category/old went, plus /rss.xml.
   */
  async function findRedirect(path: string): Promise<{ toPath: string; status: number } | undefined> {
    // WordPress addresses end in a slash (/2020/05/story/); the imported redirect is stored without it.
    const bare = path.length > 1 ? path.replace(/\/+$/, '') : path;
    const candidates = new Set([path, decodeSafely(path), bare, decodeSafely(bare)]);
    // An address of its own first (/author/old/rss, imported), then the archive it lies below.
    for (const candidate of candidates) {
      const exact = await store.redirects.find(candidate);
      if (exact) return exact;
    }
    for (const candidate of candidates) {
      const below = ARCHIVE_PATH.exec(candidate);
      const archive = below && (await store.redirects.find(below[1]!));
      if (archive) return { toPath: `${archive.toPath}${below[2]}`, status: archive.status };
    }
    return undefined;
  }

  async function notFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const queryAt = request.url.indexOf('?');
    const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
    // The newsroom answers its own missing pages (the error handler renders them in its layout).
    if (isNewsroomPath(path)) {
      throw new DomainError('NOT_FOUND', 'There is no newsroom page at this address.');
    }
    const redirect = await findRedirect(path).catch(() => undefined);
    // The query goes along (?before= on an archive's older pages).
    if (redirect) return reply.code(redirect.status).header('location', `${redirect.toPath}${queryAt < 0 ? '' : request.url.slice(queryAt)}`).send();
    return sendErrorPage(deps, request, reply, {
      status: 404,
      message: 'We could not find that page. It may have moved, or the address may be mistyped.',
    });
  }

  app.setNotFoundHandler(notFound);

  app.get('/', { config: HOME, schema: { querystring: homeQuery } }, async (request: FastifyRequest<{ Querystring: { p?: string; page_id?: string } }>, reply) => {
    // A WordPress address (/?p=123) of an imported post: the import stored where it went.
    const old = request.query.p ?? request.query.page_id;
    if (old !== undefined) {
      const redirect = await store.redirects.find(`/?${request.query.p !== undefined ? 'p' : 'page_id'}=${old}`);
      if (redirect) return reply.code(redirect.status).header('location', redirect.toPath).send();
      return notFound(request, reply);
    }
    const now = clock.now();
    const [data, ctx] = await Promise.all([
      homePage(store, { now, latestCount: 11, perSection: 4 }),
      renderContext(deps, now),
    ]);
    dependsOn(request, homePageKeys(data));
    return sendHtml(reply, documentHtml(HomePage(homeView(data, ctx))));
  });

  app.get('/:slug', { config: PUBLIC, schema: { params: slugParams } }, async (request: SlugRequest, reply) => {
    // A reserved address (/wp-admin, /feed) is never an article, even one stored before its word was reserved.
    if (isReservedSlug(request.params.slug)) return notFound(request, reply);
    const now = clock.now();
    const data = await articlePage(store, { slug: request.params.slug, now, recentCount: config.recentPosts });
    if (!data) {
      // Static pages share the articles' addresses (one slug space: storage/sql/root-slugs.ts).
      const page = await store.pages.findPublicBySlug(request.params.slug);
      if (!page) return notFound(request, reply);
      dependsOn(request, [cacheKey.page(page.id), cacheKey.nav]);
      return sendHtml(reply, documentHtml(StaticPagePage(staticPageView(page, await renderContext(deps, now)))));
    }
    dependsOn(request, articlePageKeys(data));
    const ctx = await renderContext(deps, now);
    return sendHtml(reply, documentHtml(ArticlePage(articleView(data, ctx))));
  });

  for (const kind of ARCHIVE_KINDS) {
    app.get(
      `/${kind}/:slug`,
      { config: PUBLIC_PAGED, schema: { params: slugParams, querystring: archiveQuery } },
      async (request: SlugRequest, reply) => {
        const now = clock.now();
        const subject = await findArchiveSubject(store, kind, request.params.slug, now);
        if (!subject) return notFound(request, reply);
        const before: Cursor | undefined = request.query.before ? decodeCursor(request.query.before) : undefined;
        const [list, ctx] = await Promise.all([
          listFilter(store, subject).then((filter) =>
            listPage(store, { now, limit: config.pageSize, ...filter, ...(before ? { before } : {}) }),
          ),
          renderContext(deps, now),
        ]);
        dependsOn(request, listingKeys({ subjectKeys: subjectKeys(subject), list, extra: [cacheKey.nav] }));
        const portrait =
          subject.kind === 'author' && subject.author.avatarMediaId !== null ? await store.media.findById(subject.author.avatarMediaId) : undefined;
        const view = archiveView(
          { subject, list, ...(request.query.before ? { before: request.query.before } : {}), ...(portrait ? { portrait } : {}) },
          ctx,
        );
        return sendHtml(reply, documentHtml(ArchivePage(view)));
      },
    );
  }
}

/** An HTML error page in the site's layout, never cached, never indexed. */
export async function sendErrorPage(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { status: number; message: string },
): Promise<FastifyReply> {
  const path = request.url.split('?')[0] ?? '/';
  const ctx = await renderContext(deps, deps.clock.now());
  const heading = input.status === 404 ? 'Page not found' : input.status >= 500 ? 'Something went wrong' : 'That request did not work';
  const html = documentHtml(
    ErrorPage({
      site: ctx.site,
      head: {
        title: `${heading} | ${deps.config.siteName}`,
        description: heading,
        canonical: `${deps.config.siteUrl}${path}`,
        ogType: 'website',
        robots: 'noindex',
        jsonLd: [],
        alternates: [],
      },
      body: { heading, message: input.message },
    }),
  );
  return sendHtml(reply, html, input.status);
}

function decodeSafely(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
