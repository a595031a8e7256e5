import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.js';
import { createSection, updateSection } from '../../core/taxonomy/manage.js';
import { SectionsPage } from '../../render/templates/admin/taxonomy-pages.js';
import { sectionOrderRows } from '../../render/view-models/section-order-rows.js';
import { STATUS_BY_CODE } from '../errors.js';
import { chrome, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { doneNotice } from './done-notice.js';
import { formSchema, ID_PARAMS, OPTIONAL_ID_FIELD, querySchema } from './form-schema.js';
import { registerSectionRoutes } from './section-routes.js';
import { registerTagRoutes } from './tag-routes.js';

const MANAGE = { access: { staff: 'taxonomy.manage' } } as const;
/** A section's form, new or existing. */
const SECTION_FORM = formSchema(['name', 'slug', 'description', 'parentId'], { parentId: OPTIONAL_ID_FIELD });

/** What the sections page says after a redirect from one of its actions (fixed words: nothing is echoed from the address). */
const SECTION_NOTICES: Readonly<Record<string, string>> = {
  moved: 'The order was saved; the site shows it now.',
  deleted: 'The section was deleted.',
  added: 'The section was added.',
  saved: 'The section was saved.',
};

/** Sections (with parents) and tags, for editors and admins. */
export function registerTaxonomyRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store } = deps;
  const taxonomyDeps = { store, clock: deps.clock, bus: deps.bus };

  const sectionsPage = async (request: FastifyRequest, messages: { notice?: string; error?: string } = {}) => {
    const sections = await store.categories.list();
    return SectionsPage({ chrome: chrome(deps, request, messages), sections, order: sectionOrderRows(sections) });
  };
  const parentOf = (body: FormBody) => (body.parentId ? Number(body.parentId) : null);

  app.get<{ Querystring: { done?: string } }>('/admin/sections', { config: MANAGE, schema: { querystring: querySchema(['done']) } }, async (request, reply) =>
    sendAdminHtml(reply, await sectionsPage(request, doneNotice(SECTION_NOTICES, request.query.done))),
  );

  app.post<{ Body: FormBody }>('/admin/sections', { config: MANAGE, schema: { body: SECTION_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      const { name = '', slug, description } = request.body;
      await createSection(taxonomyDeps, { name, ...(slug ? { slug } : {}), description: description ?? '', parentId: parentOf(request.body), actorId: request.staff!.user.id });
      return reply.redirect('/admin/sections?done=added', 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await sectionsPage(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });

  app.post<{ Body: FormBody; Params: { id: number } }>('/admin/sections/:id', { config: MANAGE, schema: { params: ID_PARAMS, body: SECTION_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      const { name = '', slug, description } = request.body;
      await updateSection(taxonomyDeps, {
        id: request.params.id,
        name,
        ...(slug ? { slug } : {}),
        description: description ?? '',
        parentId: parentOf(request.body),
        actorId: request.staff!.user.id,
      });
      return reply.redirect('/admin/sections?done=saved', 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await sectionsPage(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });

  registerSectionRoutes(app, deps);
  registerTagRoutes(app, deps);
}
