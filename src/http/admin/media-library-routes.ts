import { workingFields } from '../../core/articles/working-copy.js';
import { resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changeArticle, loadForEdit } from '../../core/articles/workflow.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import { displayName, type Media } from '../../core/images/image.js';
import { checkDetails, mayChangePicture, parseFocal, pictureCacheKeys, pictureIdOf, type MediaDetails } from '../../core/images/media-library.js';
import { mediaPath } from '../../core/permalinks/permalinks.js';
import { cutCrops, processImage, removeImageFiles } from '../../media/process-image.js';
import { pruneMediaFiles } from '../../media/prune-media.js';
import { MediaErrorPage, MediaLibraryPage, PicturePage, PicturePickerPage } from '../../render/templates/admin/media-pages.js';
import { libraryCard, MEDIA_PAGE_SIZE, paging, picturePageView } from '../../render/view-models/media-library.js';
import { STATUS_BY_CODE, unknownFieldMessage } from '../errors.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS, querySchema, REVISION_FIELD } from './form-schema.js';
import { hangUpAfterReply, readAtMost } from './media-routes.js';

/**
 * Every member of staff may open the library and reuse its pictures on articles they may edit; changing or
 * removing a picture is checked per picture in the handler (core `mayChangePicture`: editors and admins
 * any, others only what they uploaded while it is on their own stories only).
 */
const ENTER = { access: { staff: 'admin.enter' } } as const;
/** The replacement upload reads its own multipart stream (see media-routes.ts). */
const UPLOAD = { ...ENTER, body: 'multipart' } as const;
const DETAILS_FORM = formSchema(['alt', 'caption', 'credit']);
const FOCAL_FORM = formSchema(['x', 'y'], { x: { maxLength: 40 }, y: { maxLength: 40 } });
const REMOVE_FORM = formSchema([]);
const PICK_FORM = formSchema(['mediaId', 'revision'], { mediaId: { pattern: '^[1-9][0-9]{0,9}$' }, revision: REVISION_FIELD });
const LIST_QUERY = { querystring: querySchema(['q', 'page', 'done']) };
/** Room for the form's token and multipart framing around the picture. */
const FORM_ALLOWANCE_BYTES = 16 * 1024;

const NOTICES: Readonly<Record<string, string>> = {
  details: 'The alt text, caption and credit were saved.',
  focal: 'The 16:9, 4:3 and 1:1 versions were cut around the new focal point.',
  replaced: 'The file was replaced: every article that shows this picture shows the new one.',
  removed: 'The picture and its files were removed.',
};

type ListQuery = { q?: string; page?: string; done?: string };
type Messages = { notice?: string; error?: string };

const pageNumber = (value: string | undefined) => {
  const page = Number(value ?? '1');
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
};
const searchText = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
const wantsHtml = (request: FastifyRequest) => String(request.headers.accept ?? '').includes('text/html');

/**
 * The media library (/admin/media): search and pages, a picture's alt text, caption, credit and focal
 * point, replacing its file and removing it; the picker an article's editor opens
 * (/admin/articles/:id/picture) to reuse a picture as the featured one or inside the body; and the stable
 * address bodies use (/media/pictures/:id.jpg). Files no row names are pruned after a removal or replacement.
 */
export function registerMediaLibraryRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store } = deps;
  const dir = resolve(deps.config.mediaDir);
  const maxBytes = deps.config.maxUploadMegabytes * 1024 * 1024;
  const messagesOf = (done: string | undefined): Messages => (done && NOTICES[done] ? { notice: NOTICES[done] } : {});

  async function cardsOf(items: Media[]) {
    const uses = await store.media.usesMany(items);
    return items.map((item) => libraryCard(item, uses.get(item.id) ?? { articles: [], portraits: [] }));
  }

  async function findPicture(id: number): Promise<Media> {
    const picture = await store.media.findById(id);
    if (!picture) throw new DomainError('MEDIA_NOT_FOUND', `There is no picture ${id} in the library; it may have been removed.`, { id });
    return picture;
  }

  /** The picture with its uses, when this person may change it (FORBIDDEN otherwise). */
  async function changeablePicture(request: FastifyRequest, id: number) {
    const picture = await findPicture(id);
    const uses = await store.media.uses(picture);
    if (!mayChangePicture(request.staff!.user, picture, uses.articles)) {
      throw new DomainError('FORBIDDEN', 'Only editors, or the person who uploaded this picture while it is used only on their own stories, may change or remove it.', { id });
    }
    return { picture, uses };
  }

  async function sendPicturePage(request: FastifyRequest, reply: FastifyReply, id: number, messages: Messages, status = 200, typed?: Partial<MediaDetails & { x: string; y: string }>) {
    const picture = await findPicture(id);
    const uses = await store.media.uses(picture);
    const view = picturePageView({ picture, uses, canChange: mayChangePicture(request.staff!.user, picture, uses.articles), ...(typed ? { typed } : {}) });
    const scripts = [deps.assets.href('media-library.js')];
    return sendAdminHtml(reply, PicturePage({ chrome: chrome(deps, request, { ...messages, scripts }), view }), status);
  }

  /** A refusal inside the newsroom's layout: on the picture's page when it exists, else on a bare one. */
  async function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown, id?: number, typed?: Partial<MediaDetails & { x: string; y: string }>) {
    if (!isDomainError(error)) throw error;
    const status = STATUS_BY_CODE[error.code];
    if (id !== undefined && error.code !== 'MEDIA_NOT_FOUND') return sendPicturePage(request, reply, id, { error: error.message }, status, typed);
    return sendAdminHtml(reply, MediaErrorPage({ chrome: chrome(deps, request, { error: error.message }) }), status);
  }

  /** Pages that show the picture are rendered again; files nobody names any more are deleted. */
  async function afterFilesChanged(request: FastifyRequest, uses: Parameters<typeof pictureCacheKeys>[0]) {
    await deps.bus.publish(pictureCacheKeys(uses));
    // File ages are the file system's: real time, not the application's clock.
    await pruneMediaFiles({ dir, referenced: () => store.media.referencedFiles(), now: new Date() }).catch((error: unknown) =>
      request.log.warn({ err: error }, 'could not prune the media folder'),
    );
  }

  app.get<{ Querystring: ListQuery }>('/admin/media', { config: ENTER, schema: LIST_QUERY }, async (request, reply) => {
    const query = searchText(request.query.q);
    const page = pageNumber(request.query.page);
    const found = await store.media.list({ query, limit: MEDIA_PAGE_SIZE, offset: (page - 1) * MEDIA_PAGE_SIZE });
    const view = { query, cards: await cardsOf(found.items), paging: paging({ base: '/admin/media', query, page, total: found.total }) };
    return sendAdminHtml(reply, MediaLibraryPage({ chrome: chrome(deps, request, messagesOf(request.query.done)), view }));
  });

  app.get<{ Params: { id: number }; Querystring: ListQuery }>('/admin/media/:id', { config: ENTER, schema: { params: ID_PARAMS, ...LIST_QUERY } }, async (request, reply) => {
    try {
      return await sendPicturePage(request, reply, request.params.id, messagesOf(request.query.done));
    } catch (error) {
      return refuse(request, reply, error);
    }
  });

  app.post<{ Params: { id: number }; Body: FormBody }>('/admin/media/:id', { config: ENTER, schema: { params: ID_PARAMS, body: DETAILS_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const { id } = request.params;
    const typed = { alt: request.body.alt ?? '', caption: request.body.caption ?? '', credit: request.body.credit ?? '' };
    try {
      const { uses } = await changeablePicture(request, id);
      const details = checkDetails(typed);
      if (!(await store.media.updateDetails(id, details))) await findPicture(id);
      await deps.bus.publish(pictureCacheKeys(uses));
      return reply.redirect(`/admin/media/${id}?done=details`, 303);
    } catch (error) {
      return refuse(request, reply, error, id, typed);
    }
  });

  app.post<{ Params: { id: number }; Body: FormBody }>('/admin/media/:id/focal', { config: ENTER, schema: { params: ID_PARAMS, body: FOCAL_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const { id } = request.params;
    const typed = { x: request.body.x ?? '', y: request.body.y ?? '' };
    try {
      const { picture, uses } = await changeablePicture(request, id);
      const focal = parseFocal(typed.x, typed.y);
      const crops = await cutCrops(picture, focal, dir);
      const before = await store.media.replaceFiles(id, { crops, focal });
      if (!before) {
        await removeImageFiles({ variants: [], crops }, dir);
        throw new DomainError('VALIDATION_FAILED', 'This picture was changed by someone else meanwhile; nothing was changed. Look at it again and choose the point again.', { id });
      }
      await removeImageFiles({ variants: [], crops: before.crops }, dir);
      await afterFilesChanged(request, uses);
      return reply.redirect(`/admin/media/${id}?done=focal`, 303);
    } catch (error) {
      return refuse(request, reply, error, id, typed);
    }
  });

  /** The replacement picture of a multipart form (its `_csrf` first, then `file`); undefined when 413 was sent. */
  async function readReplacement(request: FastifyRequest, reply: FastifyReply): Promise<{ data: Buffer; name: string } | undefined> {
    const tooLarge = async (): Promise<undefined> => {
      hangUpAfterReply(request, reply);
      const message = `Pictures can be at most ${deps.config.maxUploadMegabytes} MB. Make the file smaller and upload it again.`;
      if (wantsHtml(request)) await sendPicturePage(request, reply, (request.params as { id: number }).id, { error: message }, 413);
      else await reply.code(413).send({ error: 'TOO_LARGE', message });
      return undefined;
    };
    if (!request.isMultipart()) throw new DomainError('VALIDATION_FAILED', 'Send the picture as a multipart form.');
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + FORM_ALLOWANCE_BYTES) return tooLarge();
    const fields: Record<string, string> = {};
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        if (part.fieldname !== '_csrf') throw new DomainError('VALIDATION_FAILED', unknownFieldMessage(part.fieldname));
        fields._csrf = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') throw new DomainError('VALIDATION_FAILED', unknownFieldMessage(part.fieldname));
      checkStaffCsrf(request, fields);
      const data = await readAtMost(part.file, maxBytes);
      if (!data) return tooLarge();
      if (data.length === 0) break;
      return { data, name: part.filename };
    }
    checkStaffCsrf(request, fields);
    throw new DomainError('VALIDATION_FAILED', 'Choose a picture to upload.');
  }

  app.post<{ Params: { id: number } }>('/admin/media/:id/replace', { config: UPLOAD, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const { id } = request.params;
    try {
      // Who may replace it is known before a byte of the new picture is read.
      const { uses } = await changeablePicture(request, id);
      const upload = await readReplacement(request, reply);
      if (!upload) return reply;
      const processed = await processImage(upload.data, dir);
      const before = await store.media.replaceFiles(id, { ...processed, originalName: displayName(upload.name), focal: null });
      if (!before) {
        await removeImageFiles(processed, dir);
        throw new DomainError('VALIDATION_FAILED', 'This picture was changed or removed by someone else meanwhile; nothing was changed. Look at it again.', { id });
      }
      await removeImageFiles(before, dir);
      await afterFilesChanged(request, uses);
      if (wantsHtml(request)) return reply.redirect(`/admin/media/${id}?done=replaced`, 303);
      return reply.send({ id, key: processed.key, files: processed.variants.map((variant) => variant.file), crops: processed.crops });
    } catch (error) {
      hangUpAfterReply(request, reply);
      if (!wantsHtml(request)) throw error;
      return refuse(request, reply, error, id);
    }
  });

  app.post<{ Params: { id: number }; Body: FormBody }>('/admin/media/:id/remove', { config: ENTER, schema: { params: ID_PARAMS, body: REMOVE_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const { id } = request.params;
    try {
      const { uses } = await changeablePicture(request, id);
      const users = [
        ...uses.articles.map((use) => `“${use.article.title}” (${[use.featured ? 'featured picture' : '', use.inBody ? 'in the body' : ''].filter(Boolean).join(' and ')})`),
        ...uses.portraits.map((person) => `the profile of ${person.displayName} (portrait)`),
      ];
      const gone = users.length === 0 ? await store.media.deleteIfUnused(id) : undefined;
      if (!gone) {
        throw new DomainError(
          'MEDIA_IN_USE',
          users.length === 0
            ? 'This picture came into use meanwhile, or unpublished changes of a live story use it, so it was not removed. Look at where it is used below.'
            : `This picture is still used, so it was not removed. Take it out of ${users.join(', ')} first.`,
          { id },
        );
      }
      await removeImageFiles(gone, dir);
      await afterFilesChanged(request, { articles: [], portraits: [] });
      return reply.redirect('/admin/media?done=removed', 303);
    } catch (error) {
      return refuse(request, reply, error, id);
    }
  });

  async function sendPicker(request: FastifyRequest, reply: FastifyReply, input: { id: number; query: ListQuery; messages?: Messages; status?: number }) {
    const { article } = await loadForEdit(store, request.staff!.user, input.id);
    const working = await workingFields(store, article);
    const query = searchText(input.query.q);
    const page = pageNumber(input.query.page);
    const found = await store.media.list({ query, limit: MEDIA_PAGE_SIZE, offset: (page - 1) * MEDIA_PAGE_SIZE });
    const view = {
      // What the editor works on: a live story's working copy, when it has one.
      article: { id: article.id, title: working.fields.title, revision: article.revision, featuredMediaId: working.fields.featuredMediaId },
      query,
      cards: await cardsOf(found.items),
      paging: paging({ base: `/admin/articles/${article.id}/picture`, query, page, total: found.total }),
    };
    const scripts = [deps.assets.href('media-library.js')];
    return sendAdminHtml(reply, PicturePickerPage({ chrome: chrome(deps, request, { ...input.messages, scripts }), view }), input.status);
  }

  app.get<{ Params: { id: number }; Querystring: ListQuery }>('/admin/articles/:id/picture', { config: ENTER, schema: { params: ID_PARAMS, ...LIST_QUERY } }, async (request, reply) => {
    try {
      return await sendPicker(request, reply, { id: request.params.id, query: request.query });
    } catch (error) {
      return refuse(request, reply, error);
    }
  });

  app.post<{ Params: { id: number }; Body: FormBody }>('/admin/articles/:id/picture', { config: ENTER, schema: { params: ID_PARAMS, body: PICK_FORM } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const { id } = request.params;
    const mediaId = Number(request.body.mediaId);
    try {
      await findPicture(mediaId);
      const saved = await changeArticle(
        { store, clock: deps.clock, markdown: deps.markdown, excerptWords: deps.config.excerptWords, bus: deps.bus, ip: clientIp(request) },
        request.staff!.user,
        { id, revision: Number(request.body.revision), edit: { featuredMediaId: mediaId } },
      );
      return reply.redirect(`/admin/articles/${id}?done=${saved.status === 'published' ? 'saved-pending' : 'saved'}`, 303);
    } catch (error) {
      if (isDomainError(error, 'STALE_REVISION')) {
        const message =
          'This article was saved after you opened this list, so the picture was not set (nothing was overwritten). Save your edits in the editor, reload this list and choose the picture again.';
        return sendPicker(request, reply, { id, query: {}, messages: { error: message }, status: 409 }).catch((again: unknown) => refuse(request, reply, again));
      }
      if (isDomainError(error, 'MEDIA_NOT_FOUND')) return sendPicker(request, reply, { id, query: {}, messages: { error: error.message }, status: 404 }).catch((again: unknown) => refuse(request, reply, again));
      return refuse(request, reply, error);
    }
  });

  // A body's stable address for a picture: a short-lived redirect to its current file, so replacing the
  // file or cutting new crops never breaks a story that shows it.
  app.get<{ Params: { file: string } }>('/media/pictures/:file', { config: { access: 'public' } }, async (request, reply) => {
    const id = pictureIdOf(request.params.file);
    const picture = id === undefined ? undefined : await store.media.findById(id);
    const file = picture?.variants.filter((variant) => variant.format === 'jpeg').sort((a, b) => b.width - a.width)[0]?.file;
    if (!file) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=300').redirect(mediaPath(file), 302);
  });
}
