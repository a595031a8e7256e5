import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Article } from '../../core/articles/article.js';
import { addArticleNote } from '../../core/articles/article-notes.js';
import { isDomainError } from '../../core/errors.js';
import type { RevisionInfo, Store } from '../../core/ports.js';
import { notesPanelView, type NotesPanelView } from '../../render/view-models/article-notes.js';
import type { FormatInstant } from '../../render/view-models/desk-articles.js';
import { MessagePage } from '../../render/templates/admin/auth-pages.js';
import { STATUS_BY_CODE } from '../errors.js';
import { chrome, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS } from './form-schema.js';

const ENTER = { access: { staff: 'admin.enter' } } as const;

/** The editor's notes panel for someone who has opened the article (and so may read its notes). */
export async function notesPanelFor(
  store: Store,
  input: { request: FastifyRequest; article: Article; revisions: readonly RevisionInfo[]; format: FormatInstant },
): Promise<NotesPanelView> {
  const { article } = input;
  const submitted = input.revisions.find((revision) => revision.kind === 'submitted');
  return notesPanelView({
    articleId: article.id,
    csrfToken: input.request.staff?.csrfToken ?? '',
    notes: await store.notes.list(article.id),
    status: article.status,
    lastSubmittedAt: submitted?.at,
    format: input.format,
  });
}

/** Adding a note to an article from the editor's notes panel. */
export function registerArticleNotesRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.post<{ Params: { id: number }; Body: FormBody }>(
    '/admin/articles/:id/notes',
    { config: ENTER, schema: { params: ID_PARAMS, body: formSchema(['body']) } },
    async (request, reply) => {
      checkStaffCsrf(request, request.body);
      try {
        await addArticleNote({ store: deps.store, clock: deps.clock }, request.staff!.user, { articleId: request.params.id, body: request.body.body ?? '' });
      } catch (error) {
        if (!isDomainError(error, 'VALIDATION_FAILED')) throw error;
        const page = MessagePage({
          chrome: chrome(deps, request, { error: error.message }),
          title: 'The note was not added',
          message: 'Go back to the article, write the note, and add it again.',
          link: { href: `/admin/articles/${request.params.id}#notes`, label: 'Back to the article' },
        });
        return sendAdminHtml(reply, page, STATUS_BY_CODE[error.code]);
      }
      return reply.redirect(`/admin/articles/${request.params.id}#notes`, 303);
    },
  );
}
