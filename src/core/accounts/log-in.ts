import { DomainError } from '../errors.js';
import type { Author } from '../authors/author.js';
import type { Clock, PasswordHasher, Store } from '../ports.js';
import { assertPasswordSize } from './password-rules.js';
import { newCsrfToken, newSessionToken, SESSION_LIFETIME_MS, sessionId } from './sessions.js';
import { beginSignInAttempt } from './sign-in-throttle.js';
import { checkSecondFactor } from './two-factor.js';

export interface AccountDeps {
  store: Store;
  clock: Clock;
  hasher: PasswordHasher;
}

// Verified when the e-mail is unknown, so a wrong address takes as long as a wrong password.
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$f8sOD16fpp2F5PfnlFjHwg$dSyVI/M6QRQbeAb0+s7q4tpSVGiNJyCLY/fXrBrQomo';

/** How long the step between a right password and the code may take. */
export const PENDING_SIGN_IN_MS = 5 * 60_000;

export interface SignedIn {
  user: Author;
  /** For the cookie; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

/** The password was right and the account has two-step sign-in: a code must follow. Not a session. */
export interface CodeNeeded {
  /** For the pending cookie; only its hash is stored, in a table no session lookup reads. */
  pendingToken: string;
  expiresAt: Date;
}

const wrongCredentials = () => new DomainError('AUTH_FAILED', 'That e-mail and password do not match an active account.');

/**
 * Checks e-mail and password. Refuses with THROTTLED (and the wait) before anything is checked when the
 * account is locked or the address has failed on too many accounts; with AUTH_FAILED otherwise, never
 * saying which of e-mail or password was wrong. Disabled accounts cannot sign in. With two-step sign-in on,
 * a right password gives a pending state (CodeNeeded), not a session.
 */
export async function logIn(deps: AccountDeps, input: { email: string; password: string; ip: string }): Promise<SignedIn | CodeNeeded> {
  const { store, clock, hasher } = deps;
  assertPasswordSize(input.password);
  const email = input.email.trim().toLowerCase();
  const now = clock.now();
  const attempt = await beginSignInAttempt(store.signInThrottle, { email, ip: input.ip, now });
  let credentials;
  let matches: boolean;
  try {
    credentials = email === '' ? undefined : await store.accounts.credentials(email);
    matches = await hasher.verify(credentials?.passwordHash ?? DECOY_HASH, input.password).catch(() => false);
  } catch (error) {
    await attempt.release();
    throw error;
  }
  if (!credentials || !credentials.passwordHash || !matches || credentials.disabledAt) {
    await attempt.failed();
    throw wrongCredentials();
  }
  const user = credentials.user;
  if ((await store.twoFactor.state(user.id)).secret) {
    await attempt.release();
    const { token, id } = newSessionToken();
    const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_MS);
    await store.twoFactor.createPending({ id, userId: user.id, expiresAt });
    return { pendingToken: token, expiresAt };
  }
  await attempt.succeeded();
  return openSession(deps, { user, ip: input.ip, method: 'password' });
}

/**
 * The second step: a code from the authenticator app (or an unused recovery code) for a pending sign-in.
 * Throttled like passwords, on the same account; a code already accepted is refused.
 */
export async function completeSignIn(deps: AccountDeps, input: { pendingToken: string; code: string; ip: string }): Promise<SignedIn> {
  const { store, clock } = deps;
  const now = clock.now();
  const pendingId = sessionId(input.pendingToken);
  const expired = () => new DomainError('AUTH_FAILED', 'This sign-in has expired. Start again with your e-mail and password.');
  const userId = await store.twoFactor.findPending(pendingId, now);
  const user = userId === undefined ? undefined : await store.accounts.findUserById(userId);
  const credentials = user && (await store.accounts.credentials(user.email));
  if (!user || !credentials || credentials.disabledAt) throw expired();
  const attempt = await beginSignInAttempt(store.signInThrottle, { email: user.email, ip: input.ip, now });
  let accepted: boolean;
  try {
    accepted = await checkSecondFactor(deps, { userId: user.id, code: input.code });
  } catch (error) {
    await attempt.release();
    throw error;
  }
  if (!accepted) {
    await attempt.failed();
    throw new DomainError('AUTH_FAILED', 'That code is not right, or it was already used. Enter the current code from your app, or a recovery code.', { field: 'code' });
  }
  if (!(await store.twoFactor.consumePending(pendingId))) {
    await attempt.release();
    throw expired();
  }
  await attempt.succeeded();
  return openSession(deps, { user, ip: input.ip, method: 'two-step' });
}

/** A new session for `user`, who has just proved who they are (signing in, or setting up the site). */
export async function openSession(deps: AccountDeps, input: { user: Author; ip: string; method: string }): Promise<SignedIn> {
  const now = deps.clock.now();
  const { token, id } = newSessionToken();
  const csrfToken = newCsrfToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await deps.store.accounts.createSession({ id, userId: input.user.id, csrfToken, createdAt: now, expiresAt });
  await deps.store.accounts.audit({
    at: now,
    actorId: input.user.id,
    action: 'auth.sign_in',
    subject: input.user.email,
    detail: { method: input.method },
    ip: input.ip,
  });
  return { user: input.user, sessionToken: token, csrfToken, expiresAt };
}

/** Whether `logIn` asked for a code rather than opening a session. */
export function needsCode(result: SignedIn | CodeNeeded): result is CodeNeeded {
  return 'pendingToken' in result;
}
