import type { FastifyReply, FastifyRequest } from 'fastify';
import { NewsroomErrorPage } from '../../render/templates/admin/newsroom-error-page.js';
import { newsroomErrorView } from '../../render/view-models/newsroom-error.js';
import { sessionOf } from '../access.js';
import type { HttpFailure } from '../errors.js';
import { chrome, safeNext, sendAdminHtml, type AdminDeps } from './admin-context.js';

/** The same-site newsroom page a form was sent from (Referer), when there is one. */
function cameFrom(request: FastifyRequest, siteUrl: string): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    if (from.origin !== new URL(siteUrl).origin) return undefined;
    const path = `${from.pathname}${from.search}`;
    return safeNext(path) === path ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers a failed newsroom page inside the newsroom's layout: the message, what to do, and a way back
 * (the newsroom for someone signed in, signing in for anyone else). The session is looked up when the
 * access check has not done so already, except while the database is the problem.
 */
export async function sendNewsroomError(
  deps: Pick<AdminDeps, 'config' | 'assets' | 'store' | 'clock'>,
  request: FastifyRequest,
  reply: FastifyReply,
  failure: Pick<HttpFailure, 'status' | 'message' | 'fault'>,
): Promise<FastifyReply> {
  if (!request.staff && !failure.fault && failure.status !== 401) {
    request.staff = await sessionOf(deps.store, deps.clock, request.sessionToken).catch(() => undefined);
  }
  const retry = request.method === 'GET' && safeNext(request.url) === request.url ? request.url : undefined;
  const back = request.method === 'GET' ? undefined : cameFrom(request, deps.config.siteUrl);
  const view = newsroomErrorView({
    status: failure.status,
    message: failure.message,
    signedIn: request.staff !== undefined,
    ...(retry ? { retry } : {}),
    ...(back ? { back } : {}),
  });
  return sendAdminHtml(reply, NewsroomErrorPage({ chrome: chrome(deps, request), view }), failure.status);
}
