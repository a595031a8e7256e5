import { createHash, randomBytes } from 'node:crypto';

/** Staff sessions last this long; signing in again starts a new one. */
export const SESSION_LIFETIME_MS = 14 * 86_400_000;

/** A random token for the cookie and the sha256 id stored in the database. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionId(token) };
}

export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
