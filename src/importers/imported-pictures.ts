import { isDomainError } from '../core/errors.js';
import { displayName } from '../core/images/image.js';
import type { ImportReport } from '../core/imports/import-report.js';
import type { Clock, Store } from '../core/ports.js';
import type { ImportedKind } from '../core/ports/taxonomy-stores.js';
import { htmlToText } from '../core/text/plain-text.js';
import { processImage, removeImageFiles } from '../media/process-image.js';
import type { importOnce } from './import-once.js';
import { PictureUnavailable, type PictureSource } from './picture-source.js';

/** Where an import's pictures come from and go to. */
export interface PictureImport {
  source: PictureSource;
  mediaDir: string;
}

/**
 * Brings one picture of the old site into the library: read from `pictures.source`, checked and resized like an
 * upload, recorded in one transaction with its map row (kind `media`, `sourceId`). Returns its id here, or
 * undefined when it could not be brought (the reason goes to the report's problems; the import goes on).
 * Already imported: its id, at no cost. A dry run reads nothing. Files of a picture another run recorded first
 * are removed again.
 */
export async function importedPicture(
  ctx: {
    store: Store;
    clock: Clock;
    source: string;
    report: ImportReport;
    once: (kind: ImportedKind, sourceId: string, write: Parameters<typeof importOnce>[2]) => Promise<number | undefined>;
    pictures: PictureImport;
  },
  input: { sourceId: string; url: string; alt: string; caption?: string; label: string },
): Promise<number | undefined> {
  const { report, pictures } = ctx;
  const known = await ctx.store.imports.find(ctx.source, 'media', input.sourceId);
  if (known !== undefined) {
    report.alreadyImported++;
    return known;
  }
  if (report.dryRun) return undefined;
  let processed;
  try {
    processed = await processImage(await pictures.source.read(input.url), pictures.mediaDir);
  } catch (error) {
    if (!(error instanceof PictureUnavailable) && !isDomainError(error)) throw error;
    report.problems.push(`${input.label} (${input.url}): ${error.message}`);
    return undefined;
  }
  const alt = (input.alt || displayName(input.url)).replace(/\s+/g, ' ').trim().slice(0, 500);
  try {
    let made: number | undefined;
    const id = await ctx.once('media', input.sourceId, async (tx) => {
      const picture = await tx.media.create({ ...processed, alt, originalName: displayName(input.url), uploadedBy: null, at: ctx.clock.now() });
      if (input.caption) await tx.media.updateDetails(picture.id, { alt, caption: htmlToText(input.caption).slice(0, 1000), credit: '' });
      made = picture.id;
      return { id: picture.id };
    });
    // Another run recorded this picture first: its files are the ones in use, these go.
    if (id !== made) await removeImageFiles(processed, pictures.mediaDir);
    else report.created.pictures++;
    return id;
  } catch (error) {
    await removeImageFiles(processed, pictures.mediaDir);
    throw error;
  }
}
