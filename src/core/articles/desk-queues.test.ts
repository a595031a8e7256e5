import { describe, expect, it } from 'vitest';
import { deskQueues, seesOwnOnly } from './desk-queues.js';

describe('the dashboard queues', () => {
  it.each([
    ['contributor', true],
    ['author', true],
    ['editor', false],
    ['admin', false],
  ] as const)('a %s sees only their own articles: %s', (role, own) => {
    expect(seesOwnOnly(role)).toBe(own);
  });

  it('gives an editor the whole desk, except drafts, which are their own', () => {
    expect(deskQueues({ id: 7, role: 'editor' })).toEqual([
      { key: 'my-drafts', filter: { status: 'draft', authorId: 7 }, order: 'changed' },
      { key: 'in-review', filter: { status: 'in_review' }, order: 'changed' },
      { key: 'scheduled', filter: { status: 'scheduled' }, order: 'publication-soonest' },
      { key: 'published', filter: { status: 'published' }, order: 'publication-latest' },
      { key: 'pending', filter: { pendingChanges: true }, order: 'changed' },
    ]);
  });

  it('gives an author every queue narrowed to their own byline', () => {
    expect(deskQueues({ id: 3, role: 'author' })).toEqual([
      { key: 'my-drafts', filter: { status: 'draft', authorId: 3 }, order: 'changed' },
      { key: 'in-review', filter: { status: 'in_review', authorId: 3 }, order: 'changed' },
      { key: 'scheduled', filter: { status: 'scheduled', authorId: 3 }, order: 'publication-soonest' },
      { key: 'published', filter: { status: 'published', authorId: 3 }, order: 'publication-latest' },
      { key: 'pending', filter: { pendingChanges: true, authorId: 3 }, order: 'changed' },
    ]);
  });
});
