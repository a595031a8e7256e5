import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.js';
import { renameTag } from '../../core/taxonomy/manage.js';
import { createTag, deleteTag, mergeTags } from '../../core/taxonomy/tag-admin.js';
import { MessagePage } from '../../render/templates/admin/auth-pages.js';
import { TagDeletePage, TagMergePage, TagsPage, type TagRow } from '../../render/templates/admin/tag-pages.js';
import { STATUS_BY_CODE } from '../errors.js';
import { chrome, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { doneNotice } from './done-notice.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS, OPTIONAL_ID_FIELD, querySchema } from './form-schema.js';

const MANAGE = { access: { staff: 'taxonomy.manage' } } as const;
/** The most tags one page lists; a filter narrows a longer list. */
const PAGE_LIMIT = 1000;
const TAG_NOTICES: Readonly<Record<string, string>> = {
  created: 'The tag was added.',
  merged: 'The tags were merged; the old address now leads to the tag it was merged into.',
  deleted: 'The tag was deleted.',
  renamed: 'The tag was renamed.',
};

type IdRequest = FastifyRequest<{ Params: { id: number }; Body: FormBody; Querystring: { into?: string } }>;

/** The tags page: counts, add, rename, and merge or delete after a confirmation page (no script needed). */
export function registerTagRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store } = deps;
  const taxonomyDeps = { store, clock: deps.clock, bus: deps.bus };

  async function tagsPage(request: FastifyRequest, input: { query?: string; notice?: string; error?: string } = {}) {
    const query = (input.query ?? '').trim().slice(0, 100);
    const tags = await store.tags.listWithCounts({ limit: PAGE_LIMIT + 1, ...(query ? { query } : {}) });
    const messages = { ...(input.notice ? { notice: input.notice } : {}), ...(input.error ? { error: input.error } : {}) };
    return TagsPage({ chrome: chrome(deps, request, messages), tags: tags.slice(0, PAGE_LIMIT), query, capped: tags.length > PAGE_LIMIT });
  }

  /** The tag with its count, or undefined when it is gone. */
  async function tagRow(id: number): Promise<TagRow | undefined> {
    const [row] = await store.tags.listWithCounts({ limit: 1, ids: [id] });
    return row;
  }

  const gone = (request: FastifyRequest, reply: FastifyReply) =>
    sendAdminHtml(reply, MessagePage({ chrome: chrome(deps, request), title: 'Tag not found', message: 'That tag no longer exists; someone may have merged or deleted it.' }), 404);

  app.get<{ Querystring: { q?: string; done?: string } }>('/admin/tags', { config: MANAGE, schema: { querystring: querySchema(['q', 'done']) } }, async (request, reply) =>
    sendAdminHtml(reply, await tagsPage(request, { ...(request.query.q ? { query: request.query.q } : {}), ...doneNotice(TAG_NOTICES, request.query.done) })),
  );

  app.post<{ Body: FormBody }>('/admin/tags', { config: MANAGE, schema: { body: formSchema(['name']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      await createTag(taxonomyDeps, { name: request.body.name ?? '', actorId: request.staff!.user.id });
      return reply.redirect('/admin/tags?done=created', 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await tagsPage(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });

  app.post<{ Body: FormBody; Params: { id: number } }>('/admin/tags/:id', { config: MANAGE, schema: { params: ID_PARAMS, body: formSchema(['name']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      await renameTag(taxonomyDeps, { id: request.params.id, name: request.body.name ?? '', actorId: request.staff!.user.id });
      return reply.redirect('/admin/tags?done=renamed', 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await tagsPage(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });

  app.get('/admin/tags/:id/delete', { config: MANAGE, schema: { params: ID_PARAMS } }, async (request: IdRequest, reply) => {
    const tag = await tagRow(request.params.id);
    return tag ? sendAdminHtml(reply, TagDeletePage({ chrome: chrome(deps, request), tag })) : gone(request, reply);
  });

  app.post('/admin/tags/:id/delete', { config: MANAGE, schema: { params: ID_PARAMS, body: formSchema([]) } }, async (request: IdRequest, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      await deleteTag(taxonomyDeps, { id: request.params.id, actorId: request.staff!.user.id });
    } catch (error) {
      if (isDomainError(error, 'TAG_NOT_FOUND')) return gone(request, reply);
      throw error;
    }
    return reply.redirect('/admin/tags?done=deleted', 303);
  });

  async function mergePage(request: IdRequest, reply: FastifyReply, input: { into?: number; error?: string; status?: number }) {
    const tag = await tagRow(request.params.id);
    if (!tag) return gone(request, reply);
    const others = (await store.tags.listWithCounts({ limit: PAGE_LIMIT + 1 })).filter((other) => other.id !== tag.id);
    const into = others.find((other) => other.id === input.into);
    return sendAdminHtml(
      reply,
      TagMergePage({ chrome: chrome(deps, request, input.error ? { error: input.error } : {}), tag, others, ...(into ? { into } : {}) }),
      input.status,
    );
  }

  app.get('/admin/tags/:id/merge', { config: MANAGE, schema: { params: ID_PARAMS, querystring: { type: 'object', properties: { into: OPTIONAL_ID_QUERY } } } }, async (request: IdRequest, reply) =>
    mergePage(request, reply, request.query.into ? { into: Number(request.query.into) } : {}),
  );

  app.post('/admin/tags/:id/merge', { config: MANAGE, schema: { params: ID_PARAMS, body: formSchema(['into'], { into: OPTIONAL_ID_FIELD }) } }, async (request: IdRequest, reply) => {
    checkStaffCsrf(request, request.body);
    const into = Number(request.body.into || 0);
    try {
      if (!into) return await mergePage(request, reply, { error: 'Choose the tag to merge into.', status: 400 });
      await mergeTags(taxonomyDeps, { fromId: request.params.id, intoId: into, actorId: request.staff!.user.id });
      return reply.redirect('/admin/tags?done=merged', 303);
    } catch (error) {
      if (isDomainError(error, 'TAG_NOT_FOUND')) return mergePage(request, reply, { error: error.message, status: 404 });
      if (isDomainError(error, 'VALIDATION_FAILED')) return mergePage(request, reply, { error: error.message, status: 400 });
      throw error;
    }
  });
}

/** `?into=` on the merge page: a tag id, or empty before one is chosen. */
const OPTIONAL_ID_QUERY = { type: 'string', pattern: '^([1-9][0-9]{0,9})?$' } as const;
