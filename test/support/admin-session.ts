import { addUser } from '../../src/core/accounts/users.js';
import type { Role } from '../../src/core/authors/author.js';
import { argon2Hasher } from '../../src/app/argon2-hasher.js';
import type { TestApp } from './test-app.js';

/** A browser-like client for the admin: keeps cookies, finds the CSRF token, posts forms. */
export class AdminClient {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: TestApp) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  }

  private remember(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = decodeURIComponent(pair.slice(index + 1));
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(url: string) {
    const response = await this.app.server.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(response.headers['set-cookie']);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }

  /** Posts a form; a list of values is sent as a repeated field (ticked checkboxes). */
  async post(url: string, fields: Record<string, string | number | ReadonlyArray<string | number>>, options: { csrf?: boolean } = {}) {
    const body = new URLSearchParams(
      Object.entries({ ...(options.csrf === false ? {} : { _csrf: this.csrf }), ...fields }).flatMap(([k, v]) => [v].flat().map((one): [string, string] => [k, String(one)])),
    );
    const response = await this.app.server.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(response.headers['set-cookie']);
    return response;
  }

  /** Posts a picture the way the editor's upload form does. */
  async upload(url: string, fields: Record<string, string | number>, file: { name: string; type: string; data: Buffer }) {
    const body = multipartBody({ _csrf: this.csrf, ...fields }, { field: 'file', ...file });
    const response = await this.app.server.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': body.contentType, accept: 'application/json' },
      payload: body.payload,
    });
    this.remember(response.headers['set-cookie']);
    return response;
  }

  /** Signs in through the real form; throws when that fails. */
  async signIn(email: string, password: string): Promise<this> {
    await this.get('/admin/login');
    const response = await this.post('/admin/login', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign-in failed with ${response.statusCode}: ${response.body.slice(0, 300)}`);
    await this.get('/admin');
    return this;
  }
}

export const PASSWORD = 'correct horse battery';

/** A user of this role who can sign in (email `${role}@newsroom.test` unless given). */
export async function makeUser(app: TestApp, role: Role, name = `${role[0]!.toUpperCase()}${role.slice(1)} Person`, email = `${role}@newsroom.test`) {
  return addUser(
    { store: app.store, clock: app.clock, hasher: argon2Hasher },
    { email, displayName: name, role, password: PASSWORD, actorId: null },
  );
}

/** A multipart/form-data body with text fields first, then one file (as a browser sends it). */
export function multipartBody(fields: Record<string, string | number>, file: { field: string; name: string; type: string; data: Buffer }) {
  const boundary = `----newsdesk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
