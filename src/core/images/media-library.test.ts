import { describe, expect, it } from 'vitest';
import type { Role } from '../authors/author.js';
import { bodyMarkdown, bodyReferences, checkDetails, focalCropRegion, mayChangePicture, parseFocal, pictureCacheKeys, pictureIdOf, type PictureUse, type Region } from './media-library.js';

describe('focalCropRegion', () => {
  const cases: Array<[string, { width: number; height: number }, [number, number], { x: number; y: number }, Region]> = [
    ['16:9 of a 16:9 picture is all of it', { width: 1600, height: 900 }, [16, 9], { x: 0.9, y: 0.1 }, { left: 0, top: 0, width: 1600, height: 900 }],
    ['1:1 of a wide picture, centred', { width: 1600, height: 900 }, [1, 1], { x: 0.5, y: 0.5 }, { left: 350, top: 0, width: 900, height: 900 }],
    ['1:1 of a wide picture, point near the left edge stops at the edge', { width: 1600, height: 900 }, [1, 1], { x: 0.05, y: 0.5 }, { left: 0, top: 0, width: 900, height: 900 }],
    ['1:1 of a wide picture, point near the right edge stops at the edge', { width: 1600, height: 900 }, [1, 1], { x: 1, y: 0 }, { left: 700, top: 0, width: 900, height: 900 }],
    ['1:1 of a wide picture, point at three quarters', { width: 1600, height: 900 }, [1, 1], { x: 0.75, y: 0.5 }, { left: 700, top: 0, width: 900, height: 900 }],
    ['1:1 of a wide picture, point at 0.6', { width: 1600, height: 900 }, [1, 1], { x: 0.6, y: 0.5 }, { left: 510, top: 0, width: 900, height: 900 }],
    ['4:3 of a wide picture', { width: 1200, height: 675 }, [4, 3], { x: 0.1, y: 0.5 }, { left: 0, top: 0, width: 900, height: 675 }],
    ['16:9 of a tall picture, point at the top', { width: 900, height: 1600 }, [16, 9], { x: 0.5, y: 0 }, { left: 0, top: 0, width: 900, height: 506 }],
    ['16:9 of a tall picture, point at 0.25 down', { width: 900, height: 1600 }, [16, 9], { x: 0.5, y: 0.25 }, { left: 0, top: 147, width: 900, height: 506 }],
    ['16:9 of a tall picture, point at the bottom', { width: 900, height: 1600 }, [16, 9], { x: 0.5, y: 1 }, { left: 0, top: 1094, width: 900, height: 506 }],
    ['1:1 of a square picture is all of it', { width: 500, height: 500 }, [1, 1], { x: 0.2, y: 0.8 }, { left: 0, top: 0, width: 500, height: 500 }],
    ['a one-pixel-high picture', { width: 100, height: 1 }, [1, 1], { x: 0.5, y: 0.5 }, { left: 50, top: 0, width: 1, height: 1 }],
  ];
  for (const [name, size, ratio, focal, expected] of cases) {
    it(name, () => expect(focalCropRegion(size, ratio, focal)).toEqual(expected));
  }
});

describe('parseFocal', () => {
  const good: Array<[string, string, { x: number; y: number }]> = [
    ['0.5', '0.5', { x: 0.5, y: 0.5 }],
    ['0', '1', { x: 0, y: 1 }],
    ['.25', '0,75', { x: 0.25, y: 0.75 }],
    [' 1.0 ', '0.333', { x: 1, y: 0.333 }],
  ];
  for (const [x, y, expected] of good) it(`reads "${x}", "${y}"`, () => expect(parseFocal(x, y)).toEqual(expected));
  const bad: Array<[string | undefined, string | undefined, string]> = [
    ['1.5', '0.5', 'x (across) must be a number from 0 to 1'],
    ['-0.1', '0.5', 'x (across)'],
    ['0.5', '', 'y (down) must be a number from 0 to 1 (0.5 is the middle), not ""'],
    ['0.5', undefined, 'y (down)'],
    ['NaN', '0.5', 'x (across)'],
    ['1e-1', '0.5', 'x (across)'],
    ['0x1', '0.5', 'x (across)'],
  ];
  for (const [x, y, message] of bad) it(`refuses "${x}", "${y}"`, () => expect(() => parseFocal(x, y)).toThrow(message));
});

describe('checkDetails', () => {
  it('trims, and folds runs of spaces in alt text and credit (not in the caption)', () => {
    expect(checkDetails({ alt: '  A  ship\nat sea ', caption: ' Line one\nline two ', credit: ' Ana   Ribeiro ' })).toEqual({
      alt: 'A ship at sea',
      caption: 'Line one\nline two',
      credit: 'Ana Ribeiro',
    });
  });
  const refusals: Array<[string, Parameters<typeof checkDetails>[0], string]> = [
    ['no alt text', { caption: 'x' }, 'Alt text is required'],
    ['only spaces', { alt: ' \n ' }, 'Alt text is required'],
    ['alt text too long', { alt: 'a'.repeat(501) }, 'Alt text can be at most 500 characters (it has 501).'],
    ['caption too long', { alt: 'a', caption: 'c'.repeat(1001) }, 'The caption can be at most 1000 characters (it has 1001).'],
    ['credit too long', { alt: 'a', credit: 'c'.repeat(201) }, 'The credit can be at most 200 characters (it has 201).'],
  ];
  for (const [name, input, message] of refusals) it(`refuses ${name}`, () => expect(() => checkDetails(input)).toThrow(message));
});

describe('body Markdown and references', () => {
  it('escapes brackets and backslashes in the alt text and uses the stable address', () => {
    expect(bodyMarkdown({ id: 17, alt: 'A [rare] sight\\ at\ndawn' })).toBe('![A \\[rare\\] sight\\\\ at dawn](/media/pictures/17.jpg)');
  });
  it('names the stable address and the stems of the files', () => {
    expect(bodyReferences({ id: 4, key: 'KKKKKKKKKKKKKKKK', crops: { '16x9': 'CCCCCCCCCCCCCCCC-16x9.jpg', '4x3': 'CCCCCCCCCCCCCCCC-4x3.jpg', '1x1': 'CCCCCCCCCCCCCCCC-1x1.jpg' } })).toEqual([
      '/media/pictures/4.jpg',
      '/media/KKKKKKKKKKKKKKKK-',
      '/media/CCCCCCCCCCCCCCCC-',
    ]);
  });
  const ids: Array<[string, number | undefined]> = [['17.jpg', 17], ['1.jpg', 1], ['017.jpg', undefined], ['17.png', undefined], ['17', undefined], ['x.jpg', undefined], ['12345678901.jpg', undefined]];
  for (const [segment, id] of ids) it(`reads the id of "${segment}"`, () => expect(pictureIdOf(segment)).toBe(id));
});

describe('mayChangePicture', () => {
  const use = (status: PictureUse['article']['status'], authorIds: number[]): PictureUse => ({ article: { id: 1, title: 't', status, publishedAt: null }, authorIds, featured: true, inBody: false });
  const cases: Array<[string, Role, number, number | null, PictureUse[], boolean]> = [
    ['an editor, anyone’s picture on anyone’s story', 'editor', 5, 9, [use('published', [9])], true],
    ['an admin, a picture nobody uploaded', 'admin', 5, null, [], true],
    ['a contributor, their own unused picture', 'contributor', 5, 5, [], true],
    ['a contributor, their own picture on their draft', 'contributor', 5, 5, [use('draft', [5])], true],
    ['a contributor, their own picture on their published story', 'contributor', 5, 5, [use('published', [5])], false],
    ['a contributor, their own picture also on someone else’s story', 'contributor', 5, 5, [use('draft', [5]), use('draft', [6])], false],
    ['a contributor, someone else’s picture', 'contributor', 5, 6, [], false],
    ['an author, their own picture on their published story', 'author', 5, 5, [use('published', [5])], true],
    ['an author, a picture of an account that is gone', 'author', 5, null, [], false],
  ];
  for (const [name, role, actorId, uploadedBy, uses, expected] of cases) {
    it(name, () => expect(mayChangePicture({ id: actorId, role }, { uploadedBy }, uses)).toBe(expected));
  }
});

describe('pictureCacheKeys', () => {
  it('names the articles, the sitemap months of published ones, and the people it is the portrait of', () => {
    const keys = pictureCacheKeys({
      articles: [
        { article: { id: 3, title: 'a', status: 'published', publishedAt: new Date('2026-03-04T10:00:00Z') }, authorIds: [], featured: true, inBody: false },
        { article: { id: 8, title: 'b', status: 'draft', publishedAt: null }, authorIds: [], featured: false, inBody: true },
      ],
      portraits: [{ id: 2 }],
    });
    expect(keys).toEqual(['article:3', 'sitemap:2026-03', 'article:8', 'author:2']);
  });
});
