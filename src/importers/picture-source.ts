import { open } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/**
 * Where an import finds the files of the old site's pictures. `read` returns the bytes, or throws
 * PictureUnavailable with a reason a person can act on (the import reports it and goes on).
 */
export interface PictureSource {
  read(url: string): Promise<Buffer>;
}

export class PictureUnavailable extends Error {
  override readonly name = 'PictureUnavailable';
}

/** Largest picture file an import reads (as the upload limit). */
export const MAX_PICTURE_BYTES = 30 * 1024 * 1024;

/**
 * The part of a picture's address that names its file below the uploads folder: after `/wp-content/uploads/`
 * (a self-hosted WordPress) or `/content/images/` (Ghost) when present, else the whole path (WordPress.com's
 * `files.wordpress.com/2013/03/x.jpg`).
 */
export function uploadsPath(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  // WordPress keeps uploads under /wp-content/uploads/, Ghost under /content/images/.
  const folder = ['/wp-content/uploads/', '/content/images/'].find((prefix) => path.includes(prefix));
  const relative = folder ? path.slice(path.indexOf(folder) + folder.length) : path.replace(/^\/+/, '');
  return relative === '' ? undefined : relative;
}

/**
 * The same picture whatever size WordPress or Ghost made of it: `photo-300x200.jpg`, `photo.jpg?w=640`,
 * Ghost's `size/w600/photo.jpg` and `PHOTO.jpg` on another host all name `photo.jpg` of the same upload folder.
 */
export function pictureKey(url: string): string | undefined {
  return uploadsPath(url)
    ?.toLowerCase()
    .replace(/^size\/w\d+(?:h\d+)?\//, '')
    .replace(/-\d+x\d+(\.[a-z0-9]+)$/, '$1');
}

/** Ghost 4+ writes its own site's address as `__GHOST_URL__`; any host will do to find the file in a folder. */
export function ghostPictureUrl(raw: string): string | undefined {
  const url = raw.trim().replace(/^__GHOST_URL__/, 'https://ghost.invalid');
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** Pictures from a local copy of the old site's uploads folder (`--media-dir`). */
export function mediaDirSource(dir: string): PictureSource {
  const root = resolve(dir);
  return {
    async read(url) {
      const relative = uploadsPath(url);
      if (relative === undefined) throw new PictureUnavailable(`${url} is not an address of an uploaded file`);
      const file = resolve(root, relative);
      // The address decides the path: it may not climb out of the folder (../../etc/passwd).
      if (!file.startsWith(root + sep)) throw new PictureUnavailable(`${url} points outside the media folder`);
      let handle;
      try {
        handle = await open(file, 'r');
      } catch {
        throw new PictureUnavailable(`${relative} is not in ${dir}`);
      }
      try {
        const { size, isFile } = await handle.stat().then((stat) => ({ size: stat.size, isFile: stat.isFile() }));
        if (!isFile) throw new PictureUnavailable(`${relative} in ${dir} is not a file`);
        if (size > MAX_PICTURE_BYTES) throw new PictureUnavailable(`${relative} is larger than ${MAX_PICTURE_BYTES / 1024 / 1024} MB`);
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },
  };
}
