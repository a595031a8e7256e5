import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { AccountDeps } from './log-in.js';
import { assertNewPassword } from './password-rules.js';

/** A reset link works this long. */
export const RESET_LINK_LIFETIME_MS = 3_600_000;
/** E-mails sent to one account in an hour; more requests get the same answer and no e-mail. */
const MAX_LINKS_PER_ACCOUNT_PER_HOUR = 3;
/** Requests from one address in an hour before it is told to wait. */
const MAX_REQUESTS_PER_ADDRESS_PER_HOUR = 20;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ResetEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Asks for a reset link. Whether or not the address belongs to an account that can sign in, the same
 * steps run (a lookup, two counts and one row written: a row naming no one for an unknown address) and
 * the caller gives the same answer; the e-mail to send comes back only for a real, active account.
 */
export async function requestPasswordReset(
  deps: AccountDeps,
  input: { email: string; ip: string; siteUrl: string; siteName: string },
): Promise<ResetEmail | undefined> {
  const { store, clock } = deps;
  const now = clock.now();
  const email = input.email.trim().toLowerCase();
  const credentials = email === '' || email.length > 320 ? undefined : await store.accounts.credentials(email);
  const user = credentials && credentials.passwordHash && !credentials.disabledAt ? credentials.user : undefined;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_LINK_LIFETIME_MS);
  // Counting and writing the link are one step for the account: 20 requests at once still send 3 links.
  const recent = await store.transaction(async (tx) => {
    if (user) await tx.passwordResets.holdAccount(user.id);
    const counts = await tx.passwordResets.recentCount({ userId: user?.id ?? null, ip: input.ip, since: new Date(now.getTime() - 3_600_000) });
    if (counts.fromAddress >= MAX_REQUESTS_PER_ADDRESS_PER_HOUR) {
      throw new DomainError('THROTTLED', 'Too many reset requests from your network. Try again in an hour.', { retryAfterSeconds: 3600 });
    }
    await tx.passwordResets.create({ tokenHash: hashToken(token), userId: user?.id ?? null, ip: input.ip, createdAt: now, expiresAt });
    return counts;
  });
  if (!user || recent.forUser >= MAX_LINKS_PER_ACCOUNT_PER_HOUR) return undefined;
  const link = `${input.siteUrl}/admin/reset?token=${token}`;
  return {
    to: user.email,
    subject: `Reset your ${input.siteName} password`,
    text: [
      `Someone (we hope you) asked to reset the password of your ${input.siteName} newsroom account.`,
      '',
      'To choose a new password, open this link within one hour. It works once:',
      '',
      link,
      '',
      'If you did not ask, ignore this e-mail: your password stays as it is.',
    ].join('\n'),
  };
}

/** Whether a reset link is still good (unused, unexpired, its password unchanged). Does not use it up. */
export async function resetLinkIsLive(deps: AccountDeps, token: string): Promise<boolean> {
  if (!/^[\w-]{20,100}$/.test(token)) return false;
  return (await deps.store.passwordResets.findLive(hashToken(token), deps.clock.now())) !== undefined;
}

/**
 * Sets a new password through a reset link: the link is used up, every other link of the account dies
 * with the old password, and every session of the account ends.
 */
export async function resetPassword(deps: AccountDeps, input: { token: string; password: string; ip: string }): Promise<void> {
  assertNewPassword(input.password);
  const dead = () => new DomainError('VALIDATION_FAILED', 'This reset link has expired or was already used. Ask for a new one at /admin/forgot.');
  if (!/^[\w-]{20,100}$/.test(input.token)) throw dead();
  // Hash before taking the link, so a slow hash never holds a transaction open.
  const passwordHash = await deps.hasher.hash(input.password);
  const now = deps.clock.now();
  await deps.store.transaction(async (store) => {
    const userId = await store.passwordResets.consume(hashToken(input.token), now);
    const user = userId === undefined ? undefined : await store.accounts.findUserById(userId);
    const credentials = user && (await store.accounts.credentials(user.email));
    if (!user || !credentials || credentials.disabledAt) throw dead();
    await store.accounts.setPassword(user.id, passwordHash);
    await store.accounts.deleteOtherSessions(user.id, undefined);
    await store.accounts.audit({ at: now, actorId: user.id, action: 'user.password_reset', subject: user.email, ip: input.ip });
  });
}
