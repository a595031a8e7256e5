import type { Media } from '../../core/images/image.js';
import { bodyMarkdown, CROP_NAMES, type PictureUse } from '../../core/images/media-library.js';
import { mediaPath } from '../../core/permalinks/permalinks.js';
import { DESK_STATUS_LABELS } from './desk-articles.js';

/** Pictures per page of the library and of the picker. */
export const MEDIA_PAGE_SIZE = 24;

export interface Paging {
  page: number;
  pages: number;
  total: number;
  previousHref?: string;
  nextHref?: string;
}

export interface LibraryCard {
  id: number;
  href: string;
  thumbSrc: string;
  thumbWidth: number;
  thumbHeight: number;
  alt: string;
  caption: string;
  credit: string;
  fileName: string;
  /** "1600 × 900 pixels" */
  size: string;
  /** "Featured on 1 article, in the body of 2", "A portrait", "Not used". */
  usedWhere: string;
  /** Markdown that shows the picture in a body. */
  markdown: string;
}

export interface PictureUses {
  articles: PictureUse[];
  portraits: Array<{ id: number; displayName: string }>;
}

export interface UseLine {
  href: string;
  title: string;
  status: string;
  how: string;
}

export interface PicturePageView {
  card: LibraryCard;
  previewSrc: string;
  previewWidth: number;
  previewHeight: number;
  fields: { alt: string; caption: string; credit: string };
  /** The fields (what was typed, when the form comes back) and the stored point the cross marks. */
  focal: { x: string; y: string; chosen: boolean; crossX: string; crossY: string };
  crops: Array<{ label: string; src: string }>;
  uses: UseLine[];
  portraits: string[];
  /** Whether this person may change or remove the picture (editors, or the uploader on their own stories). */
  canChange: boolean;
}

export interface PickerView {
  article: { id: number; title: string; revision: number; featuredMediaId: number | null };
  query: string;
  cards: LibraryCard[];
  paging: Paging;
}

export interface LibraryView {
  query: string;
  cards: LibraryCard[];
  paging: Paging;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Where a picture is used, in a few words for the library's grid. */
export function usedWhere(uses: PictureUses): string {
  const featured = uses.articles.filter((use) => use.featured).length;
  const inBody = uses.articles.filter((use) => use.inBody).length;
  const parts = [
    ...(featured > 0 ? [`featured on ${plural(featured, 'article', 'articles')}`] : []),
    ...(inBody > 0 ? [`in the body of ${plural(inBody, 'article', 'articles')}`] : []),
    ...(uses.portraits.length > 0 ? [`the portrait of ${plural(uses.portraits.length, 'person', 'people')}`] : []),
  ];
  if (parts.length === 0) return 'Not used';
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function smallestJpeg(picture: Media) {
  const jpegs = picture.variants.filter((variant) => variant.format === 'jpeg').sort((a, b) => a.width - b.width);
  return jpegs[0];
}

export function libraryCard(picture: Media, uses: PictureUses): LibraryCard {
  const thumb = smallestJpeg(picture);
  return {
    id: picture.id,
    href: `/admin/media/${picture.id}`,
    thumbSrc: mediaPath(thumb?.file ?? picture.crops['4x3']),
    thumbWidth: thumb?.width ?? 400,
    thumbHeight: thumb?.height ?? 300,
    alt: picture.alt,
    caption: picture.caption,
    credit: picture.credit,
    fileName: picture.originalName,
    size: `${picture.width} × ${picture.height} pixels`,
    usedWhere: usedWhere(uses),
    markdown: bodyMarkdown(picture),
  };
}

/** Page n of `total` items, with links that keep the search. */
export function paging(input: { base: string; query: string; page: number; total: number }): Paging {
  const pages = Math.max(1, Math.ceil(input.total / MEDIA_PAGE_SIZE));
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (input.query !== '') params.set('q', input.query);
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return search === '' ? input.base : `${input.base}?${search}`;
  };
  return {
    page: input.page,
    pages,
    total: input.total,
    ...(input.page > 1 ? { previousHref: href(Math.min(input.page - 1, pages)) } : {}),
    ...(input.page < pages ? { nextHref: href(input.page + 1) } : {}),
  };
}

const CROP_LABELS: Record<string, string> = { '16x9': '16:9', '4x3': '4:3', '1x1': '1:1' };

export function picturePageView(input: {
  picture: Media;
  uses: PictureUses;
  canChange: boolean;
  /** What the person typed, when the form comes back with an error. */
  typed?: Partial<{ alt: string; caption: string; credit: string; x: string; y: string }>;
}): PicturePageView {
  const { picture, uses, typed = {} } = input;
  const widest = picture.variants.filter((variant) => variant.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
  const focal = picture.focal ?? { x: 0.5, y: 0.5 };
  return {
    card: libraryCard(picture, uses),
    previewSrc: mediaPath(widest?.file ?? picture.crops['16x9']),
    previewWidth: widest?.width ?? picture.width,
    previewHeight: widest?.height ?? picture.height,
    fields: { alt: typed.alt ?? picture.alt, caption: typed.caption ?? picture.caption, credit: typed.credit ?? picture.credit },
    focal: {
      x: typed.x ?? String(Math.round(focal.x * 1000) / 1000),
      y: typed.y ?? String(Math.round(focal.y * 1000) / 1000),
      chosen: picture.focal !== null,
      crossX: String(focal.x),
      crossY: String(focal.y),
    },
    crops: CROP_NAMES.map((name) => ({ label: CROP_LABELS[name] ?? name, src: mediaPath(picture.crops[name]) })),
    uses: uses.articles.map((use) => ({
      href: `/admin/articles/${use.article.id}`,
      title: use.article.title,
      status: DESK_STATUS_LABELS[use.article.status],
      how: [use.featured ? 'featured picture' : '', use.inBody ? 'in the body' : ''].filter((part) => part !== '').join(' and '),
    })),
    portraits: uses.portraits.map((person) => person.displayName),
    canChange: input.canChange,
  };
}
