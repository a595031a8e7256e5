import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metadata, Sharp } from 'sharp';
import { DomainError } from '../core/errors.js';
import type { CropName, FocalPoint, ImageVariant, Media } from '../core/images/image.js';
import { focalCropRegion, isMediaFileName } from '../core/images/media-library.js';

/** Widths of the responsive variants (never wider than the original). */
export const VARIANT_WIDTHS = [400, 800, 1200] as const;
/** Aspect ratios Google wants for article images in structured data. */
export const CROPS: Readonly<Record<CropName, readonly [number, number]>> = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] };

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);
/** Larger images are refused before decoding (a decompression bomb cannot exhaust memory). */
const MAX_INPUT_PIXELS = 50_000_000;
const CROP_WIDTH = 1200;
const SVG_REFUSED = 'SVG files are not accepted, because they can carry scripts. Upload a JPEG, PNG, WebP, GIF or AVIF picture.';

export interface ProcessedImage {
  /** The stem every file of this image starts with: random, never derived from the upload's name. */
  key: string;
  width: number;
  height: number;
  variants: ImageVariant[];
  crops: Record<CropName, string>;
}

/**
 * Checks that `input` is a raster image by decoding it (never by its name or declared type), refuses SVG
 * and anything else, and writes re-encoded WebP and JPEG variants and 16:9, 4:3 and 1:1 crops under
 * random names in `dir`. Re-encoding drops every EXIF, XMP, IPTC and comment field of the upload.
 */
export async function processImage(input: Buffer, dir: string): Promise<ProcessedImage> {
  // libvips is large: loaded on the first upload, so processes that only serve readers never map it.
  const { default: sharp } = await import('sharp');
  // SVG is text: recognise it by its content, even when it is broken, so the refusal says why.
  const head = input.subarray(0, 2048).toString('latin1');
  if (/^(\xef\xbb\xbf)?\s*</.test(head) && /<svg[\s>]/i.test(head)) {
    throw new DomainError('VALIDATION_FAILED', SVG_REFUSED);
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'This file is not an image we can read. Upload a JPEG, PNG, WebP, GIF or AVIF picture.');
  }
  if (metadata.format === 'svg') throw new DomainError('VALIDATION_FAILED', SVG_REFUSED);
  if (!metadata.format || !ACCEPTED.has(metadata.format) || !metadata.width || !metadata.height) {
    throw new DomainError('VALIDATION_FAILED', `This file is ${metadata.format ?? 'not an image'}; upload a JPEG, PNG, WebP, GIF or AVIF picture.`);
  }
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) {
    throw new DomainError('VALIDATION_FAILED', 'This picture has too many pixels (50 megapixels at most).');
  }
  await mkdir(dir, { recursive: true });
  const key = randomBytes(12).toString('base64url');
  const written: string[] = [];
  try {
    // .rotate() applies the EXIF orientation before the metadata is dropped.
    const base = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false }).rotate();
    const oriented = await base().toBuffer({ resolveWithObject: true });
    const width = oriented.info.width;
    const height = oriented.info.height;
    const variants: ImageVariant[] = [];
    const widths = [...new Set(VARIANT_WIDTHS.map((w) => Math.min(w, width)))];
    for (const variantWidth of widths) {
      for (const format of ['webp', 'jpeg'] as const) {
        const pipeline = sharp(oriented.data).resize({ width: variantWidth, withoutEnlargement: true });
        const { data, info } = await (format === 'webp' ? pipeline.webp({ quality: 80 }) : pipeline.jpeg({ quality: 82, mozjpeg: true })).toBuffer({
          resolveWithObject: true,
        });
        const file = `${key}-${variantWidth}.${format === 'jpeg' ? 'jpg' : 'webp'}`;
        await writeFile(join(dir, file), data, { flag: 'wx' });
        written.push(file);
        variants.push({ file, width: info.width, height: info.height, format });
      }
    }
    const crops = await writeCrops({ stem: key, dir, written }, ([w, h]) => {
      const cropWidth = Math.min(CROP_WIDTH, width);
      return sharp(oriented.data).resize({ width: cropWidth, height: Math.round((cropWidth * h) / w), fit: 'cover', position: 'attention' });
    });
    return { key, width, height, variants, crops };
  } catch (error) {
    await Promise.all(written.map((file) => rm(join(dir, file), { force: true })));
    if (error instanceof DomainError) throw error;
    throw new DomainError('VALIDATION_FAILED', 'This picture could not be processed; it may be damaged. Try another file.');
  }
}

/**
 * Cuts the 16:9, 4:3 and 1:1 crops of a stored picture again, centred as near `focal` as its edges allow,
 * from its widest JPEG variant (as wide as the crops are). The files get a new random stem: the addresses
 * of the old ones are cached for a year, so they are never overwritten; the caller points the picture's
 * row at the new names and then deletes the old files.
 */
export async function cutCrops(picture: Pick<Media, 'variants'>, focal: FocalPoint, dir: string): Promise<Record<CropName, string>> {
  const { default: sharp } = await import('sharp');
  const source = picture.variants.filter((variant) => variant.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
  if (!source || !isMediaFileName(source.file)) throw new DomainError('VALIDATION_FAILED', 'This picture has no file to cut its crops from; replace it with a new upload.');
  const data = await readFile(join(dir, source.file)).catch(() => {
    throw new DomainError('VALIDATION_FAILED', 'The file of this picture is missing from the media folder; replace it with a new upload.');
  });
  const stem = randomBytes(12).toString('base64url');
  const written: string[] = [];
  try {
    return await writeCrops({ stem, dir, written }, (ratio) => {
      const region = focalCropRegion({ width: source.width, height: source.height }, ratio, focal);
      const cropWidth = Math.min(CROP_WIDTH, region.width);
      return sharp(data).extract(region).resize({ width: cropWidth, height: Math.round((cropWidth * ratio[1]) / ratio[0]), fit: 'cover' });
    });
  } catch (error) {
    await Promise.all(written.map((file) => rm(join(dir, file), { force: true })));
    throw error;
  }
}

/**
 * Writes the 16:9, 4:3 and 1:1 crops `cut` makes as JPEG files `<stem>-<name>.jpg` (never over an existing
 * file), noting each in `written` so a failure can take them back.
 */
async function writeCrops(
  target: { stem: string; dir: string; written: string[] },
  cut: (ratio: readonly [number, number]) => Sharp,
): Promise<Record<CropName, string>> {
  const crops = {} as Record<CropName, string>;
  for (const [name, ratio] of Object.entries(CROPS) as Array<[CropName, readonly [number, number]]>) {
    const data = await cut(ratio).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    const file = `${target.stem}-${name}.jpg`;
    await writeFile(join(target.dir, file), data, { flag: 'wx' });
    target.written.push(file);
    crops[name] = file;
  }
  return crops;
}

/** Deletes every file of a picture (its variants and crops); files already gone are no error. */
export async function removeImageFiles(image: Pick<ProcessedImage, 'variants' | 'crops'>, dir: string): Promise<void> {
  const files = [...image.variants.map((variant) => variant.file), ...Object.values(image.crops)];
  await Promise.all(files.filter(isMediaFileName).map((file) => rm(join(dir, file), { force: true })));
}

/** Only names this module makes can be served: no path, no surprises (the rule lives in core/images). */
export { isMediaFileName };
