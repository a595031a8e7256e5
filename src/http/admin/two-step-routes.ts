import type { FastifyInstance } from 'fastify';
import { confirmTwoFactor, disableTwoFactor, startTwoFactor, twoFactorStatus } from '../../core/accounts/two-factor.js';
import { isDomainError } from '../../core/errors.js';
import { RecoveryCodesPage, TwoStepPage } from '../../render/templates/admin/account-security-pages.js';
import { STATUS_BY_CODE } from '../errors.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema } from './form-schema.js';

const SIGNED_IN = { access: { staff: 'admin.enter' } } as const;

/** Setting up two-step sign-in (TOTP) from the profile, and turning it off with a code. */
export function registerTwoStepRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const twoFactorDeps = { store: deps.store, clock: deps.clock };

  async function page(request: Parameters<typeof chrome>[1], messages: { notice?: string; error?: string } = {}) {
    const user = request.staff!.user;
    const status = await twoFactorStatus(twoFactorDeps, user.id);
    if (status.on) return TwoStepPage({ chrome: chrome(deps, request, messages), on: true, recoveryCodesLeft: status.recoveryCodesLeft });
    const enrolment = await startTwoFactor(twoFactorDeps, { user, issuer: deps.config.siteName });
    return TwoStepPage({ chrome: chrome(deps, request, messages), on: false, ...enrolment });
  }

  app.get('/admin/profile/two-step', { config: SIGNED_IN }, async (request, reply) => sendAdminHtml(reply, await page(request)));

  app.post<{ Body: FormBody }>('/admin/profile/two-step/enable', { config: SIGNED_IN, schema: { body: formSchema(['code']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      const codes = await confirmTwoFactor(twoFactorDeps, { user: request.staff!.user, code: request.body.code ?? '', ip: clientIp(request) });
      return sendAdminHtml(reply, RecoveryCodesPage({ chrome: chrome(deps, request), codes }));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await page(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });

  app.post<{ Body: FormBody }>('/admin/profile/two-step/disable', { config: SIGNED_IN, schema: { body: formSchema(['code']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      await disableTwoFactor(twoFactorDeps, { user: request.staff!.user, code: request.body.code ?? '', ip: clientIp(request) });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'THROTTLED') reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
      return sendAdminHtml(reply, await page(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
    return sendAdminHtml(reply, await page(request, { notice: 'Two-step sign-in is off.' }));
  });
}
