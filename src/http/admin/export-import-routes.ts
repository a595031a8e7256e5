import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { IMPORT_KINDS, type ImportKind, type ImportRunOptions } from '../../core/imports/import-runs.js';
import { ImportRunPage, SitePage } from '../../render/templates/admin/site-pages.js';
import { importRunView, importStateLabel } from '../../render/view-models/import-run-view.js';
import { unknownFieldMessage } from '../errors.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS, OPTIONAL_ID_FIELD, querySchema } from './form-schema.js';
import { subscribeToFeed, unsubscribeFromFeed } from '../../core/imports/feed-subscriptions.js';
import { hangUpAfterReply } from './media-routes.js';
import { sendNewsroomError } from './newsroom-errors.js';

const MOVE = { access: { staff: 'site.move' } } as const;
/** What the page says after a redirect from one of its actions (fixed words: nothing is echoed from the address). */
const FEED_NOTICES: Readonly<Record<string, string>> = {
  subscribed: 'The feed is polled from now on; its first entries arrive as drafts within a minute.',
  stopped: 'The feed is no longer polled; the drafts it brought stay.',
};
/** The import form is multipart: its file is streamed to disk, so no JSON schema sees the body first. */
const MOVE_UPLOAD = { ...MOVE, body: 'multipart' } as const;
const IMPORT_FIELDS = ['_csrf', 'kind', 'feedUrl', 'sectionId', 'fetchMedia', 'dryRun'] as const;

/** Writes the whole site's export (gzip-compressed, without secrets) to `out`; made by the composition root. */
export interface SiteExporter {
  stream(out: Writable): Promise<unknown>;
}

/** Export and import (admins): the page, the export download, imports started and followed. */
export function registerExportImportRoutes(app: FastifyInstance, deps: AdminDeps & { siteExporter?: SiteExporter; importRunner?: { poke(): void } }): void {
  const { store } = deps;
  const format = () => new Intl.DateTimeFormat(deps.config.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: deps.config.timeZone });
  const maxBytes = deps.config.maxImportMegabytes * 1024 * 1024;
  const importDir = resolve(deps.config.importDir);

  app.post<{ Body: FormBody }>(
    '/admin/feeds',
    { config: MOVE, schema: { body: formSchema(['url', 'sectionId', 'everyMinutes'], { sectionId: OPTIONAL_ID_FIELD, everyMinutes: { pattern: '^[0-9]{1,6}$' } }) } },
    async (request, reply) => {
      checkStaffCsrf(request, request.body);
      const sectionId = request.body.sectionId ? Number(request.body.sectionId) : null;
      if (sectionId !== null && !(await store.categories.findByIds([sectionId])).has(sectionId)) {
        throw new DomainError('VALIDATION_FAILED', 'That section no longer exists; choose another.');
      }
      await subscribeToFeed(
        { store, clock: deps.clock },
        { url: (request.body.url ?? '').trim(), sectionId, everyMinutes: Number(request.body.everyMinutes), actorId: request.staff!.user.id },
      );
      return reply.redirect('/admin/site?done=subscribed', 303);
    },
  );

  app.post<{ Body: FormBody; Params: { id: number } }>('/admin/feeds/:id/stop', { config: MOVE, schema: { params: ID_PARAMS, body: formSchema([]) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    await unsubscribeFromFeed({ store, clock: deps.clock }, { id: request.params.id, actorId: request.staff!.user.id });
    return reply.redirect('/admin/site?done=stopped', 303);
  });

  app.get('/admin/site', { config: MOVE, schema: { querystring: querySchema(['done']) } }, async (request, reply) => {
    const notice = FEED_NOTICES[(request.query as { done?: string }).done ?? ''];
    const [runs, sections, feeds] = await Promise.all([store.importRuns.recent(20), store.categories.list(), store.feeds.list()]);
    const sectionName = (id: number | null) => (id === null ? 'None' : (sections.find((section) => section.id === id)?.name ?? 'None'));
    return sendAdminHtml(
      reply,
      SitePage({
        chrome: chrome(deps, request, notice ? { notice } : {}),
        runs: runs.map((run) => importRunView(run, format())),
        feeds: feeds.map((feed) => ({
          id: feed.id,
          url: feed.url,
          section: sectionName(feed.sectionId),
          every: feed.active ? `${feed.everyMinutes} min` : 'Stopped',
          active: feed.active,
          last: feed.lastPolledAt
            ? `${format().format(feed.lastPolledAt)}: ${feed.lastError ?? (feed.lastReport ? `${feed.lastReport.created} new of ${feed.lastReport.entries}` : '')}`
            : 'Not yet',
        })),
        sections: sections.map((section) => ({ id: section.id, name: section.name })),
        maxImportMegabytes: deps.config.maxImportMegabytes,
      }),
    );
  });

  // A POST with the form's token, so no other site can start an export in an admin's name.
  app.post<{ Body: FormBody }>('/admin/export', { config: MOVE, schema: { body: formSchema([]) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const exporter = deps.siteExporter;
    if (!exporter) return reply.code(503).type('text/plain; charset=utf-8').send('Export is not available on this server; run newsdesk export FILE.');
    const user = request.staff!.user;
    await store.accounts.audit({ at: deps.clock.now(), actorId: user.id, action: 'site.export', subject: 'the whole site', ip: clientIp(request) });
    const day = deps.clock.now().toISOString().slice(0, 10);
    const body = new PassThrough();
    // A failure part-way ends the download early; the file then has no end record, and a restore refuses it.
    exporter.stream(body).catch((error: unknown) => {
      request.log.error({ err: error }, 'export failed');
      body.destroy(error as Error);
    });
    return reply
      .header('content-type', 'application/gzip')
      .header('content-disposition', `attachment; filename="newsdesk-export-${day}.ndjson.gz"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  });

  app.post('/admin/imports', { config: MOVE_UPLOAD }, async (request, reply) => {
    let form: { kind: ImportKind; source: string; label: string; options: ImportRunOptions } | undefined;
    try {
      form = await readImportForm(request);
    } catch (error) {
      if (error instanceof TooLarge) {
        hangUpAfterReply(request, reply);
        return sendNewsroomError(deps, request, reply, { status: 413, message: `Files for import can be at most ${deps.config.maxImportMegabytes.toLocaleString('en')} MB (NEWSDESK_MAX_IMPORT_MB).` });
      }
      hangUpAfterReply(request, reply);
      throw error;
    }
    const sectionId = form.options.sectionId;
    if (sectionId !== undefined && sectionId !== null && !(await store.categories.findByIds([sectionId])).has(sectionId)) {
      if (form.source.startsWith(importDir)) await rm(form.source, { force: true });
      throw new DomainError('VALIDATION_FAILED', 'That section no longer exists; choose another and send the file again.');
    }
    const user = request.staff!.user;
    const run = await store.importRuns.create({ ...form, createdBy: user.id, at: deps.clock.now() });
    await store.accounts.audit({ at: deps.clock.now(), actorId: user.id, action: 'site.import', subject: `${form.kind}: ${form.label}`.slice(0, 300), ip: clientIp(request) });
    deps.importRunner?.poke();
    return reply.redirect(`/admin/imports/${run.id}`, 303);
  });

  app.get<{ Params: { id: number } }>('/admin/imports/:id', { config: MOVE, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const run = await store.importRuns.findById(request.params.id);
    if (!run) throw new DomainError('NOT_FOUND', `There is no import ${request.params.id}.`);
    return sendAdminHtml(reply, ImportRunPage({ chrome: chrome(deps, request, { scripts: [deps.assets.href('import-progress.js')] }), run: importRunView(run, format()) }));
  });

  app.get<{ Params: { id: number } }>('/admin/imports/:id/progress', { config: MOVE, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const run = await store.importRuns.findById(request.params.id);
    if (!run) throw new DomainError('NOT_FOUND', `There is no import ${request.params.id}.`);
    return reply.header('cache-control', 'private, no-store').send({ id: run.id, status: run.status, done: run.done, total: run.total, state: importStateLabel(run) });
  });

  /**
   * The form's fields (which come before the file, as the page sends them), then the file streamed to the
   * import folder under a random name, stopped at the size limit. Everything that can refuse the form is
   * checked before its first byte is read.
   */
  async function readImportForm(request: FastifyRequest): Promise<{ kind: ImportKind; source: string; label: string; options: ImportRunOptions }> {
    if (!request.isMultipart()) throw new DomainError('VALIDATION_FAILED', 'Send the import form as a multipart form.');
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw new TooLarge();
    const fields: Record<string, string> = {};
    let upload: { path: string; name: string } | undefined;
    const checked = () => {
      checkStaffCsrf(request, fields);
      return checkFields(fields);
    };
    try {
      for await (const part of request.parts({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 4000, parts: 12 } })) {
        if (part.type !== 'file') {
          if (!(IMPORT_FIELDS as readonly string[]).includes(part.fieldname)) throw new DomainError('VALIDATION_FAILED', unknownFieldMessage(part.fieldname));
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== 'file') throw new DomainError('VALIDATION_FAILED', unknownFieldMessage(part.fieldname));
        const { kind } = checked();
        if (part.filename === '') {
          part.file.resume();
          continue;
        }
        await mkdir(importDir, { recursive: true });
        const path = join(importDir, `${randomBytes(12).toString('base64url')}.${kind === 'ghost' ? 'json' : 'xml'}`);
        const size = await saveAtMost(part.file, path, maxBytes);
        if (size === undefined) throw new TooLarge();
        if (size === 0) await rm(path, { force: true });
        else upload = { path, name: part.filename.slice(0, 200) };
      }
      const { kind, options, feedUrl } = checked();
      if (upload) return { kind, source: upload.path, label: upload.name, options };
      if (kind === 'feed' && feedUrl) return { kind, source: feedUrl, label: feedUrl, options };
      throw new DomainError('VALIDATION_FAILED', kind === 'feed' ? "Choose the feed's file, or give its address." : `Choose the ${kind === 'wordpress' ? 'WordPress export (.xml)' : 'Ghost export (.json)'} to import.`);
    } catch (error) {
      // Whatever was saved before the form turned out wrong goes again.
      if (upload) await rm(upload.path, { force: true });
      throw error;
    }
  }

  function checkFields(fields: Record<string, string>): { kind: ImportKind; options: ImportRunOptions; feedUrl: string | undefined } {
    const kind = fields.kind ?? '';
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new DomainError('VALIDATION_FAILED', 'Choose what to import: a WordPress export, a Ghost export or a feed.');
    const options: ImportRunOptions = {};
    if (fields.dryRun === '1') options.dryRun = true;
    if (fields.fetchMedia === '1') {
      if (kind === 'feed') throw new DomainError('VALIDATION_FAILED', 'Fetching pictures is for WordPress and Ghost exports only.');
      options.fetchMedia = true;
    }
    const section = fields.sectionId ?? '';
    if (section !== '') {
      if (!/^[1-9][0-9]{0,9}$/.test(section)) throw new DomainError('VALIDATION_FAILED', 'Choose a section from the list.');
      if (kind !== 'feed') throw new DomainError('VALIDATION_FAILED', "A section is for a feed's drafts only; WordPress and Ghost sections come from the export.");
      options.sectionId = Number(section);
    }
    const feedUrl = (fields.feedUrl ?? '').trim();
    if (feedUrl !== '') {
      if (kind !== 'feed') throw new DomainError('VALIDATION_FAILED', 'An address is for feeds only; upload the export file.');
      let url: URL | undefined;
      try {
        url = new URL(feedUrl);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new DomainError('VALIDATION_FAILED', 'The feed address must start with https:// or http://.');
    }
    return { kind: kind as ImportKind, options, feedUrl: feedUrl || undefined };
  }
}

class TooLarge extends Error {}

/** Streams `file` to `path`; undefined (and no file left) when it passes `maxBytes`. Returns the size. */
async function saveAtMost(file: Readable & { truncated?: boolean }, path: string, maxBytes: number): Promise<number | undefined> {
  let size = 0;
  file.on('data', (chunk: Buffer) => (size += chunk.length));
  try {
    await pipeline(file, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  if (file.truncated || size > maxBytes) {
    await rm(path, { force: true });
    return undefined;
  }
  return size;
}
