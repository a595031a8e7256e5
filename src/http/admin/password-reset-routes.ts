import type { FastifyInstance } from 'fastify';
import { requestPasswordReset, resetLinkIsLive, resetPassword } from '../../core/accounts/password-reset.js';
import { isDomainError } from '../../core/errors.js';
import { ForgotPage, ResetPage } from '../../render/templates/admin/account-security-pages.js';
import { MessagePage } from '../../render/templates/admin/auth-pages.js';
import { chrome, clientIp, isSecure, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkGuestCsrf, guestCsrfToken, type FormBody } from './forms.js';
import { formSchema, querySchema } from './form-schema.js';

const GUEST = { access: 'guest' } as const;

/** "Forgot password?": a single-use link by e-mail, valid one hour; unavailable without SMTP. */
export function registerPasswordResetRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store, clock, config, mailer } = deps;
  const accountDeps = { store, clock, hasher: deps.hasher };
  const secure = isSecure(config);

  app.get('/admin/forgot', { config: GUEST }, async (request, reply) => {
    const csrfToken = guestCsrfToken(request, reply, secure);
    return sendAdminHtml(reply, ForgotPage({ chrome: chrome(deps, request), csrfToken, available: mailer !== undefined, sent: false }));
  });

  app.post<{ Body: FormBody }>('/admin/forgot', { config: GUEST, schema: { body: formSchema(['email']) } }, async (request, reply) => {
    checkGuestCsrf(request, request.body);
    const csrfToken = guestCsrfToken(request, reply, secure);
    if (!mailer) return sendAdminHtml(reply, ForgotPage({ chrome: chrome(deps, request), csrfToken, available: false, sent: false }), 503);
    let email;
    try {
      email = await requestPasswordReset(accountDeps, {
        email: request.body.email ?? '',
        ip: clientIp(request),
        siteUrl: config.siteUrl,
        siteName: config.siteName,
      });
    } catch (error) {
      if (!isDomainError(error, 'THROTTLED')) throw error;
      reply.header('retry-after', String(error.details.retryAfterSeconds ?? 3600));
      return sendAdminHtml(reply, MessagePage({ chrome: chrome(deps, request), title: 'Please wait', message: error.message }), 429);
    }
    // Sent after answering, and never awaited: the answer (and its timing) is the same whether or not
    // there was anyone to write to, and a mail server that fails or hangs says nothing to the requester.
    if (email) {
      mailer.send(email).catch((error: unknown) => request.log.error({ err: error }, 'the password-reset e-mail could not be sent'));
    }
    return sendAdminHtml(reply, ForgotPage({ chrome: chrome(deps, request), csrfToken, available: true, sent: true }));
  });

  app.get<{ Querystring: { token?: string } }>('/admin/reset', { config: GUEST, schema: { querystring: querySchema(['token']) } }, async (request, reply) => {
    const token = request.query.token ?? '';
    const live = await resetLinkIsLive(accountDeps, token);
    const csrfToken = guestCsrfToken(request, reply, secure);
    return sendAdminHtml(reply, ResetPage({ chrome: chrome(deps, request), csrfToken, token, live }), live ? 200 : 400);
  });

  app.post<{ Body: FormBody }>('/admin/reset', { config: GUEST, schema: { body: formSchema(['token', 'password']) } }, async (request, reply) => {
    checkGuestCsrf(request, request.body);
    const token = request.body.token ?? '';
    try {
      await resetPassword(accountDeps, { token, password: request.body.password ?? '', ip: clientIp(request) });
    } catch (error) {
      if (!isDomainError(error, 'VALIDATION_FAILED')) throw error;
      const csrfToken = guestCsrfToken(request, reply, secure);
      const live = await resetLinkIsLive(accountDeps, token);
      return sendAdminHtml(reply, ResetPage({ chrome: chrome(deps, request, { error: error.message }), csrfToken, token, live }), 400);
    }
    return sendAdminHtml(
      reply,
      MessagePage({
        chrome: chrome(deps, request),
        title: 'Your password was changed',
        message: 'You were signed out everywhere. Sign in at /admin/login with your new password.',
      }),
    );
  });
}
