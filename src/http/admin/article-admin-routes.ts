import type { FastifyInstance } from 'fastify';
import { can } from '../../core/access/capabilities.js';
import { isDeskStatus, type DeskStatus } from '../../core/articles/desk-status.js';
import { startDraft } from '../../core/articles/workflow.js';
import { isDomainError } from '../../core/errors.js';
import { ArticleListPage, NewArticlePage } from '../../render/templates/admin/article-pages.js';
import { deskArticleRows } from '../../render/view-models/desk-articles.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema } from './form-schema.js';

const ENTER = { access: { staff: 'admin.enter' } } as const;
const CREATE = { access: { staff: 'article.create' } } as const;

/** The newsroom's article list and the start of a new article (the editor is in article-editor-routes.ts). */
export function registerArticleAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store, clock, config } = deps;
  const formatter = new Intl.DateTimeFormat(config.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: config.timeZone });
  const format = (date: Date) => formatter.format(date);

  app.get<{ Querystring: { status?: string; author?: string; category?: string; q?: string } }>('/admin', { config: ENTER }, async (request, reply) => {
    const user = request.staff!.user;
    const ownOnly = !can(user.role, 'article.edit.any');
    const status = isDeskStatus(request.query.status ?? '') ? (request.query.status as DeskStatus) : undefined;
    const author = ownOnly ? user.id : Number(request.query.author) || undefined;
    const category = Number(request.query.category) || undefined;
    const q = (request.query.q ?? '').slice(0, 200);
    const [rows, categories, people] = await Promise.all([
      store.articles.adminList({ limit: 100, now: clock.now(), ...(status ? { status } : {}), ...(author ? { authorId: author } : {}), ...(category ? { categoryId: category } : {}), ...(q ? { titleContains: q } : {}) }),
      store.categories.list(),
      ownOnly ? Promise.resolve([]) : store.users.list(),
    ]);
    return sendAdminHtml(
      reply,
      ArticleListPage({
        chrome: chrome(deps, request),
        rows: deskArticleRows(rows, {
          now: clock.now(),
          format,
          sectionNames: new Map(categories.map((c) => [c.id, c.name])),
          pending: await store.pending.withPending(rows.map((row) => row.id)),
        }),
        filters: { status: status ?? '', author: ownOnly ? '' : String(author ?? ''), category: String(category ?? ''), q },
        authors: people.map((person) => ({ value: String(person.id), label: person.displayName })),
        categories: categories.map((c) => ({ value: String(c.id), label: c.name })),
        ownOnly,
      }),
    );
  });

  app.get('/admin/articles/new', { config: CREATE }, async (request, reply) => sendAdminHtml(reply, NewArticlePage({ chrome: chrome(deps, request), title: '' })));

  app.post<{ Body: FormBody }>('/admin/articles', { config: CREATE, schema: { body: formSchema(['title']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      const staffDeps = { store, clock, markdown: deps.markdown, excerptWords: config.excerptWords, bus: deps.bus, ip: clientIp(request) };
      const article = await startDraft(staffDeps, request.staff!.user, { title: request.body.title ?? '' });
      return reply.redirect(`/admin/articles/${article.id}`, 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, NewArticlePage({ chrome: chrome(deps, request, { error: error.message }), title: request.body.title ?? '' }), 400);
    }
  });
}
