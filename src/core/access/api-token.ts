import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../authors/author.js';

const ROLE_RANK: Record<Role, number> = { contributor: 0, author: 1, editor: 2, admin: 3 };

/** A new API token: shown once to the operator; only its hash is stored. */
export function newApiToken(): string {
  return `nd_${randomBytes(32).toString('base64url')}`;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when `role` may do what `required` may. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required];
}
