import { mediaPath } from '../../core/permalinks/permalinks.js';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Article } from '../../core/articles/article.js';
import { mayEdit, saveEdit } from '../../core/articles/workflow.js';
import { DomainError } from '../../core/errors.js';
import { displayName, type Media } from '../../core/images/image.js';
import { cacheKey } from '../../core/publishing/cache-keys.js';
import { isMediaFileName, processImage, removeImageFiles, type ProcessedImage } from '../../media/process-image.js';
import { unknownFieldMessage } from '../errors.js';
import { clientIp, type AdminDeps } from './admin-context.js';
import { sendNewsroomError } from './newsroom-errors.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS, REVISION_FIELD } from './form-schema.js';

const ENTER = { access: { staff: 'admin.enter' } } as const;
/**
 * Upload routes: @fastify/multipart hands the body over as a stream, so no JSON schema can see it before
 * the handler runs (and reading it all first would defeat the upload limit). `body: 'multipart'` says so
 * to the start-up check; readPictureForm refuses a field not in the route's list, as a schema would.
 */
const UPLOAD = { ...ENTER, body: 'multipart' } as const;
/** The file input of both upload forms. */
const FILE_FIELD = 'file';
/** Room for the form's text fields and multipart framing around the picture. */
const FORM_ALLOWANCE_BYTES = 128 * 1024;

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * Makes a refusal the end of the connection when the request body has not been read to its end: the
 * parser stops being fed, the answer says `Connection: close`, and the socket is closed once it is out. A
 * client streaming gigabytes gets its answer instead of being read to the end.
 */
export function hangUpAfterReply(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.readableEnded || reply.raw.headersSent) return;
  raw.unpipe();
  raw.pause();
  reply.raw.setHeader('connection', 'close');
  reply.raw.once('finish', () => {
    const socket = raw.socket;
    socket.end();
    socket.once('finish', () => socket.destroy());
    // A client that never reads the answer cannot hold the socket open.
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
}

/** Any refusal (thrown, so the error handler words it) ends the connection if the body is still coming. */
const refusingEarly =
  (handler: Handler): Handler =>
  async (request, reply) => {
    try {
      return await handler(request, reply);
    } catch (error) {
      hangUpAfterReply(request, reply);
      throw error;
    }
  };

/** Reads a file stream into memory, or stops (and returns undefined) as soon as it passes `maxBytes`. */
export async function readAtMost(file: Readable, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      file.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Picture upload for an article someone may edit (so contributors upload only for their own drafts), the
 * portrait of one's profile, removal of an article's picture, and /media/<name> for the processed files.
 * Everything that can refuse an upload (access, the article, the form's token, alt text and revision, the
 * declared length) is checked before the picture's first byte is read; the picture is read only up to the
 * limit. A picture that is replaced or removed loses its row and every file, unless something still uses it.
 */
export async function registerMediaRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const dir = resolve(deps.config.mediaDir);
  const maxBytes = deps.config.maxUploadMegabytes * 1024 * 1024;
  // One byte over the limit reaches readAtMost, which then stops reading (busboy alone would skip the rest).
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });
  const staffDeps = (request: FastifyRequest) => ({
    store: deps.store,
    clock: deps.clock,
    markdown: deps.markdown,
    excerptWords: deps.config.excerptWords,
    bus: deps.bus,
    ip: clientIp(request),
  });

  function tooLarge(request: FastifyRequest, reply: FastifyReply) {
    hangUpAfterReply(request, reply);
    const message = `Pictures can be at most ${deps.config.maxUploadMegabytes} MB. Make the file smaller and upload it again.`;
    // A form sent without the page's script is a person waiting for a page (newsroom errors, desk-firstrun-review).
    if (!String(request.headers.accept ?? '').includes('application/json')) return sendNewsroomError(deps, request, reply, { status: 413, message });
    return reply.code(413).send({ error: 'TOO_LARGE', message });
  }

  /**
   * The form's text fields (which come before the file, as the newsroom's forms send them) and its one
   * picture. `beforeFile` sees the fields before a byte of the picture is read; undefined means 413 was sent.
   */
  async function readPictureForm(
    request: FastifyRequest,
    reply: FastifyReply,
    textFields: readonly string[],
    beforeFile: (fields: Record<string, string>) => void,
  ): Promise<{ fields: Record<string, string>; picture: { data: Buffer; name: string } } | undefined> {
    if (!request.isMultipart()) throw new DomainError('VALIDATION_FAILED', 'Send the picture as a multipart form.');
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + FORM_ALLOWANCE_BYTES) return void tooLarge(request, reply);
    const fields: Record<string, string> = {};
    for await (const part of request.parts()) {
      const expected = part.type === 'file' ? part.fieldname === FILE_FIELD : part.fieldname === '_csrf' || textFields.includes(part.fieldname);
      if (!expected) throw new DomainError('VALIDATION_FAILED', unknownFieldMessage(part.fieldname));
      if (part.type !== 'file') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      checkStaffCsrf(request, fields);
      beforeFile(fields);
      const data = await readAtMost(part.file, maxBytes);
      if (!data) return void tooLarge(request, reply);
      if (data.length === 0) break;
      return { fields, picture: { data, name: part.filename } };
    }
    checkStaffCsrf(request, fields);
    throw new DomainError('VALIDATION_FAILED', 'Choose a picture to upload.');
  }

  /** The row and files of a picture nothing uses any more; a failure to delete files is logged, not fatal. */
  async function discard(request: FastifyRequest, mediaId: number | null): Promise<void> {
    if (mediaId === null) return;
    const gone = await deps.store.media.deleteIfUnused(mediaId);
    if (!gone) return;
    await removeImageFiles(gone, dir).catch((error: unknown) => request.log.warn({ err: error, mediaId }, 'could not delete the files of a replaced picture'));
  }

  /** Stores the processed picture and runs `use` with it; when `use` fails, the row and files go again. */
  async function storeAndUse(request: FastifyRequest, input: { processed: ProcessedImage; alt: string; name: string }, use: (media: Media) => Promise<void>): Promise<Media> {
    let media: Media | undefined;
    try {
      media = await deps.store.media.create({
        ...input.processed,
        alt: input.alt,
        originalName: displayName(input.name),
        uploadedBy: request.staff!.user.id,
        at: deps.clock.now(),
      });
      await use(media);
      return media;
    } catch (error) {
      if (media) await deps.store.media.deleteIfUnused(media.id);
      await removeImageFiles(input.processed, dir);
      throw error;
    }
  }

  /** The article, when it exists and this person may edit it (404 / 403 otherwise). */
  async function editableArticle(request: FastifyRequest, id: number): Promise<Article> {
    const article = await deps.store.articles.findById(id);
    if (!article) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${id}.`, { id });
    const { authorIds } = await deps.store.articles.links(id);
    if (!mayEdit(request.staff!.user, article, authorIds)) throw new DomainError('FORBIDDEN', 'You may not change this article. Ask an editor.', { id });
    return article;
  }

  /** The revision the form edits; a stale one is refused before anything is read or written. */
  function formRevision(fields: Record<string, string>, article: Article): number {
    const revision = Number(fields.revision);
    if (!Number.isInteger(revision) || revision < 1) throw new DomainError('VALIDATION_FAILED', 'The form lacks the revision it edits; reload the page.');
    if (revision !== article.revision) {
      throw new DomainError(
        'STALE_REVISION',
        `This article was saved by someone else (revision ${article.revision}) after the revision ${revision} you opened; reload the page and upload the picture again.`,
        { id: article.id, revision, currentRevision: article.revision },
      );
    }
    return revision;
  }

  const wantsHtml = (request: FastifyRequest) => String(request.headers.accept ?? '').includes('text/html');

  app.post('/admin/profile/avatar', { config: UPLOAD }, refusingEarly(async (request, reply) => {
    const form = await readPictureForm(request, reply, [], () => undefined);
    if (!form) return reply;
    const user = request.staff!.user;
    const processed = await processImage(form.picture.data, dir);
    let replaced: number | null = null;
    const media = await storeAndUse(request, { processed, alt: user.displayName, name: form.picture.name }, async (stored) => {
      replaced = await deps.store.accounts.setAvatar(user.id, stored.id);
    });
    // The portrait this upload replaced, not the one the request started with: another may have come between.
    await discard(request, replaced);
    await deps.bus.publish([cacheKey.author(user.id)]);
    if (wantsHtml(request)) return reply.redirect('/admin/profile?saved=1', 303);
    return reply.send({ id: media.id, crops: media.crops });
  }));

  app.post<{ Params: { id: number } }>('/admin/articles/:id/image', { config: UPLOAD, schema: { params: ID_PARAMS } }, refusingEarly(async (request, reply) => {
    const { id } = request.params as { id: number };
    const article = await editableArticle(request, id);
    let alt = '';
    let revision = 0;
    const form = await readPictureForm(request, reply, ['revision', 'alt'], (fields) => {
      alt = (fields.alt ?? '').trim();
      if (alt === '' || alt.length > 500) {
        throw new DomainError('VALIDATION_FAILED', 'Describe the picture in the alt text (1 to 500 characters); readers who cannot see it rely on it.');
      }
      revision = formRevision(fields, article);
    });
    if (!form) return reply;
    const processed = await processImage(form.picture.data, dir);
    let savedRevision = revision;
    const media = await storeAndUse(request, { processed, alt, name: form.picture.name }, async (stored) => {
      savedRevision = (await saveEdit(staffDeps(request), request.staff!.user, { id, revision, edit: { featuredMediaId: stored.id } })).revision;
    });
    // The picture it replaced stays in the media library for reuse; only its removal there deletes it.
    // A live story's new picture waits in its working copy, and the notice says so.
    if (wantsHtml(request)) return reply.redirect(`/admin/articles/${id}?done=${article.status === 'published' ? 'saved-pending' : 'saved'}`, 303);
    // The editor uploads without reloading: it takes the article's new revision and the picture to show from here.
    const thumbnail = mediaPath(media.variants.find((v) => v.format === 'jpeg')?.file ?? media.crops['16x9']);
    return reply.send({ id: media.id, revision: savedRevision, alt: media.alt, thumbnail, width: media.width, height: media.height, files: media.variants.map((v) => v.file), crops: media.crops });
  }));

  app.post<{ Params: { id: number }; Body: FormBody }>('/admin/articles/:id/image/remove', { config: ENTER, schema: { params: ID_PARAMS, body: formSchema(['revision'], { revision: REVISION_FIELD }) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const article = await editableArticle(request, request.params.id);
    const revision = formRevision(request.body, article);
    // The picture stays in the media library for reuse.
    if (article.featuredMediaId !== null) await saveEdit(staffDeps(request), request.staff!.user, { id: article.id, revision, edit: { featuredMediaId: null } });
    return reply.redirect(`/admin/articles/${article.id}?done=picture-removed`, 303);
  });

  app.get<{ Params: { name: string } }>('/media/:name', { config: { access: 'public' } }, async (request, reply) => {
    const name = request.params.name;
    if (!isMediaFileName(name)) return reply.callNotFound();
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return reply.callNotFound();
    return reply
      .header('content-type', name.endsWith('.webp') ? 'image/webp' : 'image/jpeg')
      .header('content-length', String(info.size))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-disposition', 'inline')
      .send(createReadStream(path));
  });
}
