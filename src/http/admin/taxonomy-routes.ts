import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.js';
import { createSection, renameTag, updateSection } from '../../core/taxonomy/manage.js';
import { SectionsPage, TagsPage } from '../../render/templates/admin/taxonomy-pages.js';
import { STATUS_BY_CODE } from '../errors.js';
import { chrome, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS, OPTIONAL_ID_FIELD } from './form-schema.js';

const MANAGE = { access: { staff: 'taxonomy.manage' } } as const;
/** A section's form, new or existing. */
const SECTION_FORM = formSchema(['name', 'slug', 'description', 'parentId'], { parentId: OPTIONAL_ID_FIELD });

/** Sections (with parents) and tags, for editors and admins. */
export function registerTaxonomyRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store } = deps;
  const taxonomyDeps = { store, clock: deps.clock, bus: deps.bus };

  const sectionsPage = async (request: FastifyRequest, messages: { notice?: string; error?: string } = {}) =>
    SectionsPage({ chrome: chrome(deps, request, messages), sections: await store.categories.list() });
  const parentOf = (body: FormBody) => (body.parentId ? Number(body.parentId) : null);

  app.get('/admin/sections', { config: MANAGE }, async (request, reply) => sendAdminHtml(reply, await sectionsPage(request)));

  app.post<{ Body: FormBody }>('/admin/sections', { config: MANAGE, schema: { body: SECTION_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      const { name = '', slug, description } = request.body;
      const created = await createSection(taxonomyDeps, { name, ...(slug ? { slug } : {}), description: description ?? '', parentId: parentOf(request.body), actorId: request.staff!.user.id });
      return sendAdminHtml(reply, await sectionsPage(request, { notice: `The section ${created.name} was added.` }));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await sectionsPage(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });

  app.post<{ Body: FormBody; Params: { id: number } }>('/admin/sections/:id', { config: MANAGE, schema: { params: ID_PARAMS, body: SECTION_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      const { name = '', slug, description } = request.body;
      const updated = await updateSection(taxonomyDeps, {
        id: request.params.id,
        name,
        ...(slug ? { slug } : {}),
        description: description ?? '',
        parentId: parentOf(request.body),
        actorId: request.staff!.user.id,
      });
      return sendAdminHtml(reply, await sectionsPage(request, { notice: `The section ${updated.name} was saved.` }));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await sectionsPage(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });

  const tagsPage = async (request: FastifyRequest, messages: { notice?: string; error?: string } = {}) =>
    TagsPage({ chrome: chrome(deps, request, messages), tags: await store.tags.list(1000) });

  app.get('/admin/tags', { config: MANAGE }, async (request, reply) => sendAdminHtml(reply, await tagsPage(request)));

  app.post<{ Body: FormBody; Params: { id: number } }>('/admin/tags/:id', { config: MANAGE, schema: { params: ID_PARAMS, body: formSchema(['name']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      await renameTag(taxonomyDeps, { id: request.params.id, name: request.body.name ?? '', actorId: request.staff!.user.id });
      return sendAdminHtml(reply, await tagsPage(request, { notice: 'The tag was renamed.' }));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await tagsPage(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });
}
