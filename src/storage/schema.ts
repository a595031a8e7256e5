import type { ColumnType, Generated } from 'kysely';

/** SQLite hands back ISO strings, PostgreSQL `Date`s; writes always pass ISO strings. */
export type Timestamp = ColumnType<Date | string, string, string>;
export type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  slug: string;
  bio: Generated<string>;
  avatar_media_id: number | null;
  role: string;
  password_hash: string | null;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
  /** Base32 TOTP secret once two-step sign-in is on (migration 0007). */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** The secret being enrolled, until a code confirms it. */
  totp_pending_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** The last 30-second step whose code was accepted: a code is never accepted twice. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  dek: Generated<string>;
  body_md: Generated<string>;
  body_html: Generated<string>;
  excerpt: Generated<string>;
  status: string;
  published_at: NullableTimestamp;
  /** When the article first became public; kept when it is taken down (migration 0008). */
  first_published_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
  created_at: Timestamp;
  revision: Generated<number>;
  primary_category_id: number | null;
  featured_media_id: number | null;
  seo_title: string | null;
  seo_description: string | null;
  canonical_url: string | null;
  /** 0 or 1 in both databases, so one query shape serves both. */
  noindex: Generated<number>;
}

export interface ArticleAuthorsTable {
  article_id: number;
  user_id: number;
  position: number;
  /** The article's published_at while it is published, else null (see migration 0005). */
  public_at: NullableTimestamp;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  public_at: NullableTimestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  parent_id: number | null;
  /** Place among its siblings in the navigation; 0 = not placed by hand (migration 0012). */
  position: Generated<number>;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ImportMapTable {
  source: string;
  kind: string;
  source_id: string;
  local_id: number;
}

export interface RedirectsTable {
  id: Generated<number>;
  from_path: string;
  to_path: string;
  status: Generated<number>;
}

export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: string;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
  /** The person the key writes for (their articles are its own); null for a key of nobody's. */
  user_id: number | null;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  /** JSON. */
  payload: string;
  attempts: Generated<number>;
  available_at: Timestamp;
  locked_until: NullableTimestamp;
  done_at: NullableTimestamp;
  last_error: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie's token: a database leak gives no usable session. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** One row per sign-in attempt from an address, written before the password is checked (migration 0007). */
export interface SignInAttemptsTable {
  id: Generated<number>;
  ip: string;
  email: string;
  at: Timestamp;
}

/** Per-account attempt slots and locks, changed only by single atomic statements. */
export interface AccountThrottleTable {
  email: string;
  /** Slots taken in the current streak: failures plus attempts still being checked. */
  attempts: number;
  failures: number;
  /** Locks so far; each one lasts twice as long as the last. */
  lockouts: number;
  locked_until: NullableTimestamp;
  last_at: Timestamp;
}

export interface SettingsTable {
  name: string;
  value: string;
}

export interface PasswordResetsTable {
  /** sha256 of the link's token. */
  token_hash: string;
  user_id: number | null;
  ip: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface RecoveryCodesTable {
  user_id: number;
  /** sha256 of the normalised code. */
  code_hash: string;
  used_at: NullableTimestamp;
}

/** Password accepted, code still to come: never a session. */
export interface PendingSignInsTable {
  /** sha256 of the pending cookie's token. */
  id: string;
  user_id: number;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  subject: Generated<string>;
  detail: Generated<string>;
  ip: Generated<string>;
  /** The API key that acted, when the change came through the REST API. */
  api_key_id: number | null;
}

export interface RevisionsTable {
  article_id: number;
  revision: number;
  snapshot: string;
  author_id: number | null;
  created_at: Timestamp;
  /** The API key that saved the revision, when it came through the REST API. */
  api_key_id: number | null;
  /** What made it (`RevisionKind`); null on rows saved before migration 0010, which read as a save. */
  kind: string | null;
  /** 1 for a save of a live article's working copy (migration 0011). */
  pending: ColumnType<number, number | undefined, number>;
}

/** A live article's working copy (migration 0011); `fields` is EditableFields as JSON. */
export interface ArticlePendingTable {
  article_id: number;
  base_revision: number;
  fields: string;
  saved_by: number | null;
  saved_at: Timestamp;
  apply_at: NullableTimestamp;
  apply_revision: number | null;
}

/** An edit kept aside until its author chooses how to merge it (migration 0011). */
export interface ArticleUnmergedTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  base_revision: number;
  fields: string;
  /** 'working': met a newer save of the text being edited; 'live': a working copy met a change of the live text. */
  against: string;
  created_at: Timestamp;
}

export interface MediaTable {
  id: Generated<number>;
  key: string;
  width: number;
  height: number;
  alt: string;
  variants: string;
  crops: string;
  original_name: Generated<string>;
  uploaded_by: number | null;
  created_at: Timestamp;
  /** Migration 0013: shown under the picture on article pages; empty when there is none. */
  caption: Generated<string>;
  credit: Generated<string>;
  /** Where the crops are centred, 0..1 from the left and the top; null: chosen by sharp (attention). */
  focal_x: number | null;
  focal_y: number | null;
}

/** A note on an article for the desk (migration 0015); never shown to readers. */
export interface ArticleNotesTable {
  id: Generated<number>;
  article_id: number;
  author_id: number | null;
  api_key_id: number | null;
  /** 'note', or 'sent_back' for the note an article was sent back to its writer with. */
  kind: string;
  body: string;
  created_at: Timestamp;
}

/** A row the demo seed created (migration 0015): `kind` names its table. */
export interface DemoMarksTable {
  kind: string;
  row_id: number;
}

/** Every word the search index has filed, with how many documents were filed with it (migration 0017). */
export interface SearchWordsTable {
  word: string;
  docs: number;
}

/** How many articles each stored status holds, kept by triggers (migration 0018). */
export interface ArticleCountsTable {
  status: string;
  n: number;
}

/** An import started from the newsroom (migration 0021). */
export interface ImportRunsTable {
  id: Generated<number>;
  kind: string;
  source: string;
  label: string;
  options: Generated<string>;
  status: string;
  done: Generated<number>;
  total: Generated<number>;
  attempts: Generated<number>;
  report: string | null;
  error: string | null;
  created_by: number | null;
  created_at: Timestamp;
  heartbeat_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

/** A static page (migration 0022). */
export interface PagesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: Generated<string>;
  body_md: Generated<string>;
  body_html: Generated<string>;
  status: string;
  position: Generated<number>;
  revision: Generated<number>;
  published_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** A feed polled on a schedule (migration 0023). */
export interface FeedSubscriptionsTable {
  id: Generated<number>;
  url: string;
  section_id: number | null;
  every_minutes: number;
  active: Generated<number>;
  generation: Generated<number>;
  last_polled_at: NullableTimestamp;
  last_report: string | null;
  last_error: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface Database {
  feed_subscriptions: FeedSubscriptionsTable;
  pages: PagesTable;
  import_runs: ImportRunsTable;
  search_words: SearchWordsTable;
  article_counts: ArticleCountsTable;
  article_notes: ArticleNotesTable;
  demo_marks: DemoMarksTable;
  media: MediaTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  account_throttle: AccountThrottleTable;
  settings: SettingsTable;
  password_resets: PasswordResetsTable;
  recovery_codes: RecoveryCodesTable;
  pending_sign_ins: PendingSignInsTable;
  audit_log: AuditLogTable;
  revisions: RevisionsTable;
  article_pending: ArticlePendingTable;
  article_unmerged: ArticleUnmergedTable;
  api_keys: ApiKeysTable;
  outbox: OutboxTable;
  users: UsersTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  categories: CategoriesTable;
  tags: TagsTable;
  redirects: RedirectsTable;
  import_map: ImportMapTable;
}
