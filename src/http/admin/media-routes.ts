import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveEdit } from '../../core/articles/workflow.js';
import { DomainError } from '../../core/errors.js';
import { displayName } from '../../core/images/image.js';
import { cacheKey } from '../../core/publishing/cache-keys.js';
import { isMediaFileName, processImage } from '../../media/process-image.js';
import { clientIp, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf } from './forms.js';

const ENTER = { access: { staff: 'admin.enter' } } as const;
const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;

/**
 * Picture upload for an article someone may edit (so contributors upload only for their own drafts), and
 * /media/<name> for the processed files.
 */
export async function registerMediaRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const dir = resolve(deps.config.mediaDir);
  const maxBytes = deps.config.maxUploadMegabytes * 1024 * 1024;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });

  /** The form's fields and its one file; undefined when the file was over the limit (413 already sent). */
  async function readUpload(request: FastifyRequest, reply: FastifyReply) {
    if (!request.isMultipart()) throw new DomainError('VALIDATION_FAILED', 'Send the picture as a multipart form.');
    const fields: Record<string, string> = {};
    let upload: { data: Buffer; name: string } | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          // toBuffer() stops with an error as soon as the stream passes the size limit.
          upload = { data: await part.toBuffer(), name: part.filename };
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        await reply.code(413).send({ error: 'TOO_LARGE', message: `Pictures can be at most ${deps.config.maxUploadMegabytes} MB.` });
        return undefined;
      }
      throw error;
    }
    checkStaffCsrf(request, fields);
    return { fields, upload };
  }

  app.post('/admin/profile/avatar', { config: ENTER }, async (request, reply) => {
    const form = await readUpload(request, reply);
    if (!form) return reply;
    if (!form.upload || form.upload.data.length === 0) throw new DomainError('VALIDATION_FAILED', 'Choose a picture to upload.');
    const user = request.staff!.user;
    const processed = await processImage(form.upload.data, dir);
    const media = await deps.store.media.create({
      ...processed,
      alt: user.displayName,
      originalName: displayName(form.upload.name),
      uploadedBy: user.id,
      at: deps.clock.now(),
    });
    await deps.store.accounts.setAvatar(user.id, media.id);
    await deps.bus.publish([cacheKey.author(user.id)]);
    if (String(request.headers.accept ?? '').includes('text/html')) return reply.redirect('/admin/profile?saved=1', 303);
    return reply.send({ id: media.id, crops: media.crops });
  });

  app.post<{ Params: { id: number } }>('/admin/articles/:id/image', { config: ENTER, schema: { params: idParams } }, async (request, reply) => {
    const form = await readUpload(request, reply);
    if (!form) return reply;
    const { fields, upload } = form;
    const alt = (fields.alt ?? '').trim();
    if (alt === '' || alt.length > 500) throw new DomainError('VALIDATION_FAILED', 'Describe the picture in the alt text (1 to 500 characters); readers who cannot see it rely on it.');
    if (!upload || upload.data.length === 0) throw new DomainError('VALIDATION_FAILED', 'Choose a picture to upload.');
    const revision = Number(fields.revision);
    const article = await deps.store.articles.findById(request.params.id);
    if (!article) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${request.params.id}.`);
    const processed = await processImage(upload.data, dir);
    const media = await deps.store.media.create({ ...processed, alt, originalName: displayName(upload.name), uploadedBy: request.staff!.user.id, at: deps.clock.now() });
    await saveEdit(
      { store: deps.store, clock: deps.clock, markdown: deps.markdown, excerptWords: deps.config.excerptWords, bus: deps.bus, ip: clientIp(request) },
      request.staff!.user,
      { id: article.id, revision: Number.isInteger(revision) && revision > 0 ? revision : article.revision, edit: { featuredMediaId: media.id } },
    );
    if (String(request.headers.accept ?? '').includes('text/html')) return reply.redirect(`/admin/articles/${article.id}?saved=1`, 303);
    return reply.send({ id: media.id, width: media.width, height: media.height, files: media.variants.map((v) => v.file), crops: media.crops });
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
