export type CropName = '16x9' | '4x3' | '1x1';

export interface ImageVariant {
  file: string;
  width: number;
  height: number;
  format: 'webp' | 'jpeg';
}

/** An uploaded picture: its files have random names; `alt` is required for every use on the site. */
export interface Media {
  id: number;
  key: string;
  width: number;
  height: number;
  alt: string;
  variants: ImageVariant[];
  crops: Record<CropName, string>;
  originalName: string;
  /** Shown under the picture on article pages; empty when there is none. */
  caption: string;
  /** Who made the picture (photographer, agency); empty when unknown. */
  credit: string;
  /** Where the crops are centred; null when sharp chose them (attention strategy). */
  focal: FocalPoint | null;
  /** Who uploaded it; null when that account is gone. */
  uploadedBy: number | null;
  createdAt: Date;
}

/** A point of the picture as fractions of its width (x, from the left) and height (y, from the top). */
export interface FocalPoint {
  x: number;
  y: number;
}

/** Upload names are shown to staff only, and never used to store anything: kept short and printable. */
export function displayName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\p{C}]/gu, '').replace(/%00|\0/g, '').slice(0, 120) || 'upload';
}
