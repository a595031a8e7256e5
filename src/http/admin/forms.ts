import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { parseCookies, serializeCookie } from './cookies.js';

/** Form fields as strings; a field sent twice keeps its last value, except where `all` is asked. */
export type FormBody = Record<string, string> & { __all?: Record<string, string[]> };

/** Largest admin form we accept (an article body with room to spare). */
const FORM_LIMIT_BYTES = 2 * 1024 * 1024;

/** Parses application/x-www-form-urlencoded bodies for the admin's HTML forms. */
export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES }, (_request, body, done) => {
    const params = new URLSearchParams(String(body));
    const fields: FormBody = {};
    const all: Record<string, string[]> = {};
    for (const [name, value] of params) {
      fields[name] = value;
      (all[name] ??= []).push(value);
    }
    Object.defineProperty(fields, '__all', { value: all, enumerable: false });
    done(null, fields);
  });
}

/** Every value of a repeated field (checkboxes, ordered lists). */
export function allValues(body: FormBody, name: string): string[] {
  return body.__all?.[name] ?? [];
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const GUEST_CSRF_COOKIE = 'newsdesk_csrf';

/** The CSRF token for sign-in and set-up forms: kept in a cookie, echoed by the form (double submit). */
export function guestCsrfToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = parseCookies(request.headers.cookie).get(GUEST_CSRF_COOKIE);
  if (existing && /^[\w-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.header('set-cookie', serializeCookie(GUEST_CSRF_COOKIE, token, { path: '/admin', sameSite: 'Strict', secure, maxAgeSeconds: 7200 }));
  return token;
}

/** Refuses (403) a guest form whose `_csrf` field does not match its cookie. */
export function checkGuestCsrf(request: FastifyRequest, body: FormBody | undefined): void {
  const cookie = parseCookies(request.headers.cookie).get(GUEST_CSRF_COOKIE) ?? '';
  const field = body?._csrf ?? '';
  if (cookie === '' || field === '' || !same(cookie, field)) {
    throw new DomainError('FORBIDDEN', 'This form has expired or did not come from this site. Reload the page and try again.');
  }
}

/** Refuses (403) a staff form whose `_csrf` field is not the session's token. */
export function checkStaffCsrf(request: FastifyRequest, body: FormBody | undefined): void {
  const expected = request.staff?.csrfToken ?? '';
  const field = body?._csrf ?? String(request.headers['x-csrf-token'] ?? '');
  if (expected === '' || field === '' || !same(expected, field)) {
    throw new DomainError('FORBIDDEN', 'This form has expired or did not come from this site. Reload the page and try again.');
  }
}
