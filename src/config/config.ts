import { readFileSync } from 'node:fs';

/** Which database to use, parsed from DATABASE_URL. */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; maxConnections?: number };

/** Everything configurable, validated once at start and frozen. Nothing else reads `process.env`. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute site URL without a trailing slash; canonical links and feeds are built from it. */
  readonly siteUrl: string;
  readonly siteName: string;
  readonly siteDescription: string;
  /** BCP 47 locale for dates and relative times. Default `en-GB`. */
  readonly locale: string;
  /** IANA time zone used only when rendering dates. Default `UTC`. */
  readonly timeZone: string;
  readonly database: DatabaseConfig;
  /** Words in an excerpt derived from the body. Default 15. */
  readonly excerptWords: number;
  /** Items in an article's Recent Posts list. Default 5. */
  readonly recentPosts: number;
  /** Items on an archive page. Default 20. */
  readonly pageSize: number;
  /** `auto` loads the demo content when the database has no articles; `off` never does. Default `auto`. */
  readonly demoContent: 'auto' | 'off';
  /** Where uploaded pictures are stored (created when missing). Default `./data/media`. */
  readonly mediaDir: string;
  /** Largest upload, in MB; refused while it streams in. Default 10. */
  readonly maxUploadMegabytes: number;
  /** Where files uploaded to the newsroom's Import page wait for their import (shared between machines, like mediaDir). */
  readonly importDir: string;
  /** The largest file the Import page accepts. */
  readonly maxImportMegabytes: number;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges), so sign-in throttling and the
   * audit log see readers' real addresses. Default none: the socket's address is used.
   */
  readonly trustedProxies: readonly string[];
  /**
   * Outgoing e-mail (password reset links): `smtpUrl` from NEWSDESK_SMTP_URL (smtp:// or smtps://, with
   * user and password in the URL when the server wants them), `from` from NEWSDESK_MAIL_FROM. Null when
   * NEWSDESK_SMTP_URL is not set: reset by e-mail is then unavailable. Default null.
   */
  readonly mail: { readonly smtpUrl: string; readonly from: string } | null;
  /** Memory for the rendered-page cache, in MB (bodies and entries as they really sit in memory); 0 turns it off. Default 16. */
  readonly cacheMegabytes: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Bad configuration: `problems` lists every setting that is wrong, each in words an operator can act on. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? `Invalid configuration: ${problems[0]}`
        : `Invalid configuration:\n  - ${problems.join('\n  - ')}`,
    );
  }
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/newsdesk.sqlite';
type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the configuration from `env` (normally `process.env`), after the optional JSON file named by
 * NEWSDESK_CONFIG_FILE whose keys are the same variable names; the environment wins over the file.
 */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const source = { ...readConfigFile(env.NEWSDESK_CONFIG_FILE, problems), ...definedOnly(env) };
  const get = (name: string): string | undefined => {
    const value = source[name]?.trim();
    return value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
      return fallback;
    }
    return value;
  };

  const port = int('NEWSDESK_PORT', 3000, 0, 65535);
  const config: Config = {
    port,
    host: get('NEWSDESK_HOST') ?? 'localhost',
    siteUrl: parseSiteUrl(get('NEWSDESK_SITE_URL') ?? `http://localhost:${port}`, problems),
    siteName: get('NEWSDESK_SITE_NAME') ?? 'Newsdesk',
    siteDescription: get('NEWSDESK_SITE_DESCRIPTION') ?? 'Current affairs, reported carefully.',
    locale: parseLocale(get('NEWSDESK_LOCALE') ?? 'en-GB', problems),
    timeZone: parseTimeZone(get('NEWSDESK_TIME_ZONE') ?? 'UTC', problems),
    database: parseDatabaseUrl(get('DATABASE_URL') ?? DEFAULT_DATABASE_URL, problems),
    excerptWords: int('NEWSDESK_EXCERPT_WORDS', 15, 1, 200),
    recentPosts: int('NEWSDESK_RECENT_POSTS', 5, 0, 50),
    pageSize: int('NEWSDESK_PAGE_SIZE', 20, 1, 100),
    mediaDir: get('NEWSDESK_MEDIA_DIR') ?? './data/media',
    trustedProxies: parseProxies(get('NEWSDESK_TRUSTED_PROXIES'), problems),
    mail: parseMail(get('NEWSDESK_SMTP_URL'), get('NEWSDESK_MAIL_FROM'), problems),
    maxUploadMegabytes: int('NEWSDESK_MAX_UPLOAD_MB', 10, 1, 200),
    importDir: get('NEWSDESK_IMPORT_DIR') ?? './data/imports',
    maxImportMegabytes: int('NEWSDESK_MAX_IMPORT_MB', 2048, 1, 65536),
    cacheMegabytes: int('NEWSDESK_CACHE_MB', 16, 0, 16384),
    demoContent: oneOf('NEWSDESK_DEMO_CONTENT', get('NEWSDESK_DEMO_CONTENT') ?? 'auto', ['auto', 'off'], problems),
    logLevel: oneOf(
      'NEWSDESK_LOG_LEVEL',
      get('NEWSDESK_LOG_LEVEL') ?? 'info',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      problems,
    ),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function parseProxies(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return [];
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry));
  if (bad.length > 0) {
    problems.push(`NEWSDESK_TRUSTED_PROXIES must list IP addresses or CIDR ranges such as 10.0.0.0/8, not "${bad.join(', ')}".`);
  }
  return entries;
}

function parseMail(smtpUrl: string | undefined, from: string | undefined, problems: string[]): Config['mail'] {
  if (smtpUrl === undefined) {
    if (from !== undefined) problems.push('NEWSDESK_MAIL_FROM is set but NEWSDESK_SMTP_URL is not: set both (e.g. smtp://mail.example.com:587) or neither.');
    return null;
  }
  let url: URL | undefined;
  try {
    url = new URL(smtpUrl);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
    problems.push(`NEWSDESK_SMTP_URL must look like smtp://host:587 or smtps://user:password@host:465, not "${smtpUrl.replace(/\/\/[^@/]*@/, '//…@')}".`);
  }
  // An address, optionally with a name: "Newsroom <news@example.com>".
  if (from === undefined || !/^(?:[^<>\r\n]*<)?[^\s@<>"]{1,64}@[^\s@<>"]{1,255}>?$/.test(from) || from.includes('<') !== from.endsWith('>')) {
    problems.push(`NEWSDESK_MAIL_FROM must be the sender's address, e.g. "Newsroom <news@example.com>"${from === undefined ? ' (it is required with NEWSDESK_SMTP_URL)' : `, not "${from}"`}.`);
  }
  return { smtpUrl, from: from ?? '' };
}

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function readConfigFile(path: string | undefined, problems: string[]): Record<string, string> {
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  } catch (error) {
    problems.push(`NEWSDESK_CONFIG_FILE ${path} could not be read: ${(error as Error).message}.`);
    return {};
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], problems: string[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${allowed.join(', ')}, not "${value}".`);
  return allowed[0] as T;
}

function parseSiteUrl(raw: string, problems: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`NEWSDESK_SITE_URL must be an absolute URL such as https://news.example.com, not "${raw}".`);
    return 'http://localhost';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`NEWSDESK_SITE_URL must start with http:// or https://, not "${url.protocol}".`);
  }
  if (url.search || url.hash) problems.push('NEWSDESK_SITE_URL must not have a query string or fragment.');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function parseLocale(raw: string, problems: string[]): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(raw);
    if (canonical) return canonical;
  } catch {
    // reported below
  }
  problems.push(`NEWSDESK_LOCALE must be a language tag such as en-GB or fr, not "${raw}".`);
  return 'en-GB';
}

function parseTimeZone(raw: string, problems: string[]): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    problems.push(`NEWSDESK_TIME_ZONE must be an IANA time zone such as Europe/London or Asia/Karachi, not "${raw}".`);
    return 'UTC';
  }
}

/**
 * `sqlite:<file>` (also `sqlite://<file>` and `file:<file>`), or `postgres://…` / `postgresql://…`
 * with an optional `?schema=name` that picks a schema instead of `public`.
 */
export function parseDatabaseUrl(raw: string, problems: string[]): DatabaseConfig {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'sqlite' || scheme === 'file') {
    const file = raw.slice(scheme.length + 1).replace(/^\/\/(?=\/|\.)/, '');
    if (file === '') problems.push('DATABASE_URL names no SQLite file: use sqlite:./data/newsdesk.sqlite.');
    return { kind: 'sqlite', file };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      problems.push('DATABASE_URL is not a valid postgres:// URL.');
      return { kind: 'postgres', url: raw };
    }
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      problems.push(`DATABASE_URL schema "${schema}" must be lower-case letters, digits and underscores.`);
    }
    return { kind: 'postgres', url: url.toString(), ...(schema ? { schema } : {}) };
  }
  problems.push(
    `DATABASE_URL has the unsupported scheme "${scheme ?? raw}". Use sqlite:<file> (default ${DEFAULT_DATABASE_URL}) or postgres://user:password@host:5432/database.`,
  );
  return { kind: 'sqlite', file: '' };
}
