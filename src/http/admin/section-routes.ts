import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '../../core/errors.js';
import { deleteSection, moveSection, planSectionRemoval } from '../../core/taxonomy/section-admin.js';
import { MessagePage } from '../../render/templates/admin/auth-pages.js';
import { SectionDeletePage } from '../../render/templates/admin/taxonomy-pages.js';
import { STATUS_BY_CODE } from '../errors.js';
import { chrome, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS, OPTIONAL_ID_FIELD } from './form-schema.js';

const MANAGE = { access: { staff: 'taxonomy.manage' } } as const;
const MOVE_FORM = formSchema(['direction'], { direction: { enum: ['up', 'down'] } });
const DELETE_FORM = formSchema(['moveTo'], { moveTo: OPTIONAL_ID_FIELD });

type IdRequest = FastifyRequest<{ Params: { id: number }; Body: FormBody }>;

/** Ordering sections by hand for the navigation, and deleting one (its stories moved first), each confirmed by a form. */
export function registerSectionRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store } = deps;
  const taxonomyDeps = { store, clock: deps.clock, bus: deps.bus };

  /** A section that is gone (deleted in another tab, or by someone else): said inside the newsroom. */
  const gone = (request: FastifyRequest, reply: FastifyReply, message: string) =>
    sendAdminHtml(reply, MessagePage({ chrome: chrome(deps, request), title: 'Section not found', message }), 404);

  async function deletePage(request: IdRequest, reply: FastifyReply, input: { moveTo: number | null; error?: string; status?: number }) {
    const plan = await planSectionRemoval(deps, request.params.id).catch((error: unknown) => {
      if (isDomainError(error, 'CATEGORY_NOT_FOUND')) return error;
      throw error;
    });
    if (plan instanceof DomainError) return gone(request, reply, plan.message);
    const sections = await store.categories.list();
    return sendAdminHtml(
      reply,
      SectionDeletePage({
        chrome: chrome(deps, request, input.error ? { error: input.error } : {}),
        section: plan.section,
        articles: plan.articles,
        children: plan.children,
        ...(plan.parent ? { parent: plan.parent } : {}),
        targets: sections.filter((section) => section.id !== plan.section.id),
        moveTo: input.moveTo,
      }),
      input.status,
    );
  }

  app.post<{ Body: FormBody; Params: { id: number } }>('/admin/sections/:id/move', { config: MANAGE, schema: { params: ID_PARAMS, body: MOVE_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      await moveSection(taxonomyDeps, { id: request.params.id, direction: request.body.direction === 'up' ? 'up' : 'down', actorId: request.staff!.user.id });
    } catch (error) {
      if (isDomainError(error, 'CATEGORY_NOT_FOUND')) return gone(request, reply, error.message);
      throw error;
    }
    // Back to the same row, so that pressing the button again moves it one more place.
    return reply.redirect(`/admin/sections?done=moved#order-${request.params.id}`, 303);
  });

  app.get('/admin/sections/:id/delete', { config: MANAGE, schema: { params: ID_PARAMS } }, async (request: IdRequest, reply) => deletePage(request, reply, { moveTo: null }));

  app.post<{ Body: FormBody; Params: { id: number } }>('/admin/sections/:id/delete', { config: MANAGE, schema: { params: ID_PARAMS, body: DELETE_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const moveTo = request.body.moveTo ? Number(request.body.moveTo) : null;
    try {
      await deleteSection(taxonomyDeps, { id: request.params.id, moveTo, actorId: request.staff!.user.id });
      return reply.redirect('/admin/sections?done=deleted', 303);
    } catch (error) {
      if (isDomainError(error, 'CATEGORY_NOT_FOUND')) return gone(request, reply, error.message);
      if (!isDomainError(error, 'VALIDATION_FAILED')) throw error;
      return deletePage(request, reply, { moveTo, error: error.message, status: STATUS_BY_CODE[error.code] });
    }
  });
}
