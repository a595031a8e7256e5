export type Role = 'admin' | 'editor' | 'author' | 'contributor';

export const ROLES: readonly Role[] = ['admin', 'editor', 'author', 'contributor'];

/** A user as readers see them: bylines always show `displayName`, never a login. */
export interface Author {
  id: number;
  email: string;
  displayName: string;
  slug: string;
  bio: string;
  role: Role;
  avatarMediaId: number | null;
}

export interface NewUser {
  email: string;
  displayName: string;
  slug: string;
  bio?: string;
  role: Role;
  passwordHash?: string | null;
}
