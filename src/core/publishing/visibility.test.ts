import { describe, expect, it } from 'vitest';
import { isPublic } from './visibility.js';

const now = new Date('2026-11-29T12:00:00Z');

describe('isPublic', () => {
  it('shows a published article whose time has come, including exactly now', () => {
    expect(isPublic({ status: 'published', publishedAt: new Date(now.getTime() - 1) }, now)).toBe(true);
    expect(isPublic({ status: 'published', publishedAt: now }, now)).toBe(true);
  });

  it('hides a scheduled (future) article until its time, then shows it', () => {
    const at = new Date(now.getTime() + 120_000);
    expect(isPublic({ status: 'published', publishedAt: at }, now)).toBe(false);
    expect(isPublic({ status: 'published', publishedAt: at }, at)).toBe(true);
  });

  it('hides drafts, articles in review and archived ones whatever their date', () => {
    for (const status of ['draft', 'in_review', 'archived'] as const) {
      expect(isPublic({ status, publishedAt: new Date(0) }, now)).toBe(false);
    }
    expect(isPublic({ status: 'published', publishedAt: null }, now)).toBe(false);
  });
});
