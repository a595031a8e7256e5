import { PassThrough, type Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { SitePage } from '../../render/templates/admin/site-pages.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema } from './form-schema.js';

const MOVE = { access: { staff: 'site.move' } } as const;

/** Writes the whole site's export (gzip-compressed, without secrets) to `out`; made by the composition root. */
export interface SiteExporter {
  stream(out: Writable): Promise<unknown>;
}

/** Export and import (admins). */
export function registerExportImportRoutes(app: FastifyInstance, deps: AdminDeps & { siteExporter?: SiteExporter }): void {
  app.get('/admin/site', { config: MOVE }, async (request, reply) => sendAdminHtml(reply, SitePage({ chrome: chrome(deps, request) })));

  // A POST with the form's token, so no other site can start an export in an admin's name.
  app.post<{ Body: FormBody }>('/admin/export', { config: MOVE, schema: { body: formSchema([]) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const exporter = deps.siteExporter;
    if (!exporter) return reply.code(503).type('text/plain; charset=utf-8').send('Export is not available on this server; run newsdesk export FILE.');
    const user = request.staff!.user;
    await deps.store.accounts.audit({ at: deps.clock.now(), actorId: user.id, action: 'site.export', subject: 'the whole site', ip: clientIp(request) });
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
}
