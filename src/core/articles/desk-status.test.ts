import { describe, expect, it } from 'vitest';
import { deskStatus, isDeskStatus } from './desk-status.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');

describe('deskStatus', () => {
  const cases: Array<[string, { status: 'draft' | 'in_review' | 'published' | 'archived'; publishedAt: Date | null }, string]> = [
    ['a draft', { status: 'draft', publishedAt: null }, 'draft'],
    ['a draft that was once given a time', { status: 'draft', publishedAt: new Date('2026-11-30T12:00:00.000Z') }, 'draft'],
    ['a submission', { status: 'in_review', publishedAt: null }, 'in_review'],
    ['published an hour ago', { status: 'published', publishedAt: new Date('2026-11-29T11:00:00.000Z') }, 'published'],
    ['published this very second', { status: 'published', publishedAt: new Date('2026-11-29T12:00:00.000Z') }, 'published'],
    ['due one second from now', { status: 'published', publishedAt: new Date('2026-11-29T12:00:01.000Z') }, 'scheduled'],
    ['due tomorrow', { status: 'published', publishedAt: new Date('2026-11-30T12:00:00.000Z') }, 'scheduled'],
    ['archived with a past time', { status: 'archived', publishedAt: new Date('2026-11-01T08:00:00.000Z') }, 'archived'],
    ['archived with a future time', { status: 'archived', publishedAt: new Date('2027-01-01T08:00:00.000Z') }, 'archived'],
  ];
  for (const [name, article, expected] of cases) {
    it(`${name} → ${expected}`, () => expect(deskStatus(article, NOW)).toBe(expected));
  }

  it('accepts only the five desk statuses as a filter value', () => {
    expect(['draft', 'in_review', 'scheduled', 'published', 'archived'].every(isDeskStatus)).toBe(true);
    expect(['', 'Scheduled', 'in review', 'deleted'].some(isDeskStatus)).toBe(false);
  });
});
