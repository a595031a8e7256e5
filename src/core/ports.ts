import type { Article, ArticleDraft, ArticleStatus, ArticleSummary, Byline } from './articles/article.js';
import type { Category, Tag } from './taxonomy/taxonomy.js';
import type { Author, NewUser, Role } from './authors/author.js';
import type { Cursor } from './articles/cursor.js';
import type { Media } from './images/image.js';
import type { PasswordResetStore, SettingsStore, SignInThrottleStore, TwoFactorStore } from './accounts/security-ports.js';

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

/** Fields of an article a write may change; absent means unchanged. */
export interface ArticleChanges {
  slug?: string;
  title?: string;
  dek?: string;
  bodyMd?: string;
  bodyHtml?: string;
  excerpt?: string;
  status?: ArticleStatus;
  publishedAt?: Date | null;
  firstPublishedAt?: Date | null;
  updatedAt: Date;
  primaryCategoryId?: number | null;
  featuredMediaId?: number | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
  canonicalUrl?: string | null;
  noindex?: boolean;
  authorIds?: readonly number[];
  tagIds?: readonly number[];
}

/** Markdown to safe HTML: the site's one renderer, used for bodies, previews and feeds. */
export interface MarkdownRenderer {
  render(markdown: string): string;
}

/** Which published articles a listing shows. Every list is newest first, ties broken by id. */
export interface ArticleListQuery {
  now: Date;
  limit: number;
  before?: Cursor;
  /** Articles whose primary category is one of these (a section and its subsections: see `descendantIds`). */
  categoryIds?: readonly number[];
  tagId?: number;
  authorId?: number;
  excludeIds?: readonly number[];
}

export interface ArticleStore {
  create(draft: ArticleDraft): Promise<Article>;
  /** Public lookup: only a visible article (published, `published_at <= now`). */
  findPublicBySlug(slug: string, now: Date): Promise<Article | undefined>;
  findById(id: number): Promise<Article | undefined>;
  /**
   * Applies `changes` when the stored revision is still `revision`, and bumps it; throws STALE_REVISION
   * (nothing written) when someone saved in between, ARTICLE_NOT_FOUND when it is gone, SLUG_TAKEN on a clash.
   */
  update(id: number, revision: number, changes: ArticleChanges): Promise<Article>;
  /** Author ids (byline order) and tag ids of one article. */
  links(id: number): Promise<{ authorIds: number[]; tagIds: number[] }>;
  /** The earliest `published_at` after `now` of a published article: when listings next change by themselves. */
  nextScheduledAt(now: Date): Promise<Date | undefined>;
  slugExists(slug: string): Promise<boolean>;
  listPublic(query: ArticleListQuery): Promise<ArticleSummary[]>;
  /** Authors of each article, in byline order. */
  bylines(articleIds: readonly number[]): Promise<Map<number, Byline[]>>;
  tags(articleIds: readonly number[]): Promise<Map<number, Tag[]>>;
  count(): Promise<number>;
  /** Newsroom list: any status, newest change first, filtered; `titleContains` matches case-insensitively. */
  adminList(query: {
    status?: ArticleStatus;
    authorId?: number;
    categoryId?: number;
    titleContains?: string;
    limit: number;
  }): Promise<Array<ArticleSummaryWithStatus>>;
  addRevision(input: { articleId: number; revision: number; snapshot: RevisionSnapshot; authorId: number | null; apiKeyId?: number | null; at: Date }): Promise<void>;
  revisions(articleId: number): Promise<RevisionInfo[]>;
  revision(articleId: number, revision: number): Promise<(RevisionInfo & { snapshot: RevisionSnapshot }) | undefined>;
  /** True when there is no article at all: one indexed row lookup, whatever the archive's size. */
  isEmpty(): Promise<boolean>;
  /** Public articles matching every term, best match first (ties newest first). See `searchTerms`. */
  search(query: { terms: readonly string[]; now: Date; limit: number; offset: number }): Promise<ArticleSummary[]>;
  /** Body HTML of each article, for feeds. */
  bodies(articleIds: readonly number[]): Promise<Map<number, string>>;
  /** Public, indexable articles per month ('YYYY-MM', UTC), oldest month first, with the latest update. */
  sitemapMonths(now: Date): Promise<SitemapMonth[]>;
  /** One page of a month's public, indexable articles, oldest first (published_at, id). */
  sitemapEntries(query: { now: Date; from: Date; to: Date; offset: number; limit: number }): Promise<SitemapEntry[]>;
  /** Public, indexable articles published at or after `since`, newest first. */
  recentForNews(query: { now: Date; since: Date; offset: number; limit: number }): Promise<NewsEntry[]>;
  countRecentForNews(query: { now: Date; since: Date }): Promise<number>;
}

export type ArticleSummaryWithStatus = Omit<ArticleSummary, 'publishedAt'> & {
  publishedAt: Date | null;
  status: ArticleStatus;
  revision: number;
};

/** The editable fields of an article as saved in one revision. */
export interface RevisionSnapshot {
  title: string;
  dek: string;
  bodyMd: string;
  excerpt: string;
  slug: string;
  status: ArticleStatus;
  publishedAt: string | null;
  primaryCategoryId: number | null;
  authorIds: number[];
  tagIds: number[];
  tagNames: string[];
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  noindex: boolean;
}

export interface RevisionInfo {
  revision: number;
  authorId: number | null;
  authorName: string | null;
  /** The API key that saved it, when it came through the REST API. */
  apiKeyName: string | null;
  at: Date;
}

export interface SitemapMonth {
  month: string;
  count: number;
  lastModified: Date;
}

export interface SitemapEntry {
  slug: string;
  updatedAt: Date;
  /** File name of the featured picture's 16:9 crop, when there is one. */
  image?: string;
}

export interface NewsEntry {
  id: number;
  slug: string;
  title: string;
  publishedAt: Date;
}

export interface CategoryStore {
  create(input: { slug: string; name: string; description?: string; parentId?: number | null }): Promise<Category>;
  findBySlug(slug: string): Promise<Category | undefined>;
  update(id: number, changes: { name: string; slug: string; description: string; parentId: number | null }): Promise<Category>;
  findByIds(ids: readonly number[]): Promise<Map<number, Category>>;
  /** Every category, ordered by name then id. */
  list(): Promise<Category[]>;
}

export interface TagStore {
  /** Returns the tag with this slug, creating it with `name` when it does not exist. */
  ensure(input: { slug: string; name: string }): Promise<Tag>;
  findBySlug(slug: string): Promise<Tag | undefined>;
  /** Every tag by name (the newsroom's list). */
  list(limit: number): Promise<Tag[]>;
  rename(id: number, name: string): Promise<void>;
  /** Tags with at least one public article, by id; `offset`/`limit` page through them. */
  listInUse(query: { now: Date; offset: number; limit: number }): Promise<Tag[]>;
  countInUse(now: Date): Promise<number>;
  /** Whether at least one public article carries the tag: one probe of the tag's listing index. */
  isInUse(id: number, now: Date): Promise<boolean>;
}

export interface UserStore {
  create(user: NewUser): Promise<Author>;
  findBySlug(slug: string): Promise<Author | undefined>;
  findByEmail(email: string): Promise<Author | undefined>;
  list(): Promise<Author[]>;
  /** Users named in the byline of at least one public article, ordered by id. */
  listBylined(now: Date): Promise<Author[]>;
  /** Whether the user is in the byline of at least one public article: one probe of the author listing index. */
  isBylined(id: number, now: Date): Promise<boolean>;
}

export interface RedirectStore {
  add(input: { fromPath: string; toPath: string; status?: 301 | 302 }): Promise<void>;
  find(fromPath: string): Promise<{ toPath: string; status: number } | undefined>;
}

export interface ApiKey {
  id: number;
  name: string;
  role: Role;
  /** The person the key writes for: their articles are the key's own. Null for a key of nobody's. */
  userId: number | null;
}

export interface ApiKeyStore {
  create(input: { name: string; tokenHash: string; role: Role; userId?: number | null }): Promise<ApiKey>;
  /** The live key with this token hash: not revoked, and not belonging to a disabled person. */
  findByHash(tokenHash: string): Promise<ApiKey | undefined>;
}

/** A side effect to perform once, outside the request that caused it (DESIGN.md §3). */
export interface OutboxJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

export interface OutboxStore {
  enqueue(input: { kind: string; payload: unknown; availableAt: Date }): Promise<void>;
  /**
   * Takes up to `limit` due jobs and locks them until `lockUntil`; a job locked by one process is never
   * handed to another (SKIP LOCKED on PostgreSQL, one writer at a time on SQLite).
   */
  claim(input: { now: Date; limit: number; lockUntil: Date }): Promise<OutboxJob[]>;
  complete(id: number, at: Date): Promise<void>;
  /** Puts the job back for a later attempt. */
  retry(id: number, input: { error: string; availableAt: Date }): Promise<void>;
  pending(now: Date): Promise<number>;
}

export interface Credentials {
  user: Author;
  passwordHash: string | null;
  disabledAt: Date | null;
}

/** A signed-in member of staff. */
export interface StaffSession {
  user: Author;
  csrfToken: string;
  expiresAt: Date;
}

/** One line for the audit log. */
export interface AuditInput {
  at: Date;
  actorId: number | null;
  /** Set when an API key acted. */
  apiKeyId?: number | null;
  action: string;
  subject?: string;
  detail?: Record<string, unknown>;
  ip?: string;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  /** The API key that acted, when it came through the REST API. */
  apiKeyName: string | null;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  ip: string;
}

export interface AccountStore {
  credentials(email: string): Promise<Credentials | undefined>;
  /** Whether anyone can sign in yet (decides if the one-time /admin/setup is open). */
  hasSignInUsers(): Promise<boolean>;
  /** Also kills the user's unused password-reset links: a link dies when the password changes by any path. */
  setPassword(userId: number, passwordHash: string): Promise<void>;
  setRole(userId: number, role: Role): Promise<void>;
  /** Disabling also ends every session of the user at once. */
  setDisabled(userId: number, at: Date | null): Promise<void>;
  createSession(input: { id: string; userId: number; csrfToken: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  /** The live session with this id, of a user who is not disabled. */
  findSession(id: string, now: Date): Promise<StaffSession | undefined>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of a user except `keepId` (the one that asked); all of them when it is undefined. */
  deleteOtherSessions(userId: number, keepId: string | undefined): Promise<void>;
  audit(entry: AuditInput): Promise<void>;
  auditLog(limit: number): Promise<AuditEntry[]>;
  listUsers(): Promise<Array<Author & { disabled: boolean; canSignIn: boolean }>>;
  /** Throws SLUG_TAKEN when another person has the slug. */
  setProfile(userId: number, profile: { displayName: string; bio: string; slug: string }): Promise<void>;
  setAvatar(userId: number, mediaId: number): Promise<void>;
  findUserById(id: number): Promise<Author | undefined>;
}

/** argon2id behind a port: the core never sees the library. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface MediaStore {
  create(input: Omit<Media, 'id'> & { uploadedBy: number | null; at: Date }): Promise<Media>;
  findById(id: number): Promise<Media | undefined>;
  /**
   * Deletes the picture's row when no article features it and nobody has it as a portrait, and returns it
   * (so its files can go too); undefined when it is still used or already gone.
   */
  deleteIfUnused(id: number): Promise<Media | undefined>;
}

/** Everything the application needs from a database. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly articles: ArticleStore;
  readonly categories: CategoryStore;
  readonly tags: TagStore;
  readonly users: UserStore;
  readonly redirects: RedirectStore;
  readonly apiKeys: ApiKeyStore;
  readonly outbox: OutboxStore;
  readonly accounts: AccountStore;
  readonly media: MediaStore;
  readonly signInThrottle: SignInThrottleStore;
  readonly settings: SettingsStore;
  readonly passwordResets: PasswordResetStore;
  readonly twoFactor: TwoFactorStore;
  /** Runs `work` in one transaction with a store bound to it; rolls back when it throws. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}
