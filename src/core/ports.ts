import type { FeedSubscriptionStore } from './imports/feed-subscriptions.js';
import type { PageStore } from './pages/page.js';
import type { ImportRunStore } from './imports/import-runs.js';
import type { PasswordResetStore, SettingsStore, SignInThrottleStore, TwoFactorStore } from './accounts/security-ports.js';
import type { ArticleWrites } from './ports/article-writes.js';
import type { PublicArticleReads } from './ports/public-reads.js';
import type { ArticleSearch } from './ports/article-search.js';
import type { SitemapSource } from './ports/sitemap-source.js';
import type { NewsroomList } from './ports/newsroom-list.js';
import type { RevisionStore } from './ports/revisions.js';
import type { CategoryStore, TagStore, RedirectStore, ImportMapStore } from './ports/taxonomy-stores.js';
import type { UserStore, AccountStore } from './ports/people-stores.js';
import type { ApiKeyStore, OutboxStore } from './ports/jobs-and-keys.js';
import type { MediaStore } from './ports/media-store.js';
import type { PendingEditStore } from './ports/pending-edits.js';
import type { ArticleNoteStore } from './ports/article-notes.js';
import type { DemoMarkStore } from './ports/demo-marks.js';

// The ports are split by concern under ports/, so that each reader can name only what it uses; this file
// keeps the cross-cutting ones and the Store that bundles them.
export type * from './ports/article-writes.js';
export type * from './ports/public-reads.js';
export type * from './ports/article-search.js';
export type * from './ports/sitemap-source.js';
export type * from './ports/newsroom-list.js';
export type * from './ports/revisions.js';
export type * from './ports/taxonomy-stores.js';
export type * from './ports/people-stores.js';
export type * from './ports/jobs-and-keys.js';
export type * from './ports/media-store.js';
export type * from './ports/pending-edits.js';
export type * from './ports/article-notes.js';
export type * from './ports/demo-marks.js';

/** Where "now" comes from. Injected everywhere so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Carries dependency keys of changed content to every process (in-process, over IPC between cluster workers,
 * or PostgreSQL LISTEN/NOTIFY), so each can drop exactly the cached responses that showed it.
 */
export interface InvalidationBus {
  /** Applies locally at once, then tells the other processes. */
  publish(keys: readonly string[]): Promise<void>;
  /** Called for every published batch, this process's own included. Returns an unsubscribe function. */
  subscribe(listener: (keys: readonly string[]) => void): () => void;
  close(): Promise<void>;
}

/** Markdown to safe HTML: the site's one renderer, used for bodies, previews and feeds. */
export interface MarkdownRenderer {
  render(markdown: string): string;
}

/**
 * Everything about articles, by concern: writes and lookups, what readers see, search, sitemaps, the
 * newsroom's list and revisions. Code that needs one concern takes that interface, not this one.
 */
export type ArticleStore = ArticleWrites & PublicArticleReads & ArticleSearch & SitemapSource & NewsroomList & RevisionStore;

/** Everything the application needs from a database. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly articles: ArticleStore;
  readonly categories: CategoryStore;
  readonly tags: TagStore;
  readonly users: UserStore;
  readonly redirects: RedirectStore;
  /** Source ids of imported things and the rows they became (idempotent, resumable imports). */
  readonly imports: ImportMapStore;
  /** Feeds polled on a schedule (migration 0023). */
  readonly feeds: FeedSubscriptionStore;
  /** Static pages (About, Contact), in the articles' slug space (migration 0022). */
  readonly pages: PageStore;
  /** Imports started from the newsroom, with their progress (migration 0021). */
  readonly importRuns: ImportRunStore;
  readonly apiKeys: ApiKeyStore;
  readonly outbox: OutboxStore;
  readonly accounts: AccountStore;
  readonly media: MediaStore;
  /** Working copies of live articles and edits kept aside for merging. */
  readonly pending: PendingEditStore;
  readonly signInThrottle: SignInThrottleStore;
  readonly settings: SettingsStore;
  readonly passwordResets: PasswordResetStore;
  readonly twoFactor: TwoFactorStore;
  /** The desk's notes on articles (newsroom only). */
  readonly notes: ArticleNoteStore;
  /** Marks on the rows the demo seed created. */
  readonly demo: DemoMarkStore;
  /** Runs `work` in one transaction with a store bound to it; rolls back when it throws. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}
