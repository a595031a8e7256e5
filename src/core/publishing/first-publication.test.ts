import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../articles/article.js';
import { firstPublication } from './first-publication.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const at = (iso: string) => new Date(iso);
type State = { status: ArticleStatus; publishedAt: Date | null; firstPublishedAt: Date | null };

describe('firstPublication', () => {
  // Written by hand: [what happens, before the write, after the write, the first publication date to store].
  const cases: Array<[string, State | undefined, { status: ArticleStatus; publishedAt: Date | null }, string | null]> = [
    ['created public', undefined, { status: 'published', publishedAt: at('2026-11-29T10:00:00Z') }, '2026-11-29T10:00:00.000Z'],
    ['created as a draft', undefined, { status: 'draft', publishedAt: null }, null],
    ['created scheduled', undefined, { status: 'published', publishedAt: at('2026-11-30T10:00:00Z') }, null],
    ['unpublished', { status: 'published', publishedAt: at('2026-11-20T08:00:00Z'), firstPublishedAt: at('2026-11-20T08:00:00Z') }, { status: 'draft', publishedAt: null }, '2026-11-20T08:00:00.000Z'],
    ['unpublished after going public from a schedule with no save since', { status: 'published', publishedAt: at('2026-11-28T06:00:00Z'), firstPublishedAt: null }, { status: 'draft', publishedAt: null }, '2026-11-28T06:00:00.000Z'],
    ['schedule withdrawn before its time', { status: 'published', publishedAt: at('2026-11-30T06:00:00Z'), firstPublishedAt: null }, { status: 'draft', publishedAt: null }, null],
    ['archived', { status: 'published', publishedAt: at('2026-11-20T08:00:00Z'), firstPublishedAt: at('2026-11-20T08:00:00Z') }, { status: 'archived', publishedAt: at('2026-11-20T08:00:00Z') }, '2026-11-20T08:00:00.000Z'],
    ['restored from the archive', { status: 'archived', publishedAt: at('2026-11-20T08:00:00Z'), firstPublishedAt: at('2026-11-20T08:00:00Z') }, { status: 'draft', publishedAt: null }, '2026-11-20T08:00:00.000Z'],
    ['published again with a new date', { status: 'draft', publishedAt: null, firstPublishedAt: at('2026-11-20T08:00:00Z') }, { status: 'published', publishedAt: NOW }, '2026-11-20T08:00:00.000Z'],
    ['rescheduled after being public', { status: 'draft', publishedAt: null, firstPublishedAt: at('2026-11-20T08:00:00Z') }, { status: 'published', publishedAt: at('2026-12-01T08:00:00Z') }, '2026-11-20T08:00:00.000Z'],
    ['back-dated while public', { status: 'published', publishedAt: at('2026-11-20T08:00:00Z'), firstPublishedAt: at('2026-11-20T08:00:00Z') }, { status: 'published', publishedAt: at('2001-05-01T09:00:00Z') }, '2001-05-01T09:00:00.000Z'],
    ['moved to a later time while public', { status: 'published', publishedAt: at('2026-11-20T08:00:00Z'), firstPublishedAt: at('2026-11-20T08:00:00Z') }, { status: 'published', publishedAt: at('2026-11-29T11:00:00Z') }, '2026-11-20T08:00:00.000Z'],
    ['published for the first time now', { status: 'in_review', publishedAt: null, firstPublishedAt: null }, { status: 'published', publishedAt: NOW }, '2026-11-29T12:00:00.000Z'],
  ];
  for (const [what, before, after, expected] of cases) {
    it(what, () => {
      expect(firstPublication(before, after, NOW)?.toISOString() ?? null).toBe(expected);
    });
  }
});
