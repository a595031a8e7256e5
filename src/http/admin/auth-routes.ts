import type { FastifyInstance, FastifyRequest } from 'fastify';
import { logIn } from '../../core/accounts/log-in.js';
import { sessionId } from '../../core/accounts/sessions.js';
import { changePassword, setUpFirstAdmin, updateProfile } from '../../core/accounts/users.js';
import { isDomainError } from '../../core/errors.js';
import { LoginPage, MessagePage, PasswordPage, ProfilePage, SetupPage } from '../../render/templates/admin/auth-pages.js';
import { SESSION_COOKIE } from '../access.js';
import { STATUS_BY_CODE } from '../errors.js';
import { mediaPath } from '../../core/permalinks/permalinks.js';
import { chrome, clientIp, isSecure, safeNext, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { parseCookies, serializeCookie } from './cookies.js';
import { checkGuestCsrf, checkStaffCsrf, guestCsrfToken, type FormBody } from './forms.js';

const GUEST = { access: 'guest' } as const;
const SIGNED_IN = { access: { staff: 'admin.enter' } } as const;

/** Set-up, sign-in, sign-out and password change. */
export function registerAuthRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store, clock, config } = deps;
  const accountDeps = { store, clock, hasher: deps.hasher };
  const secure = isSecure(config);

  app.get<{ Querystring: { next?: string } }>('/admin/login', { config: GUEST }, async (request, reply) => {
    if (!(await store.accounts.hasSignInUsers())) return reply.redirect('/admin/setup', 303);
    const csrfToken = guestCsrfToken(request, reply, secure);
    return sendAdminHtml(reply, LoginPage({ chrome: chrome(deps, request), csrfToken, email: '', next: safeNext(request.query.next) }));
  });

  app.post<{ Body: FormBody }>('/admin/login', { config: GUEST }, async (request, reply) => {
    checkGuestCsrf(request, request.body);
    const email = request.body.email ?? '';
    const csrfToken = guestCsrfToken(request, reply, secure);
    try {
      const signedIn = await logIn(accountDeps, { email, password: request.body.password ?? '', ip: clientIp(request) });
      reply.header(
        'set-cookie',
        serializeCookie(SESSION_COOKIE, signedIn.sessionToken, {
          secure,
          sameSite: 'Lax',
          maxAgeSeconds: Math.floor((signedIn.expiresAt.getTime() - clock.now().getTime()) / 1000),
        }),
      );
      return reply.redirect(safeNext(request.body.next), 303);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'AUTH_FAILED' && error.code !== 'THROTTLED')) throw error;
      if (error.code === 'THROTTLED') reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
      const page = LoginPage({ chrome: chrome(deps, request, { error: error.message }), csrfToken, email, next: safeNext(request.body.next) });
      return sendAdminHtml(reply, page, STATUS_BY_CODE[error.code]);
    }
  });

  app.post<{ Body: FormBody }>('/admin/logout', { config: SIGNED_IN }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    if (token) await store.accounts.deleteSession(sessionId(token));
    reply.header('set-cookie', serializeCookie(SESSION_COOKIE, '', { secure, maxAgeSeconds: 0 }));
    return reply.redirect('/admin/login', 303);
  });

  const setupOpen = async () => !(await store.accounts.hasSignInUsers());

  app.get('/admin/setup', { config: GUEST }, async (request, reply) => {
    if (!(await setupOpen())) return reply.redirect('/admin/login', 303);
    const csrfToken = guestCsrfToken(request, reply, secure);
    return sendAdminHtml(reply, SetupPage({ chrome: chrome(deps, request), csrfToken, email: '', displayName: '' }));
  });

  app.post<{ Body: FormBody }>('/admin/setup', { config: GUEST }, async (request: FastifyRequest<{ Body: FormBody }>, reply) => {
    checkGuestCsrf(request, request.body);
    const { email = '', displayName = '', password = '' } = request.body;
    try {
      await setUpFirstAdmin(accountDeps, { email, displayName, password, ip: clientIp(request) });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const csrfToken = guestCsrfToken(request, reply, secure);
      const page = SetupPage({ chrome: chrome(deps, request, { error: error.message }), csrfToken, email, displayName });
      return sendAdminHtml(reply, page, STATUS_BY_CODE[error.code]);
    }
    return sendAdminHtml(
      reply,
      MessagePage({ chrome: chrome(deps, request), title: 'The newsroom is set up', message: 'Sign in at /admin/login with the e-mail and password you chose.' }),
    );
  });

  const avatarOf = async (mediaId: number | null) => {
    const image = mediaId === null ? undefined : await store.media.findById(mediaId);
    return image ? { avatar: mediaPath(image.crops['1x1']) } : {};
  };

  app.get<{ Querystring: { saved?: string } }>('/admin/profile', { config: SIGNED_IN }, async (request, reply) => {
    const user = request.staff!.user;
    const messages = request.query.saved ? { notice: 'Your portrait was saved.' } : {};
    return sendAdminHtml(
      reply,
      ProfilePage({ chrome: chrome(deps, request, messages), displayName: user.displayName, bio: user.bio, slug: user.slug, ...(await avatarOf(user.avatarMediaId)) }),
    );
  });

  app.post<{ Body: FormBody }>('/admin/profile', { config: SIGNED_IN }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const displayName = request.body.displayName ?? '';
    const bio = request.body.bio ?? '';
    const slug = request.body.slug ?? request.staff!.user.slug;
    const avatar = await avatarOf(request.staff!.user.avatarMediaId);
    try {
      await updateProfile({ ...accountDeps, bus: deps.bus }, { user: request.staff!.user, displayName, bio, slug });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const page = ProfilePage({ chrome: chrome(deps, request, { error: error.message }), displayName, bio, slug, ...avatar });
      return sendAdminHtml(reply, page, STATUS_BY_CODE[error.code]);
    }
    return sendAdminHtml(reply, ProfilePage({ chrome: chrome(deps, request, { notice: 'Your profile was saved.' }), displayName, bio, slug, ...avatar }));
  });

  app.get('/admin/password', { config: SIGNED_IN }, async (request, reply) =>
    sendAdminHtml(reply, PasswordPage({ chrome: chrome(deps, request) })),
  );

  app.post<{ Body: FormBody }>('/admin/password', { config: SIGNED_IN }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
      await changePassword(accountDeps, {
        user: request.staff!.user,
        current: request.body.current ?? '',
        next: request.body.next ?? '',
        ip: clientIp(request),
        ...(token ? { keepSessionId: sessionId(token) } : {}),
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, PasswordPage({ chrome: chrome(deps, request, { error: error.message }) }), STATUS_BY_CODE[error.code]);
    }
    return sendAdminHtml(reply, PasswordPage({ chrome: chrome(deps, request, { notice: 'Your password was changed.' }) }));
  });
}
