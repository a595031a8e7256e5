import type { WorkflowAction } from '../../core/articles/workflow.js';
import type { ArticleNote } from '../../core/ports.js';
import type { DeskTime, FormatInstant } from './desk-articles.js';

export interface NoteItem {
  id: number;
  /** "Note" or "Sent back". */
  label: string;
  by: string;
  time: DeskTime;
  body: string;
  sentBack: boolean;
}

/** The notes panel of the editor: every note, newest first, and the note a draft was last sent back with. */
export interface NotesPanelView {
  articleId: number;
  csrfToken: string;
  items: NoteItem[];
  /** Shown at the top of the editor while the draft has not been submitted again since it was sent back. */
  sentBack?: NoteItem;
}

function noteItem(note: ArticleNote, format: FormatInstant): NoteItem {
  return {
    id: note.id,
    label: note.kind === 'sent_back' ? 'Sent back' : 'Note',
    by: note.apiKeyName !== null ? `the API key “${note.apiKeyName}”` : (note.authorName ?? 'a removed person'),
    time: { iso: note.at.toISOString(), text: format(note.at) },
    body: note.body,
    sentBack: note.kind === 'sent_back',
  };
}

/**
 * The panel for an article's notes (given newest first). `lastSubmittedAt` is when the article was last
 * submitted for review: a send-back note older than that has been answered.
 */
export function notesPanelView(input: {
  articleId: number;
  csrfToken: string;
  notes: readonly ArticleNote[];
  status: string;
  lastSubmittedAt: Date | undefined;
  format: FormatInstant;
}): NotesPanelView {
  const items = input.notes.map((note) => noteItem(note, input.format));
  const latestSendBack = input.notes.find((note) => note.kind === 'sent_back');
  const open =
    latestSendBack !== undefined && input.status === 'draft' && (input.lastSubmittedAt === undefined || latestSendBack.at.getTime() >= input.lastSubmittedAt.getTime());
  return {
    articleId: input.articleId,
    csrfToken: input.csrfToken,
    items,
    ...(open ? { sentBack: items.find((item) => item.id === latestSendBack.id)! } : {}),
  };
}

/** The editor's buttons for leaving review (see `reviewExits`), on an article that is in review. */
export function reviewButtons(desk: string, exits: readonly WorkflowAction[]): Array<{ intent: string; label: string; secondary?: boolean }> {
  if (desk !== 'in_review') return [];
  return exits.flatMap((exit) =>
    exit === 'withdraw' ? [{ intent: 'withdraw', label: 'Withdraw from review', secondary: true }] : exit === 'send_back' ? [{ intent: 'send_back', label: 'Send back to the writer' }] : [],
  );
}
