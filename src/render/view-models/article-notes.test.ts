import { describe, expect, it } from 'vitest';
import type { ArticleNote } from '../../core/ports.js';
import { notesPanelView } from './article-notes.js';

const at = (iso: string) => new Date(iso);
const format = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');
const note = (id: number, kind: ArticleNote['kind'], when: string, extra: Partial<ArticleNote> = {}): ArticleNote => ({
  id,
  articleId: 7,
  kind,
  body: `body ${id}`,
  authorId: 1,
  authorName: 'Nadia Editor',
  apiKeyName: null,
  at: at(when),
  ...extra,
});

describe('notesPanelView', () => {
  it('lists every note newest first as given, with who wrote it and when', () => {
    const view = notesPanelView({
      articleId: 7,
      csrfToken: 't',
      notes: [note(3, 'note', '2026-11-29T13:00:00Z', { authorName: null }), note(2, 'note', '2026-11-29T12:30:00Z', { apiKeyName: 'wire' }), note(1, 'sent_back', '2026-11-29T12:00:00Z')],
      status: 'draft',
      lastSubmittedAt: at('2026-11-29T11:00:00Z'),
      format,
    });
    expect(view.items.map((item) => [item.label, item.by, item.time.text])).toEqual([
      ['Note', 'a removed person', '2026-11-29 13:00'],
      ['Note', 'the API key “wire”', '2026-11-29 12:30'],
      ['Sent back', 'Nadia Editor', '2026-11-29 12:00'],
    ]);
  });

  // When the writer is shown the note the draft was sent back with, at the top of the editor.
  const cases: Array<[string, { status: string; submitted?: string; notes: ArticleNote[] }, number | undefined]> = [
    ['a draft sent back and not submitted since', { status: 'draft', submitted: '2026-11-29T11:00:00Z', notes: [note(1, 'sent_back', '2026-11-29T12:00:00Z')] }, 1],
    ['the newest of two send-backs', { status: 'draft', submitted: '2026-11-29T11:00:00Z', notes: [note(2, 'sent_back', '2026-11-29T12:30:00Z'), note(1, 'sent_back', '2026-11-29T10:00:00Z')] }, 2],
    ['a plain note newer than the send-back does not hide it', { status: 'draft', submitted: '2026-11-29T11:00:00Z', notes: [note(2, 'note', '2026-11-29T12:30:00Z'), note(1, 'sent_back', '2026-11-29T12:00:00Z')] }, 1],
    ['submitted again since: answered', { status: 'draft', submitted: '2026-11-29T13:00:00Z', notes: [note(1, 'sent_back', '2026-11-29T12:00:00Z')] }, undefined],
    ['in review again: answered', { status: 'in_review', submitted: '2026-11-29T11:00:00Z', notes: [note(1, 'sent_back', '2026-11-29T12:00:00Z')] }, undefined],
    ['never sent back', { status: 'draft', notes: [note(1, 'note', '2026-11-29T12:00:00Z')] }, undefined],
  ];
  for (const [name, input, expected] of cases) {
    it(`shows the send-back note: ${name}`, () => {
      const view = notesPanelView({
        articleId: 7,
        csrfToken: 't',
        notes: input.notes,
        status: input.status,
        lastSubmittedAt: input.submitted === undefined ? undefined : at(input.submitted),
        format,
      });
      expect(view.sentBack?.id).toBe(expected);
    });
  }
});
