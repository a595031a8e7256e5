import { DomainError } from '../errors.js';
import type { SignInThrottleStore } from './security-ports.js';

/** How sign-in attempts (passwords and two-step codes alike) are limited. */
export const SIGN_IN_LIMITS = Object.freeze({
  /** Wrong answers for one account before it locks. */
  failuresBeforeLock: 5,
  /** The first lock; each further one lasts twice as long as the one before … */
  firstLockMs: 10 * 60_000,
  /** … up to this. */
  longestLockMs: 24 * 3_600_000,
  /** Failures further apart than this start a new streak. */
  streakMs: 3_600_000,
  /** Locks are forgotten once the last one ended this long ago (or at a full sign-in). */
  forgetLocksMs: 24 * 3_600_000,
  /** Different accounts one address may fail on within `addressWindowMs`; the next attempt is refused. */
  accountsPerAddress: 5,
  addressWindowMs: 10 * 60_000,
});

/** Length of the lock that follows `earlierLocks` locks. */
export function lockLengthMs(earlierLocks: number): number {
  return Math.min(SIGN_IN_LIMITS.firstLockMs * 2 ** earlierLocks, SIGN_IN_LIMITS.longestLockMs);
}

/** "10 minutes", "2 hours 40 minutes", "45 seconds": how long to wait, in words. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (hours === 0) return part(minutes, 'minute');
  return rest === 0 ? part(hours, 'hour') : `${part(hours, 'hour')} ${part(rest, 'minute')}`;
}

function throttled(reason: string, waitMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new DomainError('THROTTLED', `${reason} Try again in ${describeWait(seconds)}.`, { retryAfterSeconds: seconds });
}

/** A sign-in attempt that holds a slot: report how it ended, exactly once. */
export interface SignInAttempt {
  /** A wrong password or code: counted, and the account locks at the limit. */
  failed(): Promise<void>;
  /** A full sign-in: the account's failures are forgotten. */
  succeeded(): Promise<void>;
  /** Neither (the password was right but a code is still to come): the slot is given back, failures stay. */
  release(): Promise<void>;
}

/**
 * Takes a slot for an attempt on `email` from `ip` before any password or code is checked; throws THROTTLED
 * (with the wait) when the address or the account may not try now. While it throws, nothing is checked.
 */
export async function beginSignInAttempt(
  store: SignInThrottleStore,
  input: { email: string; ip: string; now: Date },
): Promise<SignInAttempt> {
  const { email, ip, now } = input;
  const at = now.getTime();
  const limits = SIGN_IN_LIMITS;
  const address = await store.reserveAddress({ ip, email, at: now, since: new Date(at - limits.addressWindowMs) });
  if (address.otherAccounts >= limits.accountsPerAddress) {
    await store.releaseAddress(address.id);
    throw throttled('Too many failed sign-ins from your network.', limits.addressWindowMs);
  }
  const slot = await store.reserveAccount({
    email,
    now,
    limit: limits.failuresBeforeLock,
    streakStart: new Date(at - limits.streakMs),
    forgetLocksBefore: new Date(at - limits.forgetLocksMs),
  });
  if (!slot.granted) {
    await store.releaseAddress(address.id);
    // Every slot taken but no lock yet: the attempts still being checked are about to lock the account.
    const waitMs = slot.lockedUntil ? slot.lockedUntil.getTime() - at : lockLengthMs(slot.lockouts);
    throw throttled('This account is locked after too many wrong passwords or codes.', waitMs);
  }
  return {
    async failed() {
      const { failures, lockouts } = await store.accountFailed(email);
      // Each failure gets its own count, so exactly one request sees the limit and sets the lock.
      if (failures === limits.failuresBeforeLock) {
        await store.lockAccount({ email, until: new Date(at + lockLengthMs(lockouts)) });
      }
      await store.prune({ attemptsBefore: new Date(at - limits.addressWindowMs), accountsBefore: new Date(at - limits.forgetLocksMs) });
    },
    async succeeded() {
      await store.accountSucceeded(email);
      await store.releaseAddress(address.id);
    },
    async release() {
      await store.releaseAccount(email);
      await store.releaseAddress(address.id);
    },
  };
}
