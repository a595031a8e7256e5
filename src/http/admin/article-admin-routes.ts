import type { FastifyInstance } from 'fastify';
import { startDraft } from '../../core/articles/workflow.js';
import { isDomainError } from '../../core/errors.js';
import { NewArticlePage } from '../../render/templates/admin/article-pages.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema } from './form-schema.js';

const CREATE = { access: { staff: 'article.create' } } as const;

/** The start of a new article (the list is in desk-routes.ts, the editor in article-editor-routes.ts). */
export function registerArticleAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store, clock, config } = deps;

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
