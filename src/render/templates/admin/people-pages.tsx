import type { AuditEntry } from '../../../core/ports.js';
import { ROLES } from '../../../core/authors/author.js';
import { AdminLayout, type AdminChrome } from './admin-layout.js';

export interface PersonRow {
  id: number;
  displayName: string;
  email: string;
  role: string;
  disabled: boolean;
  canSignIn: boolean;
  isSelf: boolean;
}

export function UsersPage(props: { chrome: AdminChrome; people: PersonRow[] }): JSX.Element {
  const csrf = props.chrome.csrfToken ?? '';
  return (
    <AdminLayout chrome={props.chrome} title="People">
      <h1>People</h1>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((person) => (
            <tr>
              <td safe>{person.displayName}</td>
              <td safe>{person.email}</td>
              <td>
                <form method="post" action={`/admin/users/${person.id}/role`} class="inline-form">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <label class="visually-hidden" for={`role-${person.id}`}>
                    Role of <span safe>{person.displayName}</span>
                  </label>
                  <select id={`role-${person.id}`} name="role">
                    {ROLES.map((role) => (
                      <option value={role} selected={role === person.role}>
                        {role}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit" class="secondary">
                    Change
                  </button>
                </form>
              </td>
              <td>
                {person.isSelf ? (
                  'you'
                ) : (
                  <form method="post" action={`/admin/users/${person.id}/${person.disabled ? 'enable' : 'disable'}`} class="inline-form">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" class="secondary">
                      {person.disabled ? 'Enable' : 'Disable'}
                    </button>
                  </form>
                )}
                {person.canSignIn ? '' : <p class="hint">Byline only (no password)</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a person</h2>
      <form method="post" action="/admin/users" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="new-name">Name as shown in bylines</label>
        <input id="new-name" name="displayName" required maxlength="120" />
        <label for="new-email">E-mail</label>
        <input id="new-email" name="email" type="email" required />
        <label for="new-role">Role</label>
        <select id="new-role" name="role">
          {ROLES.map((role) => (
            <option value={role} selected={role === 'contributor'}>
              {role}
            </option>
          ))}
        </select>
        <label for="new-password">First password (at least 10 characters; they can change it)</label>
        <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="10" />
        <button type="submit">Add person</button>
      </form>
    </AdminLayout>
  );
}

export function AuditPage(props: { chrome: AdminChrome; entries: Array<AuditEntry & { when: string }> }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Audit log">
      <h1>Audit log</h1>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Subject</th>
            <th scope="col">Address</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => (
            <tr>
              <td>
                <time datetime={entry.at.toISOString()} safe>
                  {entry.when}
                </time>
              </td>
              <td safe>{entry.actorName ?? (entry.apiKeyName !== null ? `API key “${entry.apiKeyName}”` : '—')}</td>
              <td safe>{entry.action}</td>
              <td safe>{`${entry.subject} ${Object.keys(entry.detail).length > 0 ? JSON.stringify(entry.detail) : ''}`}</td>
              <td safe>{entry.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
