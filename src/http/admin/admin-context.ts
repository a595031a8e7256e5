import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import { can } from '../../core/access/capabilities.js';
import type { Clock, InvalidationBus, MarkdownRenderer, PasswordHasher, Store } from '../../core/ports.js';
import type { AdminChrome } from '../../render/templates/admin/admin-layout.js';
import type { SiteAssets } from '../site/assets.js';
import type { Mailer } from '../../core/accounts/security-ports.js';
import type { CookieSigner } from '../session-cookie.js';

export interface AdminDeps {
  config: Config;
  store: Store;
  clock: Clock;
  hasher: PasswordHasher;
  markdown: MarkdownRenderer;
  bus: InvalidationBus;
  assets: SiteAssets;
  /** Signs and checks the session and pending sign-in cookies. */
  cookies: CookieSigner;
  /** Sends password-reset e-mail; reset by e-mail is unavailable without it. */
  mailer?: Mailer;
}

/** Header, navigation and messages of an admin page for this request. */
export function chrome(deps: Pick<AdminDeps, 'config' | 'assets'>, request: FastifyRequest, extra: Pick<AdminChrome, 'notice' | 'error' | 'scripts'> = {}): AdminChrome {
  const staff = request.staff;
  return {
    siteName: deps.config.siteName,
    stylesheetHref: deps.assets.adminStylesheetHref,
    scriptHref: deps.assets.adminScriptHref,
    ...(staff
      ? {
          user: {
            displayName: staff.user.displayName,
            role: staff.user.role,
            canManageUsers: can(staff.user.role, 'users.manage'),
            canMoveSite: can(staff.user.role, 'site.move'),
            canManagePages: can(staff.user.role, 'pages.manage'),
            canManageTaxonomy: can(staff.user.role, 'taxonomy.manage'),
          },
          csrfToken: staff.csrfToken,
        }
      : {}),
    ...extra,
  };
}

/** Admin pages are private and never cached anywhere. */
export function sendAdminHtml(reply: FastifyReply, element: JSX.Element, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(element as string);
}

/** The address a request came from (the socket's; no proxy headers are trusted by default). */
export function clientIp(request: FastifyRequest): string {
  return request.ip;
}

export const isSecure = (config: Config) => config.siteUrl.startsWith('https://');

/** Only same-site paths may be a redirect target after signing in. */
export function safeNext(next: string | undefined): string {
  return next && /^\/admin(\/[\w\-/?=&%.]*)?$/.test(next) && !next.startsWith('//') ? next : '/admin';
}
