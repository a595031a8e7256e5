import type { Author, NewUser, Role } from '../authors/author.js';

// Bylined people, staff accounts, sessions and the audit log.

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
  /** Sets the portrait and returns the one it replaced (read and replaced atomically), or null. */
  setAvatar(userId: number, mediaId: number): Promise<number | null>;
  findUserById(id: number): Promise<Author | undefined>;
}

/** argon2id behind a port: the core never sees the library. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
