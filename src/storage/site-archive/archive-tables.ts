/**
 * What a Newsdesk export holds (docs/export-format.md): the tables, in the order they are written and read
 * back, with each column's kind. Written once here; the writer, the reader and the check that every table
 * of the database is either exported or deliberately left out all read this list.
 */

/** `int` and `num` are numbers, `text` a string, `time` an ISO 8601 instant; `?` allows null. */
export type ColumnKind = 'int' | 'int?' | 'num?' | 'text' | 'text?' | 'time' | 'time?';

export interface ArchiveTable {
  readonly name: string;
  /** The primary key's columns, in the order rows are written (a keyset walk over the key). */
  readonly key: readonly string[];
  readonly columns: Readonly<Record<string, ColumnKind>>;
  /** An auto-numbered `id`: PostgreSQL's identity is moved past the largest restored id. */
  readonly autoId?: boolean;
  /** Columns that point at rows of the same table: written after every row is in (a parent may come later). */
  readonly selfReferences?: readonly string[];
  /** Columns holding secrets: emptied unless the export is made with secrets. */
  readonly secretColumns?: readonly string[];
  /** The whole table is secret (left out unless the export is made with secrets). */
  readonly secret?: boolean;
}

export const ARCHIVE_FORMAT = 'newsdesk-export';
export const ARCHIVE_VERSION = 1;

export const ARCHIVE_TABLES: readonly ArchiveTable[] = [
  { name: 'settings', key: ['name'], columns: { name: 'text', value: 'text' } },
  {
    name: 'users',
    key: ['id'],
    autoId: true,
    columns: {
      id: 'int',
      email: 'text',
      display_name: 'text',
      slug: 'text',
      bio: 'text',
      avatar_media_id: 'int?',
      role: 'text',
      password_hash: 'text?',
      disabled_at: 'time?',
      created_at: 'time',
      totp_secret: 'text?',
      totp_pending_secret: 'text?',
      totp_last_step: 'int?',
    },
    secretColumns: ['password_hash', 'totp_secret', 'totp_pending_secret', 'totp_last_step'],
  },
  { name: 'recovery_codes', key: ['user_id', 'code_hash'], columns: { user_id: 'int', code_hash: 'text', used_at: 'time?' }, secret: true },
  {
    name: 'media',
    key: ['id'],
    autoId: true,
    columns: {
      id: 'int',
      key: 'text',
      width: 'int',
      height: 'int',
      alt: 'text',
      variants: 'text',
      crops: 'text',
      original_name: 'text',
      uploaded_by: 'int?',
      created_at: 'time',
      caption: 'text',
      credit: 'text',
      focal_x: 'num?',
      focal_y: 'num?',
    },
  },
  {
    name: 'categories',
    key: ['id'],
    autoId: true,
    columns: { id: 'int', slug: 'text', name: 'text', description: 'text', parent_id: 'int?', position: 'int' },
    selfReferences: ['parent_id'],
  },
  { name: 'tags', key: ['id'], autoId: true, columns: { id: 'int', slug: 'text', name: 'text' } },
  {
    name: 'api_keys',
    key: ['id'],
    autoId: true,
    columns: { id: 'int', name: 'text', token_hash: 'text', role: 'text', created_at: 'time', revoked_at: 'time?', user_id: 'int?' },
    secretColumns: ['token_hash'],
  },
  {
    name: 'articles',
    key: ['id'],
    autoId: true,
    columns: {
      id: 'int',
      slug: 'text',
      title: 'text',
      dek: 'text',
      body_md: 'text',
      body_html: 'text',
      excerpt: 'text',
      status: 'text',
      published_at: 'time?',
      first_published_at: 'time?',
      updated_at: 'time',
      created_at: 'time',
      revision: 'int',
      primary_category_id: 'int?',
      featured_media_id: 'int?',
      seo_title: 'text?',
      seo_description: 'text?',
      canonical_url: 'text?',
      noindex: 'int',
    },
  },
  { name: 'article_authors', key: ['article_id', 'position'], columns: { article_id: 'int', user_id: 'int', position: 'int', public_at: 'time?' } },
  { name: 'article_tags', key: ['article_id', 'tag_id'], columns: { article_id: 'int', tag_id: 'int', public_at: 'time?' } },
  {
    name: 'revisions',
    key: ['article_id', 'revision'],
    columns: { article_id: 'int', revision: 'int', snapshot: 'text', author_id: 'int?', created_at: 'time', api_key_id: 'int?', kind: 'text?', pending: 'int' },
  },
  {
    name: 'article_pending',
    key: ['article_id'],
    columns: { article_id: 'int', base_revision: 'int', fields: 'text', saved_by: 'int?', saved_at: 'time', apply_at: 'time?', apply_revision: 'int?' },
  },
  {
    name: 'article_unmerged',
    key: ['id'],
    autoId: true,
    columns: { id: 'int', article_id: 'int', user_id: 'int?', base_revision: 'int', fields: 'text', against: 'text', created_at: 'time' },
  },
  {
    name: 'article_notes',
    key: ['id'],
    autoId: true,
    columns: { id: 'int', article_id: 'int', author_id: 'int?', api_key_id: 'int?', kind: 'text', body: 'text', created_at: 'time' },
  },
  {
    name: 'pages',
    key: ['id'],
    autoId: true,
    columns: {
      id: 'int',
      slug: 'text',
      title: 'text',
      description: 'text',
      body_md: 'text',
      body_html: 'text',
      status: 'text',
      position: 'int',
      revision: 'int',
      published_at: 'time?',
      created_at: 'time',
      updated_at: 'time',
      updated_by: 'int?',
    },
  },
  { name: 'redirects', key: ['id'], autoId: true, columns: { id: 'int', from_path: 'text', to_path: 'text', status: 'int' } },
  {
    name: 'feed_subscriptions',
    key: ['id'],
    autoId: true,
    columns: {
      id: 'int',
      url: 'text',
      section_id: 'int?',
      every_minutes: 'int',
      active: 'int',
      generation: 'int',
      last_polled_at: 'time?',
      last_report: 'text?',
      last_error: 'text?',
      created_by: 'int?',
      created_at: 'time',
    },
  },
  { name: 'import_map', key: ['source', 'kind', 'source_id'], columns: { source: 'text', kind: 'text', source_id: 'text', local_id: 'int' } },
  { name: 'demo_marks', key: ['kind', 'row_id'], columns: { kind: 'text', row_id: 'int' } },
  {
    name: 'audit_log',
    key: ['id'],
    autoId: true,
    columns: { id: 'int', at: 'time', actor_id: 'int?', action: 'text', subject: 'text', detail: 'text', ip: 'text', api_key_id: 'int?' },
  },
];

/**
 * Settings that are secrets: the key that signs session cookies. Left out unless the export is made with
 * secrets (the new site then makes its own, and everyone signs in again).
 */
export const SECRET_SETTINGS: readonly string[] = ['session_cookie_key'];

/**
 * Tables deliberately not exported: sign-in state that expires (sessions, pending sign-ins, password-reset
 * links, throttles), queued jobs, and what is rebuilt from the articles (the search index and its word
 * counts, the per-status counts kept by triggers).
 */
export const NOT_ARCHIVED: readonly string[] = [
  'sessions',
  'pending_sign_ins',
  'password_resets',
  'sign_in_attempts',
  'account_throttle',
  'outbox',
  // Imports started from the old site's newsroom: paths of uploads on its server, of no use elsewhere.
  'import_runs',
  'search_words',
  'search_index',
  'search_heads',
  'search_keys',
  'search_docs',
  'article_counts',
];

/** Files of one picture in the media folder: its variants and crops, as its row names them. */
export function pictureFiles(row: Readonly<Record<string, unknown>>): string[] {
  const variants = JSON.parse(String(row.variants)) as Array<{ file: string }>;
  const crops = JSON.parse(String(row.crops)) as Record<string, string>;
  return [...variants.map((variant) => variant.file), ...Object.values(crops)];
}
