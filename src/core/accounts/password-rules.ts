import { DomainError } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 10;
/**
 * Longest password, in UTF-8 bytes, checked before anything hashes it: argon2 takes the whole input, so a
 * megabyte "password" would be a cheap way to make the server work hard.
 */
export const MAX_PASSWORD_BYTES = 4096;

/** Refuses a password too long to hash (any password: at sign-in too). */
export function assertPasswordSize(password: string, field = 'password'): void {
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes > MAX_PASSWORD_BYTES) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `A password can be at most ${MAX_PASSWORD_BYTES.toLocaleString('en')} bytes long; this one is ${bytes.toLocaleString('en')} bytes. Use a shorter one.`,
      { field },
    );
  }
}

/** The rule for a new password, wherever one is chosen (set-up, people, change, reset, CLI). */
export function assertNewPassword(password: string, field = 'password'): void {
  assertPasswordSize(password, field);
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, { field });
  }
}
