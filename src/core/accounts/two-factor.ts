import { createHash, randomBytes } from 'node:crypto';
import type { Author } from '../authors/author.js';
import { DomainError } from '../errors.js';
import type { Clock, Store } from '../ports.js';
import { beginSignInAttempt } from './sign-in-throttle.js';
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from './totp.js';

interface TwoFactorDeps {
  store: Store;
  clock: Clock;
}

export const RECOVERY_CODE_COUNT = 10;

/** Recovery codes are compared without case, spaces or dashes, and stored only as a hash. */
function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}

/** Ten codes of 10 base32 characters (50 random bits each), written "abcde-fghij". */
function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

/**
 * Whether `code` is the account's current TOTP code (a step not used before) or one of its unused recovery
 * codes; either is used up by being accepted.
 */
export async function checkSecondFactor(deps: TwoFactorDeps, input: { userId: number; code: string }): Promise<boolean> {
  const code = input.code.replace(/\s/g, '');
  const { secret } = await deps.store.twoFactor.state(input.userId);
  if (!secret || code === '' || code.length > 64) return false;
  if (/^\d+$/.test(code)) {
    const step = matchTotp(secret, code, deps.clock.now());
    return step !== undefined && deps.store.twoFactor.useStep(input.userId, step);
  }
  return deps.store.twoFactor.useRecoveryCode(input.userId, recoveryCodeHash(code), deps.clock.now());
}

export interface Enrolment {
  secret: string;
  uri: string;
}

/** Starts (or resumes) enrolment: a secret kept as pending until a code from the app confirms it. */
export async function startTwoFactor(deps: TwoFactorDeps, input: { user: Author; issuer: string }): Promise<Enrolment> {
  const state = await deps.store.twoFactor.state(input.user.id);
  if (state.secret) throw new DomainError('VALIDATION_FAILED', 'Two-step sign-in is already on. Turn it off first to start again.');
  const secret = state.pendingSecret ?? newTotpSecret();
  if (!state.pendingSecret) await deps.store.twoFactor.setPendingSecret(input.user.id, secret);
  return { secret, uri: otpauthUri({ secret, issuer: input.issuer, account: input.user.email }) };
}

/** Turns two-step sign-in on once `code` matches the pending secret; returns the recovery codes, shown once. */
export async function confirmTwoFactor(deps: TwoFactorDeps, input: { user: Author; code: string; ip: string }): Promise<string[]> {
  const state = await deps.store.twoFactor.state(input.user.id);
  if (state.secret) throw new DomainError('VALIDATION_FAILED', 'Two-step sign-in is already on.');
  if (!state.pendingSecret) throw new DomainError('VALIDATION_FAILED', 'Start setting up two-step sign-in first.');
  const step = matchTotp(state.pendingSecret, input.code.replace(/\s/g, ''), deps.clock.now());
  if (step === undefined) {
    throw new DomainError('VALIDATION_FAILED', 'That code does not match. Check the time on your phone and enter the 6 digits the app shows now.', {
      field: 'code',
    });
  }
  const codes = newRecoveryCodes();
  // The form sent twice at once: only the first turns it on, so the codes on the page that says so are the ones kept.
  if (!(await deps.store.twoFactor.enable({ userId: input.user.id, secret: state.pendingSecret, step, recoveryCodeHashes: codes.map(recoveryCodeHash) }))) {
    throw new DomainError('VALIDATION_FAILED', 'Two-step sign-in is already on.');
  }
  await deps.store.accounts.audit({ at: deps.clock.now(), actorId: input.user.id, action: 'user.two_step_on', subject: input.user.email, ip: input.ip });
  return codes;
}

/** Turns two-step sign-in off with a current code or a recovery code (throttled like a sign-in). */
export async function disableTwoFactor(deps: TwoFactorDeps, input: { user: Author; code: string; ip: string }): Promise<void> {
  if (!(await deps.store.twoFactor.state(input.user.id)).secret) return;
  const attempt = await beginSignInAttempt(deps.store.signInThrottle, { email: input.user.email, ip: input.ip, now: deps.clock.now() });
  if (!(await checkSecondFactor(deps, { userId: input.user.id, code: input.code }))) {
    await attempt.failed();
    throw new DomainError('AUTH_FAILED', 'That code is not right, or it was already used.', { field: 'code' });
  }
  await attempt.release();
  await deps.store.twoFactor.disable(input.user.id);
  await deps.store.accounts.audit({ at: deps.clock.now(), actorId: input.user.id, action: 'user.two_step_off', subject: input.user.email, ip: input.ip });
}

/** Whether two-step sign-in is on, and how many recovery codes are left. */
export async function twoFactorStatus(deps: TwoFactorDeps, userId: number): Promise<{ on: boolean; recoveryCodesLeft: number }> {
  const { secret } = await deps.store.twoFactor.state(userId);
  return { on: secret !== null, recoveryCodesLeft: secret ? await deps.store.twoFactor.unusedRecoveryCodes(userId) : 0 };
}
