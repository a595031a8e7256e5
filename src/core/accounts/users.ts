import { assertValidSlug, slugify, uniqueSlug } from '../articles/slug.js';
import { authorPath } from '../permalinks/permalinks.js';
import type { InvalidationBus } from '../ports.js';
import { cacheKey } from '../publishing/cache-keys.js';
import type { Author, Role } from '../authors/author.js';
import { ROLES } from '../authors/author.js';
import { DomainError } from '../errors.js';
import type { AccountDeps } from './log-in.js';
import { assertNewPassword, assertPasswordSize } from './password-rules.js';
import { beginSignInAttempt } from './sign-in-throttle.js';

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,255}$/;

function assertRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new DomainError('VALIDATION_FAILED', `The role must be one of ${ROLES.join(', ')}.`, { field: 'role' });
  }
}

/** A new account's fields, checked, with the password hashed (done before any transaction: hashing is slow). */
async function preparedUser(
  deps: AccountDeps,
  input: { email: string; displayName: string; role: string; password: string },
): Promise<{ email: string; displayName: string; role: Role; passwordHash: string }> {
  const email = input.email.trim().toLowerCase();
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  if (!EMAIL.test(email)) throw new DomainError('VALIDATION_FAILED', `"${input.email}" is not an e-mail address.`, { field: 'email' });
  if (displayName === '' || displayName.length > 120) {
    throw new DomainError('VALIDATION_FAILED', 'A display name needs 1 to 120 characters.', { field: 'displayName' });
  }
  assertRole(input.role);
  assertNewPassword(input.password);
  return { email, displayName, role: input.role, passwordHash: await deps.hasher.hash(input.password) };
}

/** Writes a prepared account and its audit line with `store` (the caller's transaction). */
async function insertUser(
  deps: AccountDeps,
  store: AccountDeps['store'],
  user: { email: string; displayName: string; role: Role; passwordHash: string },
  input: { actorId: number | null; ip?: string },
): Promise<Author> {
  if (await store.users.findByEmail(user.email)) {
    throw new DomainError('VALIDATION_FAILED', `There is already an account for ${user.email}.`, { field: 'email' });
  }
  const slug = await uniqueSlug(slugify(user.displayName), async (candidate) => (await store.users.findBySlug(candidate)) !== undefined, 'author');
  const created = await store.users.create({ ...user, slug });
  await store.accounts.audit({
    at: deps.clock.now(),
    actorId: input.actorId,
    action: 'user.create',
    subject: user.email,
    detail: { role: created.role },
    ...(input.ip ? { ip: input.ip } : {}),
  });
  return created;
}

/** Creates a user who can sign in (and appear in bylines under `displayName`). */
export async function addUser(
  deps: AccountDeps,
  input: { email: string; displayName: string; role: string; password: string; actorId: number | null; ip?: string },
): Promise<Author> {
  const user = await preparedUser(deps, input);
  return deps.store.transaction((store) => insertUser(deps, store, user, input));
}

const setupDone = () => new DomainError('SETUP_DONE', 'This site is already set up, so no second first administrator can be made. Sign in at /admin/login.');

/**
 * The one-time set-up of an empty install: the first admin. Refused (SETUP_DONE) once anyone can sign in.
 * Two set-ups at once make one admin: each holds the same lock while it checks and writes, so the second
 * sees the first one's account and is refused.
 */
export async function setUpFirstAdmin(
  deps: AccountDeps,
  input: { email: string; displayName: string; password: string; ip?: string },
): Promise<Author> {
  if (await deps.store.accounts.hasSignInUsers()) throw setupDone();
  const user = await preparedUser(deps, { ...input, role: 'admin' });
  return deps.store.transaction(async (store) => {
    await store.settings.hold('first_admin_setup');
    if (await store.accounts.hasSignInUsers()) throw setupDone();
    return insertUser(deps, store, user, { actorId: null, ...(input.ip ? { ip: input.ip } : {}) });
  });
}

/** Changes a password after checking the current one (throttled like a sign-in); every other session of the user ends. */
export async function changePassword(
  deps: AccountDeps,
  input: { user: Author; current: string; next: string; ip?: string; keepSessionId?: string },
): Promise<void> {
  assertPasswordSize(input.current, 'current');
  assertNewPassword(input.next, 'next');
  // Guessing the current password from a stolen session is throttled like signing in.
  const attempt = await beginSignInAttempt(deps.store.signInThrottle, { email: input.user.email, ip: input.ip ?? '', now: deps.clock.now() });
  const credentials = await deps.store.accounts.credentials(input.user.email);
  if (!credentials?.passwordHash || !(await deps.hasher.verify(credentials.passwordHash, input.current).catch(() => false))) {
    await attempt.failed();
    throw new DomainError('AUTH_FAILED', 'The current password is not right.', { field: 'current' });
  }
  await attempt.succeeded();
  await deps.store.accounts.setPassword(input.user.id, await deps.hasher.hash(input.next));
  await deps.store.accounts.deleteOtherSessions(input.user.id, input.keepSessionId);
  await deps.store.accounts.audit({ at: deps.clock.now(), actorId: input.user.id, action: 'user.password', subject: input.user.email, ...(input.ip ? { ip: input.ip } : {}) });
}

export async function changeRole(deps: AccountDeps, input: { actor: Author; userId: number; role: string; ip?: string }): Promise<void> {
  assertRole(input.role);
  const user = await deps.store.accounts.findUserById(input.userId);
  if (!user) throw new DomainError('USER_NOT_FOUND', `There is no user ${input.userId}.`);
  if (user.id === input.actor.id && input.role !== 'admin') {
    throw new DomainError('VALIDATION_FAILED', 'You cannot take away your own admin role; ask another admin.');
  }
  await deps.store.accounts.setRole(user.id, input.role);
  await deps.store.accounts.audit({
    at: deps.clock.now(),
    actorId: input.actor.id,
    action: 'user.role',
    subject: user.email,
    detail: { from: user.role, to: input.role },
    ...(input.ip ? { ip: input.ip } : {}),
  });
}

/** Disabling ends the user's sessions at once; enabling lets them sign in again. */
export async function setUserDisabled(
  deps: AccountDeps,
  input: { actor: Author; userId: number; disabled: boolean; ip?: string },
): Promise<void> {
  const user = await deps.store.accounts.findUserById(input.userId);
  if (!user) throw new DomainError('USER_NOT_FOUND', `There is no user ${input.userId}.`);
  if (user.id === input.actor.id) throw new DomainError('VALIDATION_FAILED', 'You cannot disable your own account.');
  await deps.store.accounts.setDisabled(user.id, input.disabled ? deps.clock.now() : null);
  await deps.store.accounts.audit({
    at: deps.clock.now(),
    actorId: input.actor.id,
    action: input.disabled ? 'user.disable' : 'user.enable',
    subject: user.email,
    ...(input.ip ? { ip: input.ip } : {}),
  });
}

/** A person's own byline name and bio; every page that shows them is told (author:ID). */
export async function updateProfile(
  deps: AccountDeps & { bus?: InvalidationBus },
  input: { user: Author; displayName: string; bio: string; slug?: string },
): Promise<void> {
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  if (displayName === '' || displayName.length > 120) {
    throw new DomainError('VALIDATION_FAILED', 'A display name needs 1 to 120 characters.', { field: 'displayName' });
  }
  if (input.bio.length > 2000) throw new DomainError('VALIDATION_FAILED', 'A bio can have at most 2,000 characters.', { field: 'bio' });
  const slug = input.slug?.trim() || input.user.slug;
  assertValidSlug(slug);
  await deps.store.accounts.setProfile(input.user.id, { displayName, bio: input.bio.trim(), slug });
  if (slug !== input.user.slug) {
    await deps.store.redirects.add({ fromPath: authorPath(input.user.slug), toPath: authorPath(slug) });
  }
  await deps.bus?.publish([cacheKey.author(input.user.id), cacheKey.sitemapTaxonomy]);
}

/** Ends every session of the user, the one asking included ("sign out everywhere"). */
export async function signOutEverywhere(deps: AccountDeps, input: { user: Author; ip?: string }): Promise<void> {
  await deps.store.accounts.deleteOtherSessions(input.user.id, undefined);
  await deps.store.accounts.audit({
    at: deps.clock.now(),
    actorId: input.user.id,
    action: 'auth.sign_out_everywhere',
    subject: input.user.email,
    ...(input.ip ? { ip: input.ip } : {}),
  });
}

/**
 * Sets a password without knowing the old one: for the operator at the command line (`newsdesk user
 * password`), when someone is locked out and e-mail reset is not available. Every session of the user ends.
 */
export async function setPasswordAsOperator(deps: AccountDeps, input: { email: string; password: string }): Promise<Author> {
  assertNewPassword(input.password);
  const credentials = await deps.store.accounts.credentials(input.email.trim().toLowerCase());
  if (!credentials) throw new DomainError('USER_NOT_FOUND', `There is no account for ${input.email}.`);
  await deps.store.accounts.setPassword(credentials.user.id, await deps.hasher.hash(input.password));
  await deps.store.accounts.deleteOtherSessions(credentials.user.id, undefined);
  await deps.store.accounts.audit({ at: deps.clock.now(), actorId: null, action: 'user.password', subject: credentials.user.email, detail: { by: 'operator' } });
  return credentials.user;
}
