import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { feedItems } from '../../core/articles/site-queries.js';
import type { ArticleListQuery } from '../../core/ports.js';
import { feedModel, type FeedModel } from '../../feeds/feed-model.js';
import { renderAtom } from '../../feeds/atom.js';
import { renderJsonFeed } from '../../feeds/json-feed.js';
import { renderRss } from '../../feeds/rss.js';
import { sendWithValidators } from '../conditional.js';
import { ARCHIVE_KINDS, findArchiveSubject, listFilter, subjectKeys, subjectName } from './archive-subjects.js';
import { dependsOn } from '../page-cache-hooks.js';
import { cacheKey, listingKeys } from '../../core/publishing/cache-keys.js';
import type { SiteDeps } from './site-context.js';

/** Items in every feed. */
export const FEED_ITEMS = 20;

const FORMATS = {
  'rss.xml': { contentType: 'application/rss+xml; charset=utf-8', render: renderRss },
  'atom.xml': { contentType: 'application/atom+xml; charset=utf-8', render: renderAtom },
  'feed.json': { contentType: 'application/feed+json; charset=utf-8', render: renderJsonFeed },
} as const satisfies Record<string, { contentType: string; render: (feed: FeedModel) => string }>;

type FeedFile = keyof typeof FORMATS;
const PUBLIC = { access: 'public', cache: {} } as const;

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site and under every section, tag and author path. */
export function registerFeedRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const { store, clock, config } = deps;

  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    input: {
      file: FeedFile;
      title: string;
      description: string;
      basePath: string;
      filter: Partial<ArticleListQuery>;
      subjectKeys: string[];
    },
  ): Promise<FastifyReply> {
    const now = clock.now();
    const data = await feedItems(store, { now, limit: FEED_ITEMS, ...input.filter });
    dependsOn(request, listingKeys({ subjectKeys: input.subjectKeys, list: data }));
    const feed = feedModel({
      data,
      siteUrl: config.siteUrl,
      title: input.title,
      description: input.description,
      basePath: input.basePath,
      locale: config.locale,
      fallbackUpdated: new Date(0),
    });
    const format = FORMATS[input.file];
    return sendWithValidators(request, reply, {
      body: format.render(feed),
      contentType: format.contentType,
      lastModified: feed.updated,
      cacheControl: 'public, max-age=60, stale-while-revalidate=300',
    });
  }

  for (const file of Object.keys(FORMATS) as FeedFile[]) {
    app.get(`/${file}`, { config: PUBLIC }, (request, reply) =>
      send(request, reply, {
        file,
        title: config.siteName,
        description: config.siteDescription,
        basePath: '',
        filter: {},
        subjectKeys: [cacheKey.listAll],
      }),
    );
    for (const kind of ARCHIVE_KINDS) {
      app.get<{ Params: { slug: string } }>(`/${kind}/:slug/${file}`, { config: PUBLIC }, async (request, reply) => {
        const subject = await findArchiveSubject(store, kind, request.params.slug, clock.now());
        if (!subject) return reply.callNotFound();
        const name = subjectName(subject);
        return send(request, reply, {
          file,
          title: `${config.siteName}: ${name}`,
          description: `The latest ${name} articles from ${config.siteName}.`,
          basePath: `/${kind}/${encodeURIComponent(request.params.slug)}`,
          filter: await listFilter(store, subject),
          subjectKeys: subjectKeys(subject),
        });
      });
    }
  }
}
