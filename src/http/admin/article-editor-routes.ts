import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../core/access/capabilities.js';
import type { Article } from '../../core/articles/article.js';
import { deskStatus } from '../../core/articles/desk-status.js';
import { editOf, fieldsOfSnapshot, MergeChoiceMissing, FIELD_NAMES, type EditableFields, type FieldChoice, type FieldName } from '../../core/articles/editable-fields.js';
import { applyAction, mayEdit, reviewExits, saveEdit, type WorkflowAction } from '../../core/articles/workflow.js';
import { notesPanelFor } from './article-notes-routes.js';
import { reviewButtons } from '../../render/view-models/article-notes.js';
import { liveFields, scheduleUpdate, workingFields } from '../../core/articles/working-copy.js';
import { keepWorkingCopyAside, loadComparison, saveEditorForm, settleComparison, settleStaleForm } from '../../core/articles/editor-saves.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import { mediaPath } from '../../core/permalinks/permalinks.js';
import type { RevisionSnapshot } from '../../core/ports.js';
import { instantToZonedWallTime, wallTimeInstant } from '../../core/time/zoned-time.js';
import { ConfirmPage, ConflictPage, EditorPage, RevisionPage, type EditorView } from '../../render/templates/admin/article-pages.js';
import { ArticlePage } from '../../render/templates/article-page.js';
import { documentHtml } from '../../render/render-page.js';
import { articleView } from '../../render/view-models/build-pages.js';
import { conflictView, editorButtons, editorFields, editorSchedule, previewPage, type FieldNames } from '../../render/view-models/article-editor.js';
import { deskBadge, deskPublication } from '../../render/view-models/desk-articles.js';
import { historyEntry, revisionChanges, revisionHistory, savedBy } from '../../render/view-models/revision-history.js';
import { STATUS_BY_CODE } from '../errors.js';
import { renderContext } from '../site/site-context.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { formSchema, ID_PARAMS, OPTIONAL_ID_FIELD, querySchema, REVISION_FIELD } from './form-schema.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { EDITOR_TEXT_FIELDS, editFromForm, revisionOf, typedFields } from './article-form.js';

const ENTER = { access: { staff: 'admin.enter' } } as const;

/** What a button of the editor asks for, after the edits are saved. */
const INTENTS = ['save', 'update', 'discard', 'submit', 'send_back', 'withdraw', 'publish', 'schedule', 'schedule_update', 'unpublish', 'archive', 'restore', 'picture', 'remove_picture', 'preview'] as const;
type Intent = (typeof INTENTS)[number];
/** Steps readers notice at once: asked again on a page of their own. */
const CONFIRMED: ReadonlySet<string> = new Set(['publish', 'unpublish', 'archive']);
const ACTIONS: readonly WorkflowAction[] = ['submit', 'send_back', 'withdraw', 'publish', 'schedule', 'unpublish', 'archive', 'restore'];

/** The editor's one form: every field, the revision it was loaded at, and the button pressed (autosave sends the same). */
const EDITOR_FORM = formSchema(['revision', ...EDITOR_TEXT_FIELDS, 'intent', 'at', 'offset', 'note'], {
  revision: REVISION_FIELD,
  categoryId: OPTIONAL_ID_FIELD,
  intent: { enum: INTENTS },
  offset: { pattern: '^(-?[0-9]{1,4})?$' },
});
/** The confirmation page's form (and any plain publishing request): an action on a revision, nothing else. */
const ACTION_FORM = formSchema(['revision', 'action', 'at', 'offset', 'note'], {
  revision: REVISION_FIELD,
  action: { enum: ACTIONS },
  offset: { pattern: '^(-?[0-9]{1,4})?$' },
});
const REVISION_FORM = formSchema(['revision'], { revision: REVISION_FIELD });
/** A merge: the revision "theirs" was, and per conflicting field a choice and (for "edit") a text. */
const MERGE_FORM = formSchema(
  ['theirs', ...FIELD_NAMES.flatMap((field) => [`choice_${field}`, `edit_${field}`])],
  { theirs: REVISION_FIELD, ...Object.fromEntries(FIELD_NAMES.map((field) => [`choice_${field}`, { enum: ['mine', 'theirs', 'edit'] }])) },
);
const revisionParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 }, revision: { type: 'integer', minimum: 1 } },
  required: ['id', 'revision'],
} as const;
const conflictParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 }, conflict: { type: 'integer', minimum: 1 } },
  required: ['id', 'conflict'],
} as const;

/** What the editor says after each step (post/redirect/get: the code travels in the address, never the text). */
const NOTICES: Readonly<Record<string, string>> = {
  saved: 'Saved.',
  'saved-pending': 'Saved as unpublished changes: readers still see the published text.',
  unchanged: 'Nothing had changed since the last save.',
  updated: 'Updated: readers now see your changes.',
  discarded: 'The unpublished changes were discarded; the editor shows the published text again.',
  submitted: 'Submitted for review.',
  'sent-back': 'Sent back to the writer, with your note: it is a draft again.', // review notes (desk-firstrun-review)
  withdrawn: 'Withdrawn from review: it is a draft again.', // review notes (desk-firstrun-review)
  published: 'Published: readers see it now.',
  scheduled: 'Scheduled: it goes live at the time shown above.',
  'update-scheduled': 'The update is scheduled: readers see these changes from the time you set.',
  unpublished: 'Unpublished: readers no longer see it; it is a draft again.',
  archived: 'Archived.',
  unarchived: 'Back from the archive, as a draft.',
  merged: 'Merged and saved.',
  'auto-merged': 'Someone saved a newer version while you were editing; your changes were merged with theirs. Check the article, then press your button again.',
  newer: 'Someone saved a newer version while you were editing; the editor now shows it. Check it, then press your button again.',
  'picture-removed': 'The picture was removed.',
};

/** The notice after each action. */
const DONE: Readonly<Record<WorkflowAction, string>> = {
  submit: 'submitted',
  send_back: 'sent-back',
  withdraw: 'withdrawn',
  publish: 'published',
  schedule: 'scheduled',
  unpublish: 'unpublished',
  archive: 'archived',
  restore: 'unarchived',
};

type IdRequest = FastifyRequest<{ Params: { id: number }; Body: FormBody }>;

/** The article editor: one form whose every button saves first, autosave, confirmation, merging, preview and history. */
export function registerArticleEditorRoutes(app: FastifyInstance, deps: AdminDeps): void {
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
  const clockTime = new Intl.DateTimeFormat(config.locale, { timeStyle: 'short', timeZone: config.timeZone });
  const editorHref = (id: number, done?: string) => `/admin/articles/${id}${done ? `?done=${done}` : ''}`;

  async function loadEditable(request: FastifyRequest, id: number): Promise<{ article: Article; authorIds: number[] }> {
    const article = await store.articles.findById(id);
    if (!article) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${id}.`);
    const { authorIds } = await store.articles.links(id);
    if (!mayEdit(request.staff!.user, article, authorIds)) throw new DomainError('FORBIDDEN', 'You may not open this article. Ask an editor.');
    return { article, authorIds };
  }

  /** Names for the ids in some sets of fields. */
  async function namesFor(...sets: EditableFields[]): Promise<FieldNames> {
    const people = [...new Set(sets.flatMap((fields) => fields.authorIds))];
    const pictures = [...new Set(sets.flatMap((fields) => (fields.featuredMediaId === null ? [] : [fields.featuredMediaId])))];
    const [sections, users, media] = await Promise.all([
      store.categories.list(),
      Promise.all(people.map((id) => store.accounts.findUserById(id))),
      Promise.all(pictures.map((id) => store.media.findById(id))),
    ]);
    return {
      sections: new Map(sections.map((section) => [section.id, section.name])),
      people: new Map(users.flatMap((user) => (user ? [[user.id, { name: user.displayName, slug: user.slug }] as const] : []))),
      pictures: new Map(media.flatMap((picture) => (picture ? [[picture.id, picture.alt] as const] : []))),
    };
  }

  const mayPublish = (request: FastifyRequest, authorIds: readonly number[]) => {
    const user = request.staff!.user;
    return can(user.role, 'article.publish.any') || (authorIds.includes(user.id) && can(user.role, 'article.publish.own'));
  };

  async function editorView(request: FastifyRequest, loaded: { article: Article; authorIds: number[] }, typed?: FormBody): Promise<EditorView> {
    const { article, authorIds } = loaded;
    const now = clock.now();
    const working = await workingFields(store, article);
    const [pendingRow, names, categories, revisions, image] = await Promise.all([
      working.pending ? store.pending.find(article.id) : Promise.resolve(undefined),
      namesFor(working.fields),
      store.categories.list(),
      store.articles.revisions(article.id),
      working.fields.featuredMediaId === null ? Promise.resolve(undefined) : store.media.findById(working.fields.featuredMediaId),
    ]);
    const desk = deskStatus(article, now);
    const canPublish = mayPublish(request, authorIds);
    const fields = editorFields(working.fields, names);
    const schedule = editorSchedule({ desk, pending: working.pending, canPublish });
    return {
      id: article.id,
      revision: article.revision,
      status: deskBadge(article, now),
      ...withTime('publication', deskPublication(article, now, format)),
      ...withTime('updateAt', pendingRow?.applyAt ? { iso: pendingRow.applyAt.toISOString(), text: format(pendingRow.applyAt) } : undefined),
      live: desk === 'scheduled' || desk === 'published',
      pending: working.pending,
      // After a refused save the form shows what the person typed, not the saved text: nothing they wrote is lost.
      fields: typed ? { ...fields, ...typedFields(typed) } : fields,
      safePreviewHtml: deps.markdown.render(working.fields.bodyMd),
      categories: categories.map((category) => ({ value: String(category.id), label: category.name })),
      canPublish,
      canEditByline: can(request.staff!.user.role, 'article.byline'),
      buttons: [...editorButtons({ desk, pending: working.pending, canPublish }), ...reviewButtons(desk, reviewExits({ own: authorIds.includes(request.staff!.user.id), canPublish }))], // review notes
      notes: await notesPanelFor(store, { request, article, revisions, format }), // review notes (desk-firstrun-review)
      ...(schedule
        ? { schedule: { ...schedule, value: instantToZonedWallTime(new Date(now.getTime() + 3_600_000), config.timeZone), timeZone: config.timeZone } }
        : {}),
      ...(image ? { image: { src: mediaPath(image.variants.find((v) => v.format === 'jpeg')?.file ?? image.crops['16x9']), alt: image.alt } } : {}),
      pictureHref: `/admin/articles/${article.id}/picture`,
      history: revisionHistory(article.id, revisions, article.revision, format),
    };
  }

  async function showEditor(request: FastifyRequest, reply: FastifyReply, id: number, messages: { notice?: string; error?: string } = {}, status = 200, extra: Pick<EditorView, 'scheduleChoice'> = {}, typed?: FormBody) {
    const loaded = await loadEditable(request, id);
    const view = { ...(await editorView(request, loaded, typed)), ...extra };
    return sendAdminHtml(reply, EditorPage({ chrome: chrome(deps, request, { ...messages, scripts: [deps.assets.href('visual-editor.js'), deps.assets.href('media-library.js'), deps.assets.href('combobox.js')] }), view }), status);
  }

  /** Saves the form's edits (see saveEditorForm), or settles a stale form; where to go when it was stale. */
  async function saveForm(request: FastifyRequest, id: number, body: FormBody, kind: 'save' | 'autosave') {
    const edit = await editFromForm(store, request.staff!.user, body);
    const user = request.staff!.user;
    const result = await saveEditorForm(staffDeps(request), user, { id, revision: revisionOf(body), edit, kind });
    if (!('stale' in result)) return result;
    return { stale: await settleStaleForm(staffDeps(request), user, { id, revision: result.revision, edit, autosave: kind === 'autosave' }) };
  }

  const comparisonHref = (id: number, kept: number) => `/admin/articles/${id}/conflicts/${kept}`;

  /** Errors a person can act on stay in the editor; the rest (not found, forbidden) go to the newsroom's error page. */
  async function refuse(request: FastifyRequest, reply: FastifyReply, id: number, error: unknown, typed?: FormBody) {
    if (isDomainError(error, 'TIME_AMBIGUOUS')) {
      const choices = error.details.choices as Array<{ offsetMinutes: number; label: string }>;
      return showEditor(request, reply, id, { error: error.message }, 400, { scheduleChoice: { at: (request.body as FormBody).at ?? '', choices } });
    }
    if (isDomainError(error) && error.code !== 'ARTICLE_NOT_FOUND' && !(error.code === 'FORBIDDEN' && error.message.startsWith('You may not open'))) {
      return showEditor(request, reply, id, { error: error.message }, STATUS_BY_CODE[error.code], {}, typed);
    }
    throw error;
  }

  /** Runs a workflow action on the revision the page is at; where it lands is the editor with a notice. */
  async function act(request: FastifyRequest, id: number, revision: number, action: WorkflowAction, body: FormBody): Promise<string> {
    // A wall-clock time in the site's zone; `offset` (minutes ahead of UTC) says which one when it happens twice.
    const offset = /^-?\d{1,4}$/.test(body.offset ?? '') ? Number(body.offset) : undefined;
    const at = action === 'schedule' ? wallTimeInstant({ wallTime: body.at ?? '', timeZone: config.timeZone, ...(offset !== undefined ? { offsetMinutes: offset } : {}) }) : undefined;
    try {
      const note = action === 'send_back' ? { note: body.note ?? '' } : {}; // review notes (desk-firstrun-review)
      await applyAction(staffDeps(request), request.staff!.user, { id, revision, action, ...(at ? { at } : {}), ...note });
    } catch (error) {
      if (isDomainError(error, 'EDIT_CONFLICT')) return comparisonHref(id, await keepWorkingCopyAside(deps, request.staff!.user, id));
      throw error;
    }
    return editorHref(id, DONE[action]);
  }

  app.get<{ Params: { id: number }; Querystring: { done?: string } }>(
    '/admin/articles/:id',
    { config: ENTER, schema: { params: ID_PARAMS, querystring: querySchema(['done', 'saved']) } },
    async (request, reply) => {
      const notice = NOTICES[request.query.done ?? ''];
      return showEditor(request, reply, request.params.id, notice ? { notice } : {});
    },
  );

  app.post('/admin/articles/:id', { config: ENTER, schema: { params: ID_PARAMS, body: EDITOR_FORM } }, async (request: IdRequest, reply) => {
    checkStaffCsrf(request, request.body);
    const { id } = request.params;
    const body = request.body;
    const intent: Intent = (body.intent as Intent | undefined) ?? 'save';
    let revision: number;
    let saved: boolean;
    try {
      const result = await saveForm(request, id, body, 'save');
      if ('stale' in result) {
        const outcome = result.stale;
        if ('keptAside' in outcome) return reply.redirect(comparisonHref(id, outcome.keptAside), 303);
        // Someone else's newer save: merged, but they look before anything goes further. One's own: carry on.
        if (!outcome.ownSaves) return reply.redirect(editorHref(id, 'auto-merged'), 303);
        revision = outcome.revision;
        saved = true;
      } else ({ revision, saved } = result);
    } catch (error) {
      return refuse(request, reply, id, error, body);
    }
    try {
      switch (intent) {
        case 'save': {
          const { article } = await loadEditable(request, id);
          return reply.redirect(editorHref(id, !saved ? 'unchanged' : article.status === 'published' ? 'saved-pending' : 'saved'), 303);
        }
        case 'preview':
          return reply.redirect(`/admin/articles/${id}/preview`, 303);
        case 'picture':
          return reply.redirect(`/admin/articles/${id}/picture`, 303);
        case 'remove_picture':
          await saveEdit(staffDeps(request), request.staff!.user, { id, revision, edit: { featuredMediaId: null } });
          return reply.redirect(editorHref(id, 'picture-removed'), 303);
        case 'update':
          // Nothing typed and no working copy: readers already see this text.
          if (!(await store.pending.find(id))) return reply.redirect(editorHref(id, 'unchanged'), 303);
          try {
            await saveEdit(staffDeps(request), request.staff!.user, { id, revision, edit: {}, update: true });
          } catch (error) {
            if (isDomainError(error, 'EDIT_CONFLICT')) return reply.redirect(comparisonHref(id, await keepWorkingCopyAside(deps, request.staff!.user, id)), 303);
            throw error;
          }
          return reply.redirect(editorHref(id, 'updated'), 303);
        case 'discard': {
          const { article } = await loadEditable(request, id);
          await saveEdit(staffDeps(request), request.staff!.user, { id, revision, edit: editOf(await liveFields(store, article)) });
          return reply.redirect(editorHref(id, 'discarded'), 303);
        }
        case 'schedule_update': {
          const offset = /^-?\d{1,4}$/.test(body.offset ?? '') ? Number(body.offset) : undefined;
          const at = wallTimeInstant({ wallTime: body.at ?? '', timeZone: config.timeZone, ...(offset !== undefined ? { offsetMinutes: offset } : {}) });
          await scheduleUpdate(staffDeps(request), request.staff!.user, { id, revision, at });
          return reply.redirect(editorHref(id, 'update-scheduled'), 303);
        }
        default:
          if (CONFIRMED.has(intent)) return reply.redirect(`/admin/articles/${id}/confirm?action=${intent}`, 303);
          return reply.redirect(await act(request, id, revision, intent as WorkflowAction, body), 303);
      }
    } catch (error) {
      return refuse(request, reply, id, error);
    }
  });

  app.post('/admin/articles/:id/autosave', { config: ENTER, schema: { params: ID_PARAMS, body: EDITOR_FORM } }, async (request: IdRequest, reply) => {
    checkStaffCsrf(request, request.body);
    reply.header('cache-control', 'no-store');
    const { id } = request.params;
    try {
      const result = await saveForm(request, id, request.body, 'autosave');
      if ('stale' in result) {
        const kept = 'keptAside' in result.stale ? result.stale.keptAside : undefined;
        return reply.code(409).send({
          error: 'STALE_REVISION',
          message: 'Someone else saved this article. Your version is kept: compare the two and choose what to keep.',
          ...(kept !== undefined ? { conflictUrl: comparisonHref(id, kept) } : {}),
        });
      }
      const { article } = await loadEditable(request, id);
      return reply.send({
        revision: result.revision,
        saved: result.saved,
        pending: (await store.pending.find(id)) !== undefined,
        live: article.status === 'published',
        // The time in the site's zone, as every other time in the newsroom.
        at: clockTime.format(clock.now()),
      });
    } catch (error) {
      if (isDomainError(error) && error.code !== 'ARTICLE_NOT_FOUND' && error.code !== 'FORBIDDEN') {
        return reply.code(STATUS_BY_CODE[error.code]).send({ error: error.code, message: error.message });
      }
      throw error;
    }
  });

  app.get<{ Params: { id: number }; Querystring: { action?: string } }>(
    '/admin/articles/:id/confirm',
    { config: ENTER, schema: { params: ID_PARAMS, querystring: { type: 'object', properties: { action: { enum: ['publish', 'unpublish', 'archive'] } }, required: ['action'] } } },
    async (request, reply) => {
      const { article, authorIds } = await loadEditable(request, request.params.id);
      if (!mayPublish(request, authorIds)) throw new DomainError('FORBIDDEN', 'Your role may not publish or unpublish this article; submit it for review, or ask an editor.');
      const working = await workingFields(store, article);
      const pending = working.pending;
      const headline = `“${working.fields.title || 'Untitled'}”`;
      const action = request.query.action as 'publish' | 'unpublish' | 'archive';
      const text = {
        publish: {
          question: `Publish ${headline} now?`,
          consequence: `Readers will see it at once on the site, in the feeds and in the sitemap${pending ? ', with its unpublished changes' : ''}.`,
          button: 'Yes, publish now',
        },
        unpublish: {
          question: `Unpublish ${headline}?`,
          consequence: 'Readers will no longer see it on the site or in the feeds; it becomes a draft again and keeps its first publication date for when it returns.',
          button: 'Yes, unpublish',
        },
        archive: {
          question: `Archive ${headline}?`,
          consequence: 'It leaves the site and the feeds and moves to the archive, from where it can be restored as a draft.',
          button: 'Yes, archive',
        },
      }[action];
      return sendAdminHtml(reply, ConfirmPage({ chrome: chrome(deps, request), id: article.id, revision: article.revision, action, ...text }));
    },
  );

  app.post('/admin/articles/:id/action', { config: ENTER, schema: { params: ID_PARAMS, body: ACTION_FORM } }, async (request: IdRequest, reply) => {
    checkStaffCsrf(request, request.body);
    const { id } = request.params;
    try {
      return reply.redirect(await act(request, id, revisionOf(request.body), request.body.action as WorkflowAction, request.body), 303);
    } catch (error) {
      if (isDomainError(error, 'STALE_REVISION')) {
        return showEditor(request, reply, id, { error: 'Someone saved a newer version after you opened this page; check it, then try again.' }, 409);
      }
      return refuse(request, reply, id, error);
    }
  });

  app.get<{ Params: { id: number; conflict: number } }>('/admin/articles/:id/conflicts/:conflict', { config: ENTER, schema: { params: conflictParams } }, async (request, reply) =>
    showConflict(request, reply, request.params.id, request.params.conflict),
  );

  async function showConflict(request: FastifyRequest, reply: FastifyReply, id: number, conflictId: number, messages: { notice?: string; error?: string } = {}, status = 200) {
    const { article, unmerged, theirs, base } = await loadComparison(deps, request.staff!.user, { id, comparison: conflictId });
    const [latest] = await store.articles.revisions(id);
    const names = await namesFor(base, theirs, unmerged.fields);
    return sendAdminHtml(
      reply,
      ConflictPage({
        chrome: chrome(deps, request, messages),
        id,
        unmergedId: unmerged.id,
        theirsRevision: article.revision,
        theirsBy: (latest && savedBy(latest)) ?? 'Someone',
        againstLive: unmerged.against === 'live',
        view: conflictView(base, theirs, unmerged.fields, names),
      }),
      status,
    );
  }

  app.post<{ Params: { id: number; conflict: number }; Body: FormBody }>(
    '/admin/articles/:id/conflicts/:conflict',
    { config: ENTER, schema: { params: conflictParams, body: MERGE_FORM } },
    async (request, reply) => {
      checkStaffCsrf(request, request.body);
      const { id, conflict } = request.params;
      const choices: Partial<Record<FieldName, FieldChoice>> = {};
      for (const field of FIELD_NAMES) {
        const side = request.body[`choice_${field}`];
        if (side === 'mine' || side === 'theirs') choices[field] = { side };
        if (side === 'edit') choices[field] = { side, text: request.body[`edit_${field}`] ?? '' };
      }
      try {
        await settleComparison(staffDeps(request), request.staff!.user, { id, comparison: conflict, theirsRevision: revisionOf(request.body, 'theirs'), choices });
      } catch (error) {
        if (error instanceof MergeChoiceMissing) return showConflict(request, reply, id, conflict, { error: 'Choose what to keep for every field you both changed.' }, 400);
        if (isDomainError(error) && error.code !== 'FORBIDDEN' && error.code !== 'ARTICLE_NOT_FOUND') return showConflict(request, reply, id, conflict, { error: error.message }, STATUS_BY_CODE[error.code]);
        throw error;
      }
      return reply.redirect(editorHref(id, 'merged'), 303);
    },
  );

  app.get('/admin/articles/:id/preview', { config: ENTER, schema: { params: ID_PARAMS } }, async (request: IdRequest, reply) => {
    const { article } = await loadEditable(request, request.params.id);
    const now = clock.now();
    const working = await workingFields(store, article);
    const fields = working.fields;
    const [users, categories, image] = await Promise.all([
      Promise.all(fields.authorIds.map((id) => store.accounts.findUserById(id))),
      store.categories.findByIds(fields.primaryCategoryId === null ? [] : [fields.primaryCategoryId]),
      fields.featuredMediaId === null ? Promise.resolve(undefined) : store.media.findById(fields.featuredMediaId),
    ]);
    const category = fields.primaryCategoryId === null ? undefined : categories.get(fields.primaryCategoryId);
    const { data, banner } = previewPage({
      article,
      fields,
      pending: working.pending,
      now,
      format,
      bodyHtml: deps.markdown.render(fields.bodyMd),
      people: users.flatMap((user) => (user ? [user] : [])),
      ...(category ? { category } : {}),
      ...(image ? { image } : {}),
    });
    const view = articleView(
      data,
      await renderContext({ config, store, clock, assets: deps.assets }, now),
      { banner },
    );
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .send(documentHtml(ArticlePage(view)));
  });

  app.post<{ Body: FormBody }>('/admin/preview', { config: ENTER, schema: { body: formSchema(['bodyMd']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const bodyMd = (request.body.bodyMd ?? '').slice(0, 500_000);
    return reply.header('cache-control', 'no-store').send({ html: deps.markdown.render(bodyMd) });
  });

  app.get<{ Params: { id: number; revision: number } }>('/admin/articles/:id/revisions/:revision', { config: ENTER, schema: { params: revisionParams } }, async (request, reply) => {
    const { article } = await loadEditable(request, request.params.id);
    const found = await store.articles.revision(article.id, request.params.revision);
    if (!found) throw new DomainError('ARTICLE_NOT_FOUND', `Article ${article.id} has no revision ${request.params.revision}.`);
    // Compared with what the editor holds now: the working copy of a live story, else the article.
    const working = await workingFields(store, article);
    const current: RevisionSnapshot = {
      ...working.fields,
      status: article.status,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      tagIds: [],
    };
    const names = await namesFor(working.fields, fieldsOfSnapshot(found.snapshot, working.fields.featuredMediaId));
    const snapshotNames = { sections: names.sections, people: new Map([...names.people].map(([id, person]) => [id, person.name])) };
    return sendAdminHtml(
      reply,
      RevisionPage({
        chrome: chrome(deps, request),
        id: article.id,
        entry: historyEntry(article.id, found, article.revision, format),
        changes: revisionChanges(found.snapshot, current, snapshotNames, format),
        currentRevision: article.revision,
      }),
    );
  });

  app.post<{ Params: { id: number; revision: number }; Body: FormBody }>(
    '/admin/articles/:id/revisions/:revision/restore',
    { config: ENTER, schema: { params: revisionParams, body: REVISION_FORM } },
    async (request, reply) => {
      checkStaffCsrf(request, request.body);
      const { article } = await loadEditable(request, request.params.id);
      const found = await store.articles.revision(request.params.id, request.params.revision);
      if (!found) throw new DomainError('ARTICLE_NOT_FOUND', `There is no revision ${request.params.revision}.`);
      const fields = fieldsOfSnapshot(found.snapshot, article.featuredMediaId);
      // A picture deleted since cannot come back; the rest of the revision can.
      if (fields.featuredMediaId !== null && !(await store.media.findById(fields.featuredMediaId))) fields.featuredMediaId = null;
      const edit = editOf(fields);
      // Who may not change the byline restores the rest of the revision.
      if (!can(request.staff!.user.role, 'article.byline')) delete edit.authorIds;
      try {
        await saveEdit(staffDeps(request), request.staff!.user, { id: request.params.id, revision: revisionOf(request.body), edit, kind: 'restored' });
      } catch (error) {
        if (isDomainError(error, 'STALE_REVISION')) return showEditor(request, reply, article.id, { error: 'Someone saved a newer version after you opened the revision; look at it again before restoring.' }, 409);
        return refuse(request, reply, article.id, error);
      }
      return reply.redirect(editorHref(request.params.id, article.status === 'published' ? 'saved-pending' : 'saved'), 303);
    },
  );
}

function withTime<K extends string>(key: K, time: { iso: string; text: string } | undefined): Partial<Record<K, { iso: string; text: string }>> {
  return time ? ({ [key]: time } as Record<K, { iso: string; text: string }>) : {};
}
