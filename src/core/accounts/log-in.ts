import { DomainError } from '../errors.js';
import type { Author } from '../authors/author.js';
import type { Clock, PasswordHasher, Store } from '../ports.js';
import { newCsrfToken, newSessionToken, SESSION_LIFETIME_MS } from './sessions.js';

/** Wrong passwords allowed per account in THROTTLE_WINDOW_MS; the next attempt is refused with THROTTLED. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Wrong passwords allowed from one address (over all accounts) in the window. */
export const MAX_FAILURES_PER_IP = 20;
export const THROTTLE_WINDOW_MS = 60_000;

export interface AccountDeps {
  store: Store;
  clock: Clock;
  hasher: PasswordHasher;
}

// Verified when the e-mail is unknown, so a wrong address takes as long as a wrong password.
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$f8sOD16fpp2F5PfnlFjHwg$dSyVI/M6QRQbeAb0+s7q4tpSVGiNJyCLY/fXrBrQomo';

export interface SignedIn {
  user: Author;
  /** For the cookie; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Checks e-mail and password and opens a session. Refuses with THROTTLED (and a retry time) after too many
 * wrong passwords for the account or from the address in the last minute, and with AUTH_FAILED otherwise,
 * never saying which of e-mail or password was wrong. Disabled accounts cannot sign in.
 */
export async function logIn(deps: AccountDeps, input: { email: string; password: string; ip: string }): Promise<SignedIn> {
  const { store, clock, hasher } = deps;
  const email = input.email.trim().toLowerCase();
  const now = clock.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [forAccount, forAddress] = await Promise.all([
    store.accounts.failuresSince({ email, since }),
    store.accounts.failuresSince({ ip: input.ip, since }),
  ]);
  if (forAccount >= MAX_FAILURES_PER_ACCOUNT || forAddress >= MAX_FAILURES_PER_IP) {
    throw new DomainError('THROTTLED', 'Too many wrong passwords in the last minute. Wait a minute and try again.', {
      retryAfterSeconds: Math.ceil(THROTTLE_WINDOW_MS / 1000),
    });
  }
  const credentials = email === '' ? undefined : await store.accounts.credentials(email);
  const hash = credentials?.passwordHash ?? DECOY_HASH;
  const matches = await hasher.verify(hash, input.password).catch(() => false);
  if (!credentials || !credentials.passwordHash || !matches || credentials.disabledAt) {
    await store.accounts.recordFailure({ email, ip: input.ip, at: now });
    throw new DomainError('AUTH_FAILED', 'That e-mail and password do not match an active account.');
  }
  const { token, id } = newSessionToken();
  const csrfToken = newCsrfToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await store.accounts.createSession({ id, userId: credentials.user.id, csrfToken, createdAt: now, expiresAt });
  await store.accounts.audit({ at: now, actorId: credentials.user.id, action: 'auth.sign_in', subject: email, ip: input.ip });
  return { user: credentials.user, sessionToken: token, csrfToken, expiresAt };
}
