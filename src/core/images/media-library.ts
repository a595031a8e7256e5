import { can } from '../access/capabilities.js';
import type { Article } from '../articles/article.js';
import { mayEdit, type Actor } from '../articles/workflow.js';
import { DomainError } from '../errors.js';
import { cacheKey } from '../publishing/cache-keys.js';
import type { CropName, FocalPoint, Media } from './image.js';

/** Longest alt text, caption and credit (alt text as the upload form has it). */
export const ALT_MAX = 500;
export const CAPTION_MAX = 1000;
export const CREDIT_MAX = 200;

/**
 * The stable address of a picture inside an article's body: it names the picture, not one of its files, so
 * replacing the file (new random names) or moving its focal point keeps every body that shows it working.
 * The server answers it with a short-lived redirect to the current file.
 */
export function pictureAddress(id: number): string {
  return `/media/pictures/${id}.jpg`;
}

/** The picture id of a stable address's last segment ("17.jpg"), or undefined. */
export function pictureIdOf(segment: string): number | undefined {
  const match = /^([1-9][0-9]{0,9})\.jpg$/.exec(segment);
  return match ? Number(match[1]) : undefined;
}

/** Markdown that shows the picture in a body: its alt text, with the characters that would end it escaped. */
export function bodyMarkdown(picture: Pick<Media, 'id' | 'alt'>): string {
  const alt = picture.alt.replace(/\s+/g, ' ').replace(/[\\[\]]/g, (c) => `\\${c}`);
  return `![${alt}](${pictureAddress(picture.id)})`;
}

/**
 * Text whose presence in an article's Markdown means the body shows this picture: its stable address, or
 * the address of one of its files (pasted by hand). File names start with the picture's key or, once its
 * crops were cut again, the stem of its crops.
 */
export function bodyReferences(picture: Pick<Media, 'id' | 'key' | 'crops'>): string[] {
  const stems = new Set([picture.key, ...Object.values(picture.crops).map((file) => file.replace(/-[^-]+$/, ''))]);
  return [pictureAddress(picture.id), ...[...stems].map((stem) => `/media/${stem}-`)];
}

export interface MediaDetails {
  alt: string;
  caption: string;
  credit: string;
}

/** Trims alt text, caption and credit, and refuses them in words: alt text is required. */
export function checkDetails(input: Partial<MediaDetails>): MediaDetails {
  const alt = (input.alt ?? '').replace(/\s+/g, ' ').trim();
  const caption = (input.caption ?? '').trim();
  const credit = (input.credit ?? '').replace(/\s+/g, ' ').trim();
  if (alt === '') {
    throw new DomainError('VALIDATION_FAILED', 'Alt text is required: describe what the picture shows, for readers who cannot see it.');
  }
  if (alt.length > ALT_MAX) throw new DomainError('VALIDATION_FAILED', `Alt text can be at most ${ALT_MAX} characters (it has ${alt.length}).`);
  if (caption.length > CAPTION_MAX) throw new DomainError('VALIDATION_FAILED', `The caption can be at most ${CAPTION_MAX} characters (it has ${caption.length}).`);
  if (credit.length > CREDIT_MAX) throw new DomainError('VALIDATION_FAILED', `The credit can be at most ${CREDIT_MAX} characters (it has ${credit.length}).`);
  return { alt, caption, credit };
}

/** A focal point from a form's two fields, each a number from 0 to 1 (a comma as decimal mark is fine). */
export function parseFocal(x: string | undefined, y: string | undefined): FocalPoint {
  const read = (value: string | undefined, name: string) => {
    const text = (value ?? '').trim().replace(',', '.');
    const number = /^(0|1|0?\.\d+|1\.0*)$/.test(text) ? Number(text) : Number.NaN;
    if (!(number >= 0 && number <= 1)) {
      throw new DomainError('VALIDATION_FAILED', `The focal point's ${name} must be a number from 0 to 1 (0.5 is the middle), not "${value ?? ''}".`);
    }
    return number;
  };
  return { x: read(x, 'x (across)'), y: read(y, 'y (down)') };
}

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The largest region of a `width` × `height` picture with the aspect `ratio` whose centre is as close to
 * the focal point as the picture's edges allow. Whole pixels; never outside the picture.
 */
export function focalCropRegion(size: { width: number; height: number }, ratio: readonly [number, number], focal: FocalPoint): Region {
  const [rw, rh] = ratio;
  const wide = size.width * rh > size.height * rw;
  const width = wide ? Math.max(1, Math.min(size.width, Math.round((size.height * rw) / rh))) : size.width;
  const height = wide ? size.height : Math.max(1, Math.min(size.height, Math.round((size.width * rh) / rw)));
  const place = (centre: number, extent: number, whole: number) => Math.min(whole - extent, Math.max(0, Math.round(centre * whole - extent / 2)));
  return { left: place(focal.x, width, size.width), top: place(focal.y, height, size.height), width, height };
}

/** An article that shows a picture, as the library lists it. */
export interface PictureUse {
  article: Pick<Article, 'id' | 'title' | 'status' | 'publishedAt'>;
  authorIds: readonly number[];
  featured: boolean;
  inBody: boolean;
}

/**
 * Who may change a picture of the library (alt text, caption, credit, focal point, file) or remove it:
 * editors and admins any; anyone else only a picture they uploaded, and only while every article that
 * shows it is one they may edit (so nobody changes a picture on someone else's story).
 */
export function mayChangePicture(actor: Actor, picture: Pick<Media, 'uploadedBy'>, uses: readonly PictureUse[]): boolean {
  if (can(actor.role, 'article.edit.any')) return true;
  if (actor.id === null || picture.uploadedBy !== actor.id) return false;
  return uses.every((use) => mayEdit(actor, use.article, use.authorIds));
}

/**
 * The cache keys of what shows a picture: the pages of the articles that use it (their Open Graph image
 * and the monthly sitemap name its 16:9 version) and the pages of the people it is the portrait of.
 */
export function pictureCacheKeys(uses: { articles: readonly PictureUse[]; portraits: ReadonlyArray<{ id: number }> }): string[] {
  const keys = new Set<string>();
  for (const use of uses.articles) {
    keys.add(cacheKey.article(use.article.id));
    if (use.article.publishedAt) keys.add(cacheKey.sitemapMonth(use.article.publishedAt));
  }
  for (const person of uses.portraits) keys.add(cacheKey.author(person.id));
  return [...keys];
}

/** Crop names in the order pages show them. */
export const CROP_NAMES: readonly CropName[] = ['16x9', '4x3', '1x1'];

/** Whether `name` is a picture file name the upload pipeline makes (`<16 letters>-<width or crop>.jpg|webp`): no path, no surprises. */
export function isMediaFileName(name: string): boolean {
  return /^[A-Za-z0-9_-]{16}-(400|800|1200|\d{1,4}|16x9|4x3|1x1)\.(webp|jpg)$/.test(name);
}
