/**
 * What account security needs from a database: atomic sign-in counting, shared settings, reset links and
 * two-step sign-in. Every method that decides something does it in one statement (or one transaction), so
 * parallel requests and several processes cannot slip between a check and a write.
 */

export type AccountSlot = { granted: true } | { granted: false; lockedUntil: Date | null; lockouts: number };

export interface SignInThrottleStore {
  /**
   * Writes this attempt from `ip`, then counts the other accounts with attempts from that address after
   * `since` (the attempt's own row excluded). Insert first, count second: of any set of parallel requests,
   * the one whose row lands k-th sees at least k-1 others, so no more than the limit can pass.
   */
  reserveAddress(input: { ip: string; email: string; at: Date; since: Date }): Promise<{ id: number; otherAccounts: number }>;
  /** Forgets an attempt that was refused or succeeded (only failures stay counted). */
  releaseAddress(id: number): Promise<void>;
  /**
   * Takes one of the account's `limit` slots with one conditional update: refused while the account is
   * locked or every slot is taken. A streak whose last attempt began before `streakStart` starts over, and
   * the count of earlier locks is forgotten once the last lock ended before `forgetLocksBefore`.
   */
  reserveAccount(input: { email: string; now: Date; limit: number; streakStart: Date; forgetLocksBefore: Date }): Promise<AccountSlot>;
  /** Turns the caller's slot into a failure; returns the streak's failures (unique per caller) and the locks so far. */
  accountFailed(email: string): Promise<{ failures: number; lockouts: number }>;
  /** Locks the account until `until`, counts the lock, and starts a new streak. */
  lockAccount(input: { email: string; until: Date }): Promise<void>;
  /** A full sign-in: the streak's failures and earlier locks are forgotten; other callers keep their slots. */
  accountSucceeded(email: string): Promise<void>;
  /** Gives the caller's slot back without a verdict (the attempt was refused for another reason). */
  releaseAccount(email: string): Promise<void>;
  /** Drops address attempts from before `attemptsBefore` and account rows idle and unlocked since `accountsBefore`. */
  prune(input: { attemptsBefore: Date; accountsBefore: Date }): Promise<void>;
}

export interface SettingsStore {
  /** The stored value of `name`; when there is none yet, stores `candidate` first. Every process gets the same value. */
  getOrCreate(name: string, candidate: string): Promise<string>;
  /**
   * Holds the named setting's row until the transaction ends: another transaction that holds the same name
   * waits for this one to commit or roll back. Call it inside a transaction.
   */
  hold(name: string): Promise<void>;
}

export interface PasswordResetStore {
  /** Makes other transactions that hold the same account wait until this one ends (a row lock on the user). */
  holdAccount(userId: number): Promise<void>;
  /** Writes a link (with `userId` null when the address named no account, so both take the same path). */
  create(input: { tokenHash: string; userId: number | null; ip: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  /** Links written for the user, and from the address, since `since`. */
  recentCount(input: { userId: number | null; ip: string; since: Date }): Promise<{ forUser: number; fromAddress: number }>;
  /** The user a live (unused, unexpired) link belongs to. */
  findLive(tokenHash: string, now: Date): Promise<number | undefined>;
  /** Marks a live link used, once: the user it belonged to, or undefined when it was not live. */
  consume(tokenHash: string, now: Date): Promise<number | undefined>;
}

export interface TwoFactorState {
  secret: string | null;
  pendingSecret: string | null;
  lastStep: number | null;
}

export interface TwoFactorStore {
  state(userId: number): Promise<TwoFactorState>;
  setPendingSecret(userId: number, secret: string | null): Promise<void>;
  /** Turns two-step sign-in on with the pending secret and these recovery codes (hashed), in one transaction. */
  /**
   * Turns it on with `secret` if it is still off and `secret` is still the pending one (atomic); false when
   * another request turned it on first, and then nothing is written.
   */
  enable(input: { userId: number; secret: string; step: number; recoveryCodeHashes: readonly string[] }): Promise<boolean>;
  /** Turns it off and drops the recovery codes and pending sign-ins. */
  disable(userId: number): Promise<void>;
  /** Accepts a time step only if it is later than the last accepted one (atomic): a code is never used twice. */
  useStep(userId: number, step: number): Promise<boolean>;
  /** Marks an unused recovery code used (atomic): true when it was there and unused. */
  useRecoveryCode(userId: number, codeHash: string, at: Date): Promise<boolean>;
  unusedRecoveryCodes(userId: number): Promise<number>;
  createPending(input: { id: string; userId: number; expiresAt: Date }): Promise<void>;
  /** The user of a live pending sign-in. */
  findPending(id: string, now: Date): Promise<number | undefined>;
  /** Ends a pending sign-in; true for the one caller that ended it. */
  consumePending(id: string): Promise<boolean>;
}

/** Sends e-mail (SMTP in production). */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}
