import type { FocalPoint, Media } from '../images/image.js';
import type { MediaDetails, PictureUse } from '../images/media-library.js';

// Pictures.

/** A page of the media library. */
export interface MediaPage {
  items: Media[];
  /** How many pictures match the search, on every page. */
  total: number;
}

/** New files for a picture: a replaced upload (`key` and sizes too) or crops cut again around a focal point. */
export interface MediaFiles {
  key?: string;
  width?: number;
  height?: number;
  variants?: Media['variants'];
  /** The new upload's name (shown to staff only). */
  originalName?: string;
  crops: Media['crops'];
  focal: FocalPoint | null;
}

export interface MediaStore {
  create(input: Omit<Media, 'id' | 'caption' | 'credit' | 'focal' | 'uploadedBy' | 'createdAt'> & { uploadedBy: number | null; at: Date }): Promise<Media>;
  findById(id: number): Promise<Media | undefined>;
  /**
   * Deletes the picture's row when no article features it or shows it in its body and nobody has it as a
   * portrait, and returns it (so its files can go too); undefined when it is still used or already gone.
   */
  deleteIfUnused(id: number): Promise<Media | undefined>;
  /**
   * The library, newest first: pictures whose alt text, caption, credit or upload name contain `query`
   * (any case; every word must match somewhere).
   */
  list(input: { query?: string; limit: number; offset: number }): Promise<MediaPage>;
  /** Sets alt text, caption and credit; the picture after, or undefined when it is gone. */
  updateDetails(id: number, details: MediaDetails): Promise<Media | undefined>;
  /**
   * Points the picture at new files in one statement (readers see the old files or the new, never a mix)
   * and returns it as it was before, so the old files can be deleted; undefined when it is gone or its
   * files changed meanwhile (nothing written then).
   */
  replaceFiles(id: number, files: MediaFiles): Promise<Media | undefined>;
  /** The articles that feature the picture or show it in their body, and the people it is the portrait of. */
  uses(picture: Pick<Media, 'id' | 'key' | 'crops'>): Promise<{ articles: PictureUse[]; portraits: Array<{ id: number; displayName: string }> }>;
  /** `uses` of several pictures at once (a page of the library), by picture id. */
  usesMany(pictures: ReadonlyArray<Pick<Media, 'id' | 'key' | 'crops'>>): Promise<Map<number, { articles: PictureUse[]; portraits: Array<{ id: number; displayName: string }> }>>;
  /** Every file name the pictures' rows name (variants and crops), for pruning the media folder. */
  referencedFiles(): Promise<Set<string>>;
}
