import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { completeSignIn, logIn, needsCode, openSession, PENDING_SIGN_IN_MS, type SignedIn } from '../../core/accounts/log-in.js';
import { sessionId } from '../../core/accounts/sessions.js';
import { twoFactorStatus } from '../../core/accounts/two-factor.js';
import { changePassword, setUpFirstAdmin, signOutEverywhere, updateProfile } from '../../core/accounts/users.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import { LoginPage, MessagePage, PasswordPage, ProfilePage, SetupPage } from '../../render/templates/admin/auth-pages.js';
import { CodePage } from '../../render/templates/admin/account-security-pages.js';
import { STATUS_BY_CODE } from '../errors.js';
import { PENDING_COOKIE, SESSION_COOKIE } from '../session-cookie.js';
import { mediaPath } from '../../core/permalinks/permalinks.js';
import { chrome, clientIp, isSecure, safeNext, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { parseCookies, serializeCookie } from './cookies.js';
import { checkGuestCsrf, checkStaffCsrf, guestCsrfToken, type FormBody } from './forms.js';
import { formSchema, querySchema } from './form-schema.js';
import { registerPasswordResetRoutes } from './password-reset-routes.js';
import { registerTwoStepRoutes } from './two-step-routes.js';

const GUEST = { access: 'guest' } as const;
const SIGNED_IN = { access: { staff: 'admin.enter' } } as const;

/** Errors a sign-in form shows on the page (anything else is the site's error page). */
const SIGN_IN_ERRORS = new Set(['AUTH_FAILED', 'THROTTLED', 'VALIDATION_FAILED']);

/** Set-up, sign-in (with the second step), sign-out, password change, profile; reset and two-step routes too. */
export function registerAuthRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store, clock, config } = deps;
  const accountDeps = { store, clock, hasher: deps.hasher };
  const secure = isSecure(config);

  /** Sets the new session's cookie; a session this browser already had ends, so none is left behind live. */
  const startSession = async (request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn) => {
    const previous = deps.cookies.open('session', parseCookies(request.headers.cookie).get(SESSION_COOKIE));
    if (previous) await store.accounts.deleteSession(sessionId(previous));
    reply.header(
      'set-cookie',
      serializeCookie(SESSION_COOKIE, deps.cookies.seal('session', signedIn.sessionToken), {
        secure,
        sameSite: 'Lax',
        maxAgeSeconds: Math.floor((signedIn.expiresAt.getTime() - clock.now().getTime()) / 1000),
      }),
    );
  };
  const endCookie = (reply: FastifyReply, name: string, path = '/') =>
    reply.header('set-cookie', serializeCookie(name, '', { secure, path, maxAgeSeconds: 0 }));
  const signInError = (reply: FastifyReply, error: unknown): error is DomainError => {
    if (!isDomainError(error) || !SIGN_IN_ERRORS.has(error.code)) return false;
    if (error.code === 'THROTTLED') reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
    return true;
  };

  app.get<{ Querystring: { next?: string } }>('/admin/login', { config: GUEST, schema: { querystring: querySchema(['next']) } }, async (request, reply) => {
    if (!(await store.accounts.hasSignInUsers())) return reply.redirect('/admin/setup', 303);
    const csrfToken = guestCsrfToken(request, reply, secure);
    return sendAdminHtml(reply, LoginPage({ chrome: chrome(deps, request), csrfToken, email: '', next: safeNext(request.query.next) }));
  });

  app.post<{ Body: FormBody }>('/admin/login', { config: GUEST, schema: { body: formSchema(['email', 'password', 'next']) } }, async (request, reply) => {
    checkGuestCsrf(request, request.body);
    const email = request.body.email ?? '';
    const next = safeNext(request.body.next);
    const csrfToken = guestCsrfToken(request, reply, secure);
    try {
      const result = await logIn(accountDeps, { email, password: request.body.password ?? '', ip: clientIp(request) });
      if (needsCode(result)) {
        reply.header(
          'set-cookie',
          serializeCookie(PENDING_COOKIE, deps.cookies.seal('pending', result.pendingToken), {
            secure,
            path: '/admin/login',
            sameSite: 'Strict',
            maxAgeSeconds: Math.floor(PENDING_SIGN_IN_MS / 1000),
          }),
        );
        return reply.redirect(`/admin/login/code?next=${encodeURIComponent(next)}`, 303);
      }
      await startSession(request, reply, result);
      return reply.redirect(next, 303);
    } catch (error) {
      if (!signInError(reply, error)) throw error;
      const page = LoginPage({ chrome: chrome(deps, request, { error: error.message }), csrfToken, email, next });
      return sendAdminHtml(reply, page, STATUS_BY_CODE[error.code]);
    }
  });

  const pendingToken = (request: FastifyRequest) => deps.cookies.open('pending', parseCookies(request.headers.cookie).get(PENDING_COOKIE));

  app.get<{ Querystring: { next?: string } }>('/admin/login/code', { config: GUEST, schema: { querystring: querySchema(['next']) } }, async (request, reply) => {
    if (!pendingToken(request)) return reply.redirect('/admin/login', 303);
    const csrfToken = guestCsrfToken(request, reply, secure);
    return sendAdminHtml(reply, CodePage({ chrome: chrome(deps, request), csrfToken, next: safeNext(request.query.next) }));
  });

  app.post<{ Body: FormBody }>('/admin/login/code', { config: GUEST, schema: { body: formSchema(['code', 'next']) } }, async (request, reply) => {
    checkGuestCsrf(request, request.body);
    const next = safeNext(request.body.next);
    const csrfToken = guestCsrfToken(request, reply, secure);
    try {
      const token = pendingToken(request);
      if (!token) throw new DomainError('AUTH_FAILED', 'This sign-in has expired. Start again with your e-mail and password.');
      const signedIn = await completeSignIn(accountDeps, { pendingToken: token, code: request.body.code ?? '', ip: clientIp(request) });
      endCookie(reply, PENDING_COOKIE, '/admin/login');
      await startSession(request, reply, signedIn);
      return reply.redirect(next, 303);
    } catch (error) {
      if (!signInError(reply, error)) throw error;
      return sendAdminHtml(reply, CodePage({ chrome: chrome(deps, request, { error: error.message }), csrfToken, next }), STATUS_BY_CODE[error.code]);
    }
  });

  app.post<{ Body: FormBody }>('/admin/logout', { config: SIGNED_IN, schema: { body: formSchema([]) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    if (request.sessionToken) await store.accounts.deleteSession(sessionId(request.sessionToken));
    endCookie(reply, SESSION_COOKIE);
    return reply.redirect('/admin/login', 303);
  });

  app.post<{ Body: FormBody }>('/admin/sessions/end-all', { config: SIGNED_IN, schema: { body: formSchema([]) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    await signOutEverywhere(accountDeps, { user: request.staff!.user, ip: clientIp(request) });
    endCookie(reply, SESSION_COOKIE);
    return reply.redirect('/admin/login', 303);
  });

  const setupOpen = async () => !(await store.accounts.hasSignInUsers());

  app.get('/admin/setup', { config: GUEST }, async (request, reply) => {
    if (!(await setupOpen())) return reply.redirect('/admin/login', 303);
    const csrfToken = guestCsrfToken(request, reply, secure);
    return sendAdminHtml(reply, SetupPage({ chrome: chrome(deps, request), csrfToken, email: '', displayName: '' }));
  });

  app.post<{ Body: FormBody }>('/admin/setup', { config: GUEST, schema: { body: formSchema(['email', 'displayName', 'password']) } }, async (request, reply) => {
    checkGuestCsrf(request, request.body);
    const { email = '', displayName = '', password = '' } = request.body;
    try {
      const admin = await setUpFirstAdmin(accountDeps, { email, displayName, password, ip: clientIp(request) });
      // The new admin is signed in at once, exactly as the sign-in form would do it.
      await startSession(request, reply, await openSession(accountDeps, { user: admin, ip: clientIp(request), method: 'setup' }));
      return reply.redirect('/admin', 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'SETUP_DONE') {
        const page = MessagePage({ chrome: chrome(deps, request, { error: error.message }), title: 'The newsroom is already set up', message: 'Someone finished setting up this site first. Sign in with your account, or ask the administrator for one.', link: { href: '/admin/login', label: 'Sign in' } });
        return sendAdminHtml(reply, page, STATUS_BY_CODE[error.code]);
      }
      const csrfToken = guestCsrfToken(request, reply, secure);
      const page = SetupPage({ chrome: chrome(deps, request, { error: error.message }), csrfToken, email, displayName });
      return sendAdminHtml(reply, page, STATUS_BY_CODE[error.code]);
    }
  });

  const profileExtras = async (user: { id: number; avatarMediaId: number | null }) => {
    const image = user.avatarMediaId === null ? undefined : await store.media.findById(user.avatarMediaId);
    return { ...(image ? { avatar: mediaPath(image.crops['1x1']) } : {}), twoStep: await twoFactorStatus(deps, user.id) };
  };

  app.get<{ Querystring: { saved?: string } }>('/admin/profile', { config: SIGNED_IN, schema: { querystring: querySchema(['saved']) } }, async (request, reply) => {
    const user = request.staff!.user;
    const messages = request.query.saved ? { notice: 'Your portrait was saved.' } : {};
    return sendAdminHtml(
      reply,
      ProfilePage({ chrome: chrome(deps, request, messages), displayName: user.displayName, bio: user.bio, slug: user.slug, ...(await profileExtras(user)) }),
    );
  });

  app.post<{ Body: FormBody }>('/admin/profile', { config: SIGNED_IN, schema: { body: formSchema(['displayName', 'bio', 'slug']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const displayName = request.body.displayName ?? '';
    const bio = request.body.bio ?? '';
    const slug = request.body.slug ?? request.staff!.user.slug;
    const extras = await profileExtras(request.staff!.user);
    try {
      await updateProfile({ ...accountDeps, bus: deps.bus }, { user: request.staff!.user, displayName, bio, slug });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const page = ProfilePage({ chrome: chrome(deps, request, { error: error.message }), displayName, bio, slug, ...extras });
      return sendAdminHtml(reply, page, STATUS_BY_CODE[error.code]);
    }
    return sendAdminHtml(reply, ProfilePage({ chrome: chrome(deps, request, { notice: 'Your profile was saved.' }), displayName, bio, slug, ...extras }));
  });

  app.get('/admin/password', { config: SIGNED_IN }, async (request, reply) =>
    sendAdminHtml(reply, PasswordPage({ chrome: chrome(deps, request) })),
  );

  app.post<{ Body: FormBody }>('/admin/password', { config: SIGNED_IN, schema: { body: formSchema(['current', 'next']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      await changePassword(accountDeps, {
        user: request.staff!.user,
        current: request.body.current ?? '',
        next: request.body.next ?? '',
        ip: clientIp(request),
        ...(request.sessionToken ? { keepSessionId: sessionId(request.sessionToken) } : {}),
      });
    } catch (error) {
      if (!signInError(reply, error)) throw error;
      return sendAdminHtml(reply, PasswordPage({ chrome: chrome(deps, request, { error: error.message }) }), STATUS_BY_CODE[error.code]);
    }
    return sendAdminHtml(reply, PasswordPage({ chrome: chrome(deps, request, { notice: 'Your password was changed.' }) }));
  });

  registerPasswordResetRoutes(app, deps);
  registerTwoStepRoutes(app, deps);
}
