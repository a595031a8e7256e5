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
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
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

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  subject: Generated<string>;
  detail: Generated<string>;
  ip: Generated<string>;
}

export interface RevisionsTable {
  article_id: number;
  revision: number;
  snapshot: string;
  author_id: number | null;
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
}

export interface Database {
  media: MediaTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  revisions: RevisionsTable;
  api_keys: ApiKeysTable;
  outbox: OutboxTable;
  users: UsersTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  categories: CategoriesTable;
  tags: TagsTable;
  redirects: RedirectsTable;
}
