import type { Role } from '../authors/author.js';

/** What a role may do. Routes declare the capability they need; the server checks it on every request. */
export type Capability =
  | 'admin.enter'
  | 'article.create'
  | 'article.edit.own'
  | 'article.edit.any'
  | 'article.publish.own'
  | 'article.publish.any'
  | 'article.byline'
  /** Change an article's address (slug) or canonical URL: contributors may not. */
  | 'article.permalink'
  /** Publish with a time in the past: admins only (an editor cannot make news look older than it is). */
  | 'article.backdate'
  | 'taxonomy.manage'
  /** Write, publish and delete static pages (About, Contact): editors and admins. */
  | 'pages.manage'
  | 'users.manage'
  | 'audit.read'
  /** Export the whole site, import from other systems: admins only (an export holds everyone's e-mail address). */
  | 'site.move';

const CONTRIBUTOR: readonly Capability[] = ['admin.enter', 'article.create', 'article.edit.own'];
const AUTHOR: readonly Capability[] = [...CONTRIBUTOR, 'article.publish.own', 'article.permalink'];
const EDITOR: readonly Capability[] = [...AUTHOR, 'article.edit.any', 'article.publish.any', 'article.byline', 'taxonomy.manage', 'pages.manage'];
const ADMIN: readonly Capability[] = [...EDITOR, 'users.manage', 'audit.read', 'article.backdate', 'site.move'];

export const CAPABILITIES: Readonly<Record<Role, ReadonlySet<Capability>>> = {
  contributor: new Set(CONTRIBUTOR),
  author: new Set(AUTHOR),
  editor: new Set(EDITOR),
  admin: new Set(ADMIN),
};

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].has(capability);
}
