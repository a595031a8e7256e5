import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BULK_ACTION_KINDS, BULK_LIMIT, bulkChange, listedTitles, type BulkAction } from '../../core/articles/bulk-change.js';
import { decodeCursor, type Cursor } from '../../core/articles/cursor.js';
import { deskQueues, seesOwnOnly } from '../../core/articles/desk-queues.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import { ArticleListPage, DashboardPage } from '../../render/templates/admin/desk-pages.js';
import {
  articleListView,
  bulkResultParams,
  filtersOf,
  LIST_PAGE_SIZE,
  listFiltersFrom,
  listHref,
  listKey,
  listPage,
  parseBulkResult,
  queueView,
} from '../../render/view-models/desk-pages.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import type { FormBody } from './forms.js';
import { checkStaffCsrf } from './forms.js';
import { formSchema, OPTIONAL_ID_FIELD, querySchema, repeatedValues, type RepeatedRule } from './form-schema.js';

const ENTER = { access: { staff: 'admin.enter' } } as const;
/** Articles each dashboard queue shows before its "See all" link. */
const QUEUE_SIZE = 5;
const CURSOR_FIELD = { pattern: '^([0-9]{1,15}\\.[0-9]{1,15})?$' };
const IDS: RepeatedRule = { pattern: '^[1-9][0-9]{0,9}$', maxItems: BULK_LIMIT };
const LIST_FIELDS = ['status', 'author', 'category', 'q', 'pending', 'before', 'after'] as const;
const LIST_QUERY = querySchema([...LIST_FIELDS, 'done', 'to', 'ok', 'same', 'no']);
/** The list's bulk form: ticked ids, what to do, its section or tag, and the list view to come back to. */
const BULK_FORM = formSchema(['ids', 'action', 'section', 'tag', ...LIST_FIELDS], {
  ids: { pattern: IDS.pattern },
  action: { enum: BULK_ACTION_KINDS },
  section: OPTIONAL_ID_FIELD,
  pending: { pattern: '^1?$' },
  before: CURSOR_FIELD,
  after: CURSOR_FIELD,
});

type ListQuery = Partial<Record<(typeof LIST_FIELDS)[number] | 'done' | 'to' | 'ok' | 'same' | 'no', string>>;

/** The newsroom's dashboard (its landing page), the article list and the list's bulk actions. */
export function registerDeskRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store, clock, config } = deps;
  const formatter = new Intl.DateTimeFormat(config.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: config.timeZone });
  const format = (date: Date) => formatter.format(date);
  const viewer = (request: FastifyRequest) => ({ id: request.staff!.user.id, ownOnly: seesOwnOnly(request.staff!.user.role) });

  app.get('/admin', { config: ENTER }, async (request, reply) => {
    const now = clock.now();
    const queues = await Promise.all(
      deskQueues(request.staff!.user).map(async (queue) => {
        const filter = { ...queue.filter, now };
        const [rows, count] = await Promise.all([store.articles.adminList({ ...filter, order: queue.order, limit: QUEUE_SIZE }), store.articles.adminCount(filter)]);
        return queueView({ key: queue.key, filters: filtersOf(queue.filter), count, rows, now, format });
      }),
    );
    return sendAdminHtml(reply, DashboardPage({ chrome: chrome(deps, request), queues, ownOnly: viewer(request).ownOnly }));
  });

  async function showList(request: FastifyRequest, reply: FastifyReply, query: ListQuery, error?: { message: string; status: number }) {
    const now = clock.now();
    const { ownOnly } = viewer(request);
    const { filters, filter } = listFiltersFrom(query, viewer(request));
    let before: Cursor | undefined;
    let after: Cursor | undefined;
    try {
      before = query.before ? decodeCursor(query.before) : undefined;
      after = query.after ? decodeCursor(query.after) : undefined;
    } catch (failure) {
      // A cursor typed or cut short: the first page, and what a cursor looks like.
      if (!isDomainError(failure, 'INVALID_CURSOR')) throw failure;
      return showList(request, reply, { ...query, before: '', after: '' }, { message: failure.message, status: 400 });
    }
    const [rows, total, sections, people] = await Promise.all([
      store.articles.adminList({ ...filter, now, limit: LIST_PAGE_SIZE + 1, ...(before ? { before } : {}), ...(after ? { after } : {}) }),
      store.articles.adminCount({ ...filter, now }),
      store.categories.list(),
      ownOnly ? Promise.resolve([]) : store.users.list(),
    ]);
    const page = listPage(rows, { filters, key: listKey(filters), ...(before ? { before } : {}), ...(after ? { after } : {}) });
    const shown = page.rows.map((row) => row.id);
    const result = parseBulkResult(query);
    const [bylines, pending, titles] = await Promise.all([
      store.articles.bylines(shown),
      store.pending.withPending(shown),
      result ? listedTitles(store, request.staff!.user, result.refused.map((refusal) => refusal.id)) : undefined,
    ]);
    const view = articleListView({
      page, total, filters, sections, people, bylines, pending, ownOnly, now, format,
      cursor: { ...(query.before ? { before: query.before } : {}), ...(query.after ? { after: query.after } : {}) },
      ...(result && titles ? { result: { result, titles } } : {}),
    });
    const listChrome = chrome(deps, request, { scripts: [deps.assets.href('desk-list.js')], ...(error ? { error: error.message } : {}) });
    return sendAdminHtml(reply, ArticleListPage({ chrome: listChrome, view }), error?.status ?? 200);
  }

  app.get<{ Querystring: ListQuery }>('/admin/articles', { config: ENTER, schema: { querystring: LIST_QUERY } }, async (request, reply) => showList(request, reply, request.query));

  app.post<{ Body: FormBody }>('/admin/articles/bulk', { config: ENTER, schema: { body: BULK_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const body = request.body;
    const back = { ...(body.before ? { before: body.before } : {}), ...(body.after ? { after: body.after } : {}) };
    try {
      const ids = repeatedValues(body, 'ids', IDS).map(Number);
      const action = bulkAction(body);
      const outcomes = await bulkChange({ store, clock, markdown: deps.markdown, excerptWords: config.excerptWords, bus: deps.bus, ip: clientIp(request) }, request.staff!.user, { ids, action });
      const to = action.kind === 'move' ? String(action.sectionId) : action.kind === 'tag' ? action.tagName : undefined;
      const { filters } = listFiltersFrom(body, viewer(request));
      return reply.redirect(listHref(filters, { ...back, ...bulkResultParams({ action: action.kind, ...(to ? { to } : {}), outcomes }) }), 303);
    } catch (error) {
      if (!isDomainError(error, 'VALIDATION_FAILED')) throw error;
      return showList(request, reply, { ...body, ...back }, { message: error.message, status: 400 });
    }
  });
}

/** The bulk action a form asks for, with the section or tag it needs. */
function bulkAction(body: FormBody): BulkAction {
  switch (body.action) {
    case 'publish':
    case 'unpublish':
      return { kind: body.action };
    case 'move':
      if (!body.section) throw new DomainError('VALIDATION_FAILED', 'Choose the section to move the ticked articles to.');
      return { kind: 'move', sectionId: Number(body.section) };
    case 'tag':
      return { kind: 'tag', tagName: (body.tag ?? '').slice(0, 100) };
    default:
      throw new DomainError('VALIDATION_FAILED', 'Choose what to do with the ticked articles.');
  }
}
