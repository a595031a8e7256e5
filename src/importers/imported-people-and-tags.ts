import { isReservedSlug, slugify, uniqueSlug } from '../core/articles/slug.js';
import type { Store } from '../core/ports.js';

/**
 * The rows every import makes the same way, written once here: byline profiles for the old site's authors
 * and tags named by their text.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `base`, or the next free form of it when it is one of our reserved addresses ("media" → "media-2"). */
export function freeSlug(base: string): Promise<string> {
  return base === '' ? Promise.resolve('') : uniqueSlug(base, async (candidate) => isReservedSlug(candidate));
}

/**
 * The person behind an imported byline: the account this site already has with that e-mail address, or a
 * new byline profile (contributor, no password: nobody signs in as it until invited). `handle` (a login or
 * the old slug) makes the profile's slug, else the name does.
 */
export async function bylineProfile(
  tx: Store,
  input: { handle: string; name: string; email: string; bio?: string },
): Promise<{ id: number; slug: string; created: boolean }> {
  const email = input.email.trim();
  const known = EMAIL.test(email) ? await tx.users.findByEmail(email) : undefined;
  if (known) return { id: known.id, slug: known.slug, created: false };
  const name = input.name.trim() || input.handle;
  const slug = await uniqueSlug(slugify(input.handle) || slugify(name), async (candidate) => (await tx.users.findBySlug(candidate)) !== undefined, 'author');
  const user = await tx.users.create({
    email: EMAIL.test(email) ? email : `${slug}@imported.invalid`,
    displayName: name,
    slug,
    role: 'contributor',
    passwordHash: null,
    ...(input.bio ? { bio: input.bio.slice(0, 2000) } : {}),
  });
  return { id: user.id, slug, created: true };
}

/** The tag named `name` (made when missing), its slug kept clear of our reserved addresses. */
export async function importedTag(tx: Store, name: string): Promise<{ id: number; slug: string; created: boolean } | undefined> {
  const slug = await freeSlug(slugify(name));
  if (!slug) return undefined;
  const existed = await tx.tags.findBySlug(slug);
  const tag = existed ?? (await tx.tags.ensure({ slug, name: name.trim() }));
  return { id: tag.id, slug: tag.slug, created: !existed };
}
