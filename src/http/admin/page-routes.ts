import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '../../core/errors.js';
import { createPage, deletePage, savePage, type PageInput } from '../../core/pages/manage-pages.js';
import type { StaticPage } from '../../core/pages/page.js';
import { PageEditPage, PagesListPage, type PageFormValues } from '../../render/templates/admin/page-admin-pages.js';
import { STATUS_BY_CODE } from '../errors.js';
import { chrome, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS, querySchema, REVISION_FIELD } from './form-schema.js';

const MANAGE = { access: { staff: 'pages.manage' } } as const;
const PAGE_FORM = formSchema(['title', 'slug', 'description', 'bodyMd', 'status', 'position'], {
  status: { enum: ['draft', 'published'] },
  position: { pattern: '^[0-9]{0,4}$' },
});
const SAVED_PAGE_FORM = formSchema(['revision', 'title', 'slug', 'description', 'bodyMd', 'status', 'position'], {
  revision: REVISION_FIELD,
  status: { enum: ['draft', 'published'] },
  position: { pattern: '^[0-9]{0,4}$' },
});

const valuesOf = (page: StaticPage): PageFormValues => ({
  title: page.title,
  slug: page.slug,
  description: page.description,
  bodyMd: page.bodyMd,
  status: page.status,
  position: String(page.position),
});

const formValues = (body: FormBody): PageFormValues => ({
  title: body.title ?? '',
  slug: body.slug ?? '',
  description: body.description ?? '',
  bodyMd: body.bodyMd ?? '',
  status: body.status ?? 'draft',
  position: body.position ?? '0',
});

const pageInput = (values: PageFormValues): PageInput => ({
  title: values.title,
  slug: values.slug,
  description: values.description,
  bodyMd: values.bodyMd,
  status: values.status,
  position: values.position === '' ? 0 : Number(values.position),
});

/** Static pages (editors and admins): list, write, publish, delete. */
export function registerPageRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store } = deps;
  const pageDeps = { store, clock: deps.clock, markdown: deps.markdown, bus: deps.bus };

  const notFound = (id: number) => new DomainError('NOT_FOUND', `There is no page ${id}; it may have been deleted.`);
  /** The form again with what was typed, and the reason it was not saved. */
  const again = async (request: FastifyRequest, reply: FastifyReply, error: unknown, values: PageFormValues, id?: number) => {
    if (!isDomainError(error)) throw error;
    const page = id === undefined ? undefined : await store.pages.findById(id);
    if (id !== undefined && !page) throw notFound(id);
    return sendAdminHtml(reply, PageEditPage({ chrome: chrome(deps, request, { error: error.message }), ...(page ? { page } : {}), values }), STATUS_BY_CODE[error.code]);
  };

  app.get('/admin/pages', { config: MANAGE, schema: { querystring: querySchema(['done']) } }, async (request, reply) => {
    const notice = (request.query as { done?: string }).done === 'deleted' ? 'The page was deleted.' : undefined;
    return sendAdminHtml(reply, PagesListPage({ chrome: chrome(deps, request, notice ? { notice } : {}), pages: await store.pages.list() }));
  });

  app.get('/admin/pages/new', { config: MANAGE }, async (request, reply) =>
    sendAdminHtml(reply, PageEditPage({ chrome: chrome(deps, request), values: { title: '', slug: '', description: '', bodyMd: '', status: 'draft', position: '0' } })),
  );

  app.post<{ Body: FormBody }>('/admin/pages', { config: MANAGE, schema: { body: PAGE_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const values = formValues(request.body);
    try {
      const page = await createPage(pageDeps, { ...pageInput(values), actorId: request.staff!.user.id });
      return reply.redirect(`/admin/pages/${page.id}?done=saved`, 303);
    } catch (error) {
      return again(request, reply, error, values);
    }
  });

  app.get<{ Params: { id: number } }>('/admin/pages/:id', { config: MANAGE, schema: { params: ID_PARAMS, querystring: querySchema(['done']) } }, async (request, reply) => {
    const page = await store.pages.findById(request.params.id);
    if (!page) throw notFound(request.params.id);
    const notice = (request.query as { done?: string }).done === 'saved' ? 'The page was saved.' : undefined;
    return sendAdminHtml(reply, PageEditPage({ chrome: chrome(deps, request, notice ? { notice } : {}), page, values: valuesOf(page) }));
  });

  app.post<{ Body: FormBody; Params: { id: number } }>('/admin/pages/:id', { config: MANAGE, schema: { params: ID_PARAMS, body: SAVED_PAGE_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const values = formValues(request.body);
    try {
      await savePage(pageDeps, { ...pageInput(values), id: request.params.id, revision: Number(request.body.revision), actorId: request.staff!.user.id });
      return reply.redirect(`/admin/pages/${request.params.id}?done=saved`, 303);
    } catch (error) {
      return again(request, reply, error, values, request.params.id);
    }
  });

  app.post<{ Body: FormBody; Params: { id: number } }>(
    '/admin/pages/:id/delete',
    { config: MANAGE, schema: { params: ID_PARAMS, body: formSchema(['confirm'], { confirm: { enum: ['1'] } }) } },
    async (request, reply) => {
      checkStaffCsrf(request, request.body);
      if (request.body.confirm !== '1') throw new DomainError('VALIDATION_FAILED', 'Tick the box to confirm that the page should be deleted.');
      await deletePage(pageDeps, { id: request.params.id, actorId: request.staff!.user.id });
      return reply.redirect('/admin/pages?done=deleted', 303);
    },
  );
}
