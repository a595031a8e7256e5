import { DomainError } from '../errors.js';
import type { Clock, Store } from '../ports.js';
import type { FeedImportReport } from './import-report.js';

/** The outbox job that polls one subscription. */
export const FEED_POLL_JOB = 'feed.poll';
export const MIN_POLL_MINUTES = 5;
export const MAX_POLL_MINUTES = 7 * 24 * 60;

export interface FeedSubscription {
  id: number;
  url: string;
  sectionId: number | null;
  everyMinutes: number;
  active: boolean;
  generation: number;
  lastPolledAt: Date | null;
  lastReport: FeedImportReport | null;
  lastError: string | null;
  createdBy: number | null;
  createdAt: Date;
}

export interface FeedSubscriptionStore {
  /** Adds one, or takes over the one with this address (new section and interval, started again). */
  upsert(input: { url: string; sectionId: number | null; everyMinutes: number; createdBy: number | null; at: Date }): Promise<FeedSubscription>;
  findById(id: number): Promise<FeedSubscription | undefined>;
  list(): Promise<FeedSubscription[]>;
  /** Moves the generation on (and sets `active`) when it is still `generation`; false when it moved already. */
  advance(id: number, generation: number, changes: { active?: boolean }): Promise<boolean>;
  recordPoll(id: number, result: { at: Date; report?: FeedImportReport; error?: string }): Promise<void>;
}

export interface FeedPollPayload {
  subscriptionId: number;
  generation: number;
}

/** Checks what a person asked for; throws VALIDATION_FAILED with a message to act on. */
export function checkSubscription(input: { url: string; everyMinutes: number }): void {
  let url: URL | undefined;
  try {
    url = new URL(input.url);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new DomainError('VALIDATION_FAILED', 'The feed address must start with https:// or http://.');
  if (!Number.isInteger(input.everyMinutes) || input.everyMinutes < MIN_POLL_MINUTES || input.everyMinutes > MAX_POLL_MINUTES) {
    throw new DomainError('VALIDATION_FAILED', `Poll every ${MIN_POLL_MINUTES} minutes at the most often, once a week at the least.`);
  }
}

/**
 * Starts polling a feed (or restarts it with new settings): the subscription and its first poll, due now,
 * in one transaction. A chain of polls that was running stops, because its generation is no longer current.
 */
export async function subscribeToFeed(
  deps: { store: Store; clock: Clock },
  input: { url: string; sectionId: number | null; everyMinutes: number; actorId: number | null },
): Promise<FeedSubscription> {
  checkSubscription(input);
  return deps.store.transaction(async (store) => {
    const subscription = await store.feeds.upsert({ url: input.url, sectionId: input.sectionId, everyMinutes: input.everyMinutes, createdBy: input.actorId, at: deps.clock.now() });
    await store.outbox.enqueue({ kind: FEED_POLL_JOB, payload: { subscriptionId: subscription.id, generation: subscription.generation } satisfies FeedPollPayload, availableAt: deps.clock.now() });
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'feed.subscribe', subject: input.url.slice(0, 300) });
    return subscription;
  });
}

/** Stops polling a feed; its drafts stay. */
export async function unsubscribeFromFeed(deps: { store: Store; clock: Clock }, input: { id: number; actorId: number | null }): Promise<void> {
  await deps.store.transaction(async (store) => {
    const subscription = await store.feeds.findById(input.id);
    if (!subscription) throw new DomainError('NOT_FOUND', `There is no feed subscription ${input.id}.`);
    await store.feeds.advance(input.id, subscription.generation, { active: false });
    await store.accounts.audit({ at: deps.clock.now(), actorId: input.actorId, action: 'feed.unsubscribe', subject: subscription.url.slice(0, 300) });
  });
}

/**
 * One poll (the outbox job): a stale one (its generation moved on) does nothing. Otherwise the feed is read and
 * its new entries become drafts (`poll`), the outcome is recorded, and the next poll is scheduled. A feed that
 * cannot be read is recorded as such and polled again at the next interval: the job itself never fails, so
 * the outbox does not retry it faster than asked.
 */
export async function pollFeed(
  deps: { store: Store; clock: Clock; poll: (subscription: FeedSubscription) => Promise<FeedImportReport> },
  payload: FeedPollPayload,
): Promise<'polled' | 'stale'> {
  const subscription = await deps.store.feeds.findById(payload.subscriptionId);
  if (!subscription || !subscription.active || subscription.generation !== payload.generation) return 'stale';
  let result: { report?: FeedImportReport; error?: string };
  try {
    result = { report: await deps.poll(subscription) };
  } catch (error) {
    result = { error: (error as Error).message.slice(0, 1000) };
  }
  const now = deps.clock.now();
  await deps.store.transaction(async (store) => {
    await store.feeds.recordPoll(subscription.id, { at: now, ...result });
    if (await store.feeds.advance(subscription.id, subscription.generation, {})) {
      await store.outbox.enqueue({
        kind: FEED_POLL_JOB,
        payload: { subscriptionId: subscription.id, generation: subscription.generation + 1 } satisfies FeedPollPayload,
        availableAt: new Date(now.getTime() + subscription.everyMinutes * 60_000),
      });
    }
  });
  return 'polled';
}
