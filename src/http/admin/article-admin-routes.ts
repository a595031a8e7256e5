import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../core/access/capabilities.js';
import type { Article } from '../../core/articles/article.js';
import { isDeskStatus, type DeskStatus } from '../../core/articles/desk-status.js';
import type { ArticleEdit } from '../../core/articles/update-article.js';
import { applyAction, mayEdit, reviewExits, saveEdit, startDraft, type WorkflowAction } from '../../core/articles/workflow.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import type { RevisionSnapshot } from '../../core/ports.js';
import { instantToZonedWallTime, wallTimeInstant } from '../../core/time/zoned-time.js';
import { mediaPath } from '../../core/permalinks/permalinks.js';
import { ArticleListPage, ConflictPage, EditorPage, NewArticlePage, RevisionPage, type EditorView } from '../../render/templates/admin/article-pages.js';
import { ArticlePage } from '../../render/templates/article-page.js';
import { documentHtml } from '../../render/render-page.js';
import { articleView } from '../../render/view-models/build-pages.js';
import { deskArticleRows, deskBadge, deskPublication, type DeskTime } from '../../render/view-models/desk-articles.js';
import { historyEntry, revisionChanges, revisionHistory, savedBy } from '../../render/view-models/revision-history.js';
import { renderContext } from '../site/site-context.js';
import { STATUS_BY_CODE } from '../errors.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { notesPanelFor } from './article-notes-routes.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS, OPTIONAL_ID_FIELD, REVISION_FIELD } from './form-schema.js';

const ENTER = { access: { staff: 'admin.enter' } } as const;
const CREATE = { access: { staff: 'article.create' } } as const;
const revisionParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 }, revision: { type: 'integer', minimum: 1 } },
  required: ['id', 'revision'],
} as const;
const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: 'Submit for review',
  send_back: 'Send back to the writer', // review notes (desk-firstrun-review)
  withdraw: 'Withdraw from review', // review notes (desk-firstrun-review)
  publish: 'Publish now',
  schedule: 'Schedule',
  unpublish: 'Unpublish',
  archive: 'Archive',
  restore: 'Restore from archive',
};

/** The editor's form (also what autosave sends: the same form, read by the page's script). */
const EDITOR_FORM = formSchema(
  ['revision', 'title', 'dek', 'bodyMd', 'excerpt', 'slug', 'categoryId', 'tags', 'authors', 'seoTitle', 'seoDescription', 'canonicalUrl', 'noindex'],
  { revision: REVISION_FIELD, categoryId: OPTIONAL_ID_FIELD },
);
/** A publishing button, or the scheduling form (`offset` picks one of a time that happens twice). */
const ACTION_FORM = formSchema(['revision', 'action', 'at', 'offset', 'note'], {
  revision: REVISION_FIELD,
  action: { enum: Object.keys(ACTION_LABELS) },
  offset: { pattern: '^-?[0-9]{1,4}$' },
});
/** Forms that only name the revision they act on. */
const REVISION_FORM = formSchema(['revision'], { revision: REVISION_FIELD });

type IdRequest = FastifyRequest<{ Params: { id: number }; Body: FormBody }>;

/** The newsroom's article list, editor, workflow actions, revisions and previews. */
export function registerArticleAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store, clock, config } = deps;
  const staffDeps = (request: FastifyRequest) => ({
    store,
    clock,
    markdown: deps.markdown,
    excerptWords: config.excerptWords,
    bus: deps.bus,
    ip: clientIp(request),
  });
  const formatter = new Intl.DateTimeFormat(config.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: config.timeZone });
  const format = (date: Date) => formatter.format(date);
  const withPublication = (publication: DeskTime | undefined) => (publication ? { publication } : {});

  async function loadEditable(request: FastifyRequest, id: number): Promise<{ article: Article; authorIds: number[]; tagIds: number[] }> {
    const article = await store.articles.findById(id);
    if (!article) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${id}.`);
    const links = await store.articles.links(id);
    if (!mayEdit(request.staff!.user, article, links.authorIds)) throw new DomainError('FORBIDDEN', 'You may not open this article. Ask an editor.');
    return { article, ...links };
  }

  async function editorView(request: FastifyRequest, loaded: Awaited<ReturnType<typeof loadEditable>>): Promise<EditorView> {
    const { article, authorIds } = loaded;
    const user = request.staff!.user;
    const own = authorIds.includes(user.id);
    const canPublish = can(user.role, 'article.publish.any') || (own && can(user.role, 'article.publish.own'));
    const [categories, tags, users, revisions, image] = await Promise.all([
      store.categories.list(),
      store.articles.tags([article.id]),
      Promise.all(authorIds.map((id) => store.accounts.findUserById(id))),
      store.articles.revisions(article.id),
      article.featuredMediaId === null ? Promise.resolve(undefined) : store.media.findById(article.featuredMediaId),
    ]);
    const actions: WorkflowAction[] = [];
    if (article.status === 'draft') actions.push('submit');
    if (article.status === 'in_review') actions.push(...reviewExits({ own, canPublish })); // review notes (desk-firstrun-review)
    if (canPublish && article.status !== 'archived') actions.push('publish');
    if (canPublish && article.status === 'published') actions.push('unpublish');
    if (canPublish && article.status !== 'archived') actions.push('archive');
    if (article.status === 'archived') actions.push('restore');
    return {
      id: article.id,
      revision: article.revision,
      status: deskBadge(article, clock.now()),
      ...withPublication(deskPublication(article, clock.now(), format)),
      fields: {
        title: article.title,
        dek: article.dek,
        slug: article.slug,
        excerpt: article.excerpt,
        bodyMd: article.bodyMd,
        categoryId: article.primaryCategoryId === null ? '' : String(article.primaryCategoryId),
        tags: (tags.get(article.id) ?? []).map((tag) => tag.name).join(', '),
        authors: users.flatMap((u) => (u ? [u.slug] : [])).join(', '),
        seoTitle: article.seoTitle ?? '',
        seoDescription: article.seoDescription ?? '',
        canonicalUrl: article.canonicalUrl ?? '',
        noindex: article.noindex,
      },
      safePreviewHtml: article.bodyHtml,
      categories: categories.map((category) => ({ value: String(category.id), label: category.name })),
      canPublish,
      canEditByline: can(user.role, 'article.byline'),
      actions: actions.map((action) => ({ action, label: ACTION_LABELS[action] })),
      scheduleDefault: instantToZonedWallTime(new Date(clock.now().getTime() + 3_600_000), config.timeZone),
      timeZone: config.timeZone,
      ...(image ? { image: { src: mediaPath(image.variants.find((v) => v.format === 'jpeg')?.file ?? image.crops['16x9']), alt: image.alt } } : {}),
      history: revisionHistory(article.id, revisions, article.revision, format),
      notes: await notesPanelFor(store, { request, article, revisions, format }), // review notes (desk-firstrun-review)
    };
  }

  /** The edit a form asks for; fields it does not send stay as they are. */
  async function editFromForm(request: FastifyRequest, body: FormBody): Promise<ArticleEdit> {
    const edit: ArticleEdit = {};
    for (const field of ['title', 'dek', 'bodyMd', 'excerpt'] as const) if (body[field] !== undefined) edit[field] = body[field];
    if (body.slug !== undefined && body.slug.trim() !== '') edit.slug = body.slug.trim();
    if (body.categoryId !== undefined) {
      const id = body.categoryId === '' ? null : Number(body.categoryId);
      if (id !== null && (!Number.isInteger(id) || !(await store.categories.findByIds([id])).has(id))) {
        throw new DomainError('VALIDATION_FAILED', 'Choose a section from the list.');
      }
      edit.primaryCategoryId = id;
    }
    if (body.tags !== undefined) edit.tagNames = body.tags.split(',').map((tag) => tag.trim()).filter(Boolean).slice(0, 50);
    for (const field of ['seoTitle', 'seoDescription', 'canonicalUrl'] as const) {
      if (body[field] !== undefined) edit[field] = body[field].trim() === '' ? null : body[field].trim();
    }
    // An unticked checkbox sends nothing: only a whole editor form (it always has a title) can switch noindex off.
    if (body.title !== undefined) edit.noindex = body.noindex === '1';
    if (body.authors !== undefined && !can(request.staff!.user.role, 'article.byline')) {
      throw new DomainError('FORBIDDEN', 'Only editors may change who is in the byline.');
    }
    if (body.authors !== undefined) {
      const ids: number[] = [];
      for (const slug of body.authors.split(',').map((s) => s.trim()).filter(Boolean)) {
        const user = await store.users.findBySlug(slug);
        if (!user) throw new DomainError('VALIDATION_FAILED', `There is no author with the slug "${slug}".`);
        ids.push(user.id);
      }
      if (ids.length === 0) throw new DomainError('VALIDATION_FAILED', 'A byline needs at least one author.');
      edit.authorIds = ids;
    }
    return edit;
  }

  function revisionOf(body: FormBody): number {
    const revision = Number(body.revision);
    if (!Number.isInteger(revision) || revision < 1) throw new DomainError('VALIDATION_FAILED', 'The form lacks the revision it edits; reload the page.');
    return revision;
  }

  async function showEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    messages: { notice?: string; error?: string } = {},
    status = 200,
    extra: Pick<EditorView, 'scheduleChoice'> = {},
  ) {
    const loaded = await loadEditable(request, id);
    return sendAdminHtml(reply, EditorPage({ chrome: chrome(deps, request, messages), view: { ...(await editorView(request, loaded)), ...extra } }), status);
  }

  async function conflict(request: IdRequest, reply: FastifyReply, error: DomainError) {
    const current = await store.articles.findById(request.params.id);
    const revisions = await store.articles.revisions(request.params.id);
    const hidden = Object.entries(request.body).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !['_csrf', 'revision', 'title', 'bodyMd'].includes(entry[0]),
    );
    return sendAdminHtml(
      reply,
      ConflictPage({
        chrome: chrome(deps, request, { error: error.message }),
        id: request.params.id,
        currentRevision: current?.revision ?? 0,
        mine: { title: request.body.title ?? current?.title ?? '', bodyMd: request.body.bodyMd ?? current?.bodyMd ?? '' },
        theirs: { title: current?.title ?? '', bodyMd: current?.bodyMd ?? '', by: (revisions[0] && savedBy(revisions[0])) ?? 'Someone' },
        hidden,
      }),
      409,
    );
  }

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
        rows: deskArticleRows(rows, { now: clock.now(), format, sectionNames: new Map(categories.map((c) => [c.id, c.name])) }),
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
      const article = await startDraft(staffDeps(request), request.staff!.user, { title: request.body.title ?? '' });
      return reply.redirect(`/admin/articles/${article.id}`, 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, NewArticlePage({ chrome: chrome(deps, request, { error: error.message }), title: request.body.title ?? '' }), 400);
    }
  });

  app.get<{ Params: { id: number }; Querystring: { saved?: string } }>('/admin/articles/:id', { config: ENTER, schema: { params: ID_PARAMS } }, async (request, reply) =>
    showEditor(request, reply, request.params.id, request.query.saved ? { notice: 'Saved.' } : {}),
  );

  app.post('/admin/articles/:id', { config: ENTER, schema: { params: ID_PARAMS, body: EDITOR_FORM } }, async (request: IdRequest, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      await saveEdit(staffDeps(request), request.staff!.user, { id: request.params.id, revision: revisionOf(request.body), edit: await editFromForm(request, request.body) });
      return reply.redirect(`/admin/articles/${request.params.id}?saved=1`, 303);
    } catch (error) {
      if (isDomainError(error, 'STALE_REVISION')) return conflict(request, reply, error);
      if (isDomainError(error) && error.code !== 'FORBIDDEN' && error.code !== 'ARTICLE_NOT_FOUND') {
        return showEditor(request, reply, request.params.id, { error: error.message }, 400);
      }
      throw error;
    }
  });

  app.post('/admin/articles/:id/autosave', { config: ENTER, schema: { params: ID_PARAMS, body: EDITOR_FORM } }, async (request: IdRequest, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      const saved = await saveEdit(staffDeps(request), request.staff!.user, {
        id: request.params.id,
        revision: revisionOf(request.body),
        edit: await editFromForm(request, request.body),
        kind: 'autosave',
      });
      return reply.header('cache-control', 'no-store').send({ revision: saved.revision });
    } catch (error) {
      if (isDomainError(error, 'STALE_REVISION')) {
        return reply.code(409).send({ error: error.code, message: 'Someone else saved this article; autosave stopped. Save to compare both versions.', details: error.details });
      }
      throw error;
    }
  });

  app.post('/admin/articles/:id/action', { config: ENTER, schema: { params: ID_PARAMS, body: ACTION_FORM } }, async (request: IdRequest, reply) => {
    checkStaffCsrf(request, request.body);
    const action = request.body.action as WorkflowAction;
    if (!(action in ACTION_LABELS)) throw new DomainError('VALIDATION_FAILED', 'Unknown publishing action.');
    try {
      // A wall-clock time in the site's zone; `offset` (minutes ahead of UTC) says which one when it happens twice.
      const offset = /^-?\d{1,4}$/.test(request.body.offset ?? '') ? Number(request.body.offset) : undefined;
      const at =
        action === 'schedule'
          ? wallTimeInstant({ wallTime: request.body.at ?? '', timeZone: config.timeZone, ...(offset !== undefined ? { offsetMinutes: offset } : {}) })
          : undefined;
      const note = request.body.note === undefined ? {} : { note: request.body.note }; // review notes (desk-firstrun-review)
      const saved = await applyAction(staffDeps(request), request.staff!.user, { id: request.params.id, revision: revisionOf(request.body), action, ...(at ? { at } : {}), ...note });
      const notice = action === 'schedule' && saved.publishedAt ? `Scheduled for ${formatter.format(saved.publishedAt)}.` : `${ACTION_LABELS[action]}: done.`;
      return showEditor(request, reply, request.params.id, { notice });
    } catch (error) {
      if (isDomainError(error, 'TIME_AMBIGUOUS')) {
        const choices = error.details.choices as Array<{ offsetMinutes: number; label: string }>;
        return showEditor(request, reply, request.params.id, { error: error.message }, 400, { scheduleChoice: { at: request.body.at ?? '', choices } });
      }
      if (isDomainError(error) && (error.code === 'VALIDATION_FAILED' || error.code === 'STALE_REVISION' || error.code === 'FORBIDDEN')) {
        return showEditor(request, reply, request.params.id, { error: error.message }, STATUS_BY_CODE[error.code]);
      }
      throw error;
    }
  });

  app.get('/admin/articles/:id/preview', { config: ENTER, schema: { params: ID_PARAMS } }, async (request: IdRequest, reply) => {
    const { article } = await loadEditable(request, request.params.id);
    const now = clock.now();
    const [bylines, tags, categories] = await Promise.all([
      store.articles.bylines([article.id]),
      store.articles.tags([article.id]),
      store.categories.findByIds(article.primaryCategoryId === null ? [] : [article.primaryCategoryId]),
    ]);
    const category = article.primaryCategoryId === null ? undefined : categories.get(article.primaryCategoryId);
    const view = articleView(
      {
        article: { ...article, noindex: true },
        bylines: bylines.get(article.id) ?? [],
        tags: tags.get(article.id) ?? [],
        ...(category ? { category } : {}),
        recent: { items: [], categories: new Map() },
      },
      await renderContext({ config, store, clock, assets: deps.assets }, now),
    );
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(documentHtml(ArticlePage(view)));
  });

  app.post<{ Body: FormBody }>('/admin/preview', { config: ENTER, schema: { body: formSchema(['bodyMd']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    return reply.header('cache-control', 'no-store').send({ html: deps.markdown.render((request.body.bodyMd ?? '').slice(0, 500_000)) });
  });

  app.get<{ Params: { id: number; revision: number } }>('/admin/articles/:id/revisions/:revision', { config: ENTER, schema: { params: revisionParams } }, async (request, reply) => {
    const { article, authorIds, tagIds } = await loadEditable(request, request.params.id);
    const found = await store.articles.revision(article.id, request.params.revision);
    if (!found) throw new DomainError('ARTICLE_NOT_FOUND', `Article ${article.id} has no revision ${request.params.revision}.`);
    const current: RevisionSnapshot = {
      title: article.title, dek: article.dek, bodyMd: article.bodyMd, excerpt: article.excerpt, slug: article.slug, status: article.status,
      publishedAt: article.publishedAt?.toISOString() ?? null, primaryCategoryId: article.primaryCategoryId, authorIds, tagIds,
      tagNames: ((await store.articles.tags([article.id])).get(article.id) ?? []).map((tag) => tag.name),
      seoTitle: article.seoTitle, seoDescription: article.seoDescription, canonicalUrl: article.canonicalUrl, noindex: article.noindex,
    };
    const personIds = [...new Set([...found.snapshot.authorIds, ...current.authorIds])];
    const [sections, people] = await Promise.all([store.categories.list(), Promise.all(personIds.map((id) => store.accounts.findUserById(id)))]);
    const names = {
      sections: new Map(sections.map((section) => [section.id, section.name])),
      people: new Map(people.flatMap((person) => (person ? [[person.id, person.displayName] as const] : []))),
    };
    return sendAdminHtml(
      reply,
      RevisionPage({
        chrome: chrome(deps, request),
        id: article.id,
        entry: historyEntry(article.id, found, article.revision, format),
        changes: revisionChanges(found.snapshot, current, names, format),
        currentRevision: article.revision,
      }),
    );
  });

  app.post<{ Params: { id: number; revision: number }; Body: FormBody }>('/admin/articles/:id/revisions/:revision/restore', { config: ENTER, schema: { params: revisionParams, body: REVISION_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const found = await store.articles.revision(request.params.id, request.params.revision);
    if (!found) throw new DomainError('ARTICLE_NOT_FOUND', `There is no revision ${request.params.revision}.`);
    const { snapshot } = found;
    await saveEdit(staffDeps(request), request.staff!.user, {
      id: request.params.id,
      revision: revisionOf(request.body),
      edit: {
        title: snapshot.title, dek: snapshot.dek, bodyMd: snapshot.bodyMd, excerpt: snapshot.excerpt, slug: snapshot.slug,
        primaryCategoryId: snapshot.primaryCategoryId, seoTitle: snapshot.seoTitle, seoDescription: snapshot.seoDescription,
        canonicalUrl: snapshot.canonicalUrl, noindex: snapshot.noindex,
        tagNames: snapshot.tagNames,
      },
      kind: 'restored',
    });
    return reply.redirect(`/admin/articles/${request.params.id}?saved=1`, 303);
  });
}
