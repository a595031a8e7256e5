import type { Media } from '../images/image.js';

// Pictures.

export interface MediaStore {
  create(input: Omit<Media, 'id'> & { uploadedBy: number | null; at: Date }): Promise<Media>;
  findById(id: number): Promise<Media | undefined>;
  /**
   * Deletes the picture's row when no article features it and nobody has it as a portrait, and returns it
   * (so its files can go too); undefined when it is still used or already gone.
   */
  deleteIfUnused(id: number): Promise<Media | undefined>;
}
