import type { FastifyInstance } from 'fastify';
import { addUser, changeRole, setUserDisabled } from '../../core/accounts/users.js';
import { isDomainError } from '../../core/errors.js';
import { AuditPage, UsersPage } from '../../render/templates/admin/people-pages.js';
import { STATUS_BY_CODE } from '../errors.js';
import { chrome, clientIp, sendAdminHtml, type AdminDeps } from './admin-context.js';
import { checkStaffCsrf, type FormBody } from './forms.js';
import { formSchema, ID_PARAMS } from './form-schema.js';

const USERS = { access: { staff: 'users.manage' } } as const;
const AUDIT = { access: { staff: 'audit.read' } } as const;

/** People (admins only): list, add, change role, disable; and the audit log. */
export function registerPeopleRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store, clock } = deps;
  const accountDeps = { store, clock, hasher: deps.hasher };

  async function page(request: Parameters<typeof chrome>[1], messages: { notice?: string; error?: string } = {}) {
    const people = (await store.accounts.listUsers()).map((person) => ({ ...person, isSelf: person.id === request.staff?.user.id }));
    return UsersPage({ chrome: chrome(deps, request, messages), people });
  }

  app.get('/admin/users', { config: USERS }, async (request, reply) => sendAdminHtml(reply, await page(request)));

  app.post<{ Body: FormBody }>('/admin/users', { config: USERS, schema: { body: formSchema(['email', 'displayName', 'role', 'password']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    const { email = '', displayName = '', role = '', password = '' } = request.body;
    try {
      const user = await addUser(accountDeps, { email, displayName, role, password, actorId: request.staff!.user.id, ip: clientIp(request) });
      return sendAdminHtml(reply, await page(request, { notice: `${user.displayName} was added as ${user.role}.` }));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await page(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });

  app.post<{ Body: FormBody; Params: { id: number } }>('/admin/users/:id/role', { config: USERS, schema: { params: ID_PARAMS, body: formSchema(['role']) } }, async (request, reply) => {
    checkStaffCsrf(request, request.body);
    try {
      await changeRole(accountDeps, { actor: request.staff!.user, userId: request.params.id, role: request.body.role ?? '', ip: clientIp(request) });
      return sendAdminHtml(reply, await page(request, { notice: 'The role was changed.' }));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendAdminHtml(reply, await page(request, { error: error.message }), STATUS_BY_CODE[error.code]);
    }
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post<{ Body: FormBody; Params: { id: number } }>(`/admin/users/:id/${action}`, { config: USERS, schema: { params: ID_PARAMS, body: formSchema([]) } }, async (request, reply) => {
      checkStaffCsrf(request, request.body);
      try {
        await setUserDisabled(accountDeps, { actor: request.staff!.user, userId: request.params.id, disabled: action === 'disable', ip: clientIp(request) });
        return sendAdminHtml(reply, await page(request, { notice: action === 'disable' ? 'The account was disabled and signed out.' : 'The account was enabled.' }));
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return sendAdminHtml(reply, await page(request, { error: error.message }), STATUS_BY_CODE[error.code]);
      }
    });
  }

  app.get('/admin/audit', { config: AUDIT }, async (request, reply) => {
    const format = new Intl.DateTimeFormat(deps.config.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: deps.config.timeZone });
    const entries = (await store.accounts.auditLog(200)).map((entry) => ({ ...entry, when: format.format(entry.at) }));
    return sendAdminHtml(reply, AuditPage({ chrome: chrome(deps, request), entries }));
  });
}
