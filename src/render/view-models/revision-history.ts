import type { RevisionInfo, RevisionKind, RevisionSnapshot } from '../../core/ports.js';
import { wordDiff, type DiffPart } from '../../core/text/word-diff.js';
import type { FormatInstant } from './desk-articles.js';

/** What made a revision, in the newsroom's words. */
export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  created: 'Created',
  autosave: 'Autosave',
  save: 'Save',
  submitted: 'Submitted for review',
  sent_back: 'Sent back to the writer',
  withdrawn: 'Withdrawn from review',
  published: 'Published',
  scheduled: 'Scheduled',
  unpublished: 'Unpublished',
  archived: 'Archived',
  unarchived: 'Back from the archive',
  restored: 'Restored an earlier revision',
  api: 'Saved through the API',
  updated: 'Changes published to the live story',
  merged: 'Merged edits of two people',
  unmerged: 'A version not kept when merging',
};

export interface HistoryEntry {
  revision: number;
  href: string;
  kind: string;
  by: string;
  when: string;
  current: boolean;
}

/** One saved revision, or a run of consecutive autosaves shown folded. */
export type HistoryItem = { type: 'one'; entry: HistoryEntry } | { type: 'autosaves'; summary: string; entries: HistoryEntry[] };

/** Who saved a revision, in words: the person, or the API key that made it. */
export function savedBy(revision: Pick<RevisionInfo, 'authorName' | 'apiKeyName'>): string | null {
  return revision.apiKeyName !== null ? `the API key “${revision.apiKeyName}”` : revision.authorName;
}

export function historyEntry(articleId: number, revision: RevisionInfo, currentRevision: number, format: FormatInstant): HistoryEntry {
  return {
    revision: revision.revision,
    href: `/admin/articles/${articleId}/revisions/${revision.revision}`,
    kind: revision.pending ? `${REVISION_KIND_LABELS[revision.kind]} (unpublished change)` : REVISION_KIND_LABELS[revision.kind],
    by: savedBy(revision) ?? 'the system',
    when: format(revision.at),
    current: revision.revision === currentRevision,
  };
}

/** The history, newest first as given, with each run of two or more consecutive autosaves folded into one item. */
export function revisionHistory(articleId: number, revisions: readonly RevisionInfo[], currentRevision: number, format: FormatInstant): HistoryItem[] {
  const items: HistoryItem[] = [];
  let run: RevisionInfo[] = [];
  const flush = () => {
    if (run.length === 1) items.push({ type: 'one', entry: historyEntry(articleId, run[0]!, currentRevision, format) });
    if (run.length > 1) {
      const entries = run.map((revision) => historyEntry(articleId, revision, currentRevision, format));
      const newest = entries[0]!;
      const oldest = entries[entries.length - 1]!;
      items.push({ type: 'autosaves', summary: `${entries.length} autosaves, revisions ${oldest.revision} to ${newest.revision} (${oldest.when} to ${newest.when})`, entries });
    }
    run = [];
  };
  for (const revision of revisions) {
    if (revision.kind === 'autosave') {
      run.push(revision);
      continue;
    }
    flush();
    items.push({ type: 'one', entry: historyEntry(articleId, revision, currentRevision, format) });
  }
  flush();
  return items;
}

/** Names for the ids a snapshot holds. */
export interface SnapshotNames {
  sections: ReadonlyMap<number, string>;
  people: ReadonlyMap<number, string>;
}

export interface FieldChange {
  field: string;
  parts: DiffPart[];
}

const NONE = 'none';
const STATUS_WORDS: Record<RevisionSnapshot['status'], string> = { draft: 'Draft', in_review: 'In review', published: 'Published', archived: 'Archived' };

/** Every field a person edits, by its plain name, as words (empty shows as "none"; times in the site's zone). */
function readable(snapshot: RevisionSnapshot, names: SnapshotNames, format: FormatInstant): Array<[string, string]> {
  const text = (value: string | null) => (value === null || value.trim() === '' ? NONE : value);
  const list = (values: readonly string[]) => (values.length === 0 ? NONE : values.join(', '));
  return [
    ['Headline', text(snapshot.title)],
    ['Standfirst', text(snapshot.dek)],
    ['Body', text(snapshot.bodyMd)],
    ['Excerpt', text(snapshot.excerpt)],
    ['Address (slug)', text(snapshot.slug)],
    ['Status', STATUS_WORDS[snapshot.status]],
    ['Publication time', snapshot.publishedAt === null ? NONE : format(new Date(snapshot.publishedAt))],
    ['Section', snapshot.primaryCategoryId === null ? NONE : (names.sections.get(snapshot.primaryCategoryId) ?? 'a deleted section')],
    ['Byline', list(snapshot.authorIds.map((id) => names.people.get(id) ?? 'a removed person'))],
    ['Tags', list(snapshot.tagNames)],
    ['Title for search engines', text(snapshot.seoTitle)],
    ['Description for search engines', text(snapshot.seoDescription)],
    ['Canonical address', text(snapshot.canonicalUrl)],
    ['Hidden from search engines', snapshot.noindex ? 'yes' : 'no'],
  ];
}

/** The fields that differ between a revision and the article now, each as a word-level diff (removed: only in the revision). */
export function revisionChanges(revision: RevisionSnapshot, current: RevisionSnapshot, names: SnapshotNames, format: FormatInstant): FieldChange[] {
  const now = new Map(readable(current, names, format));
  return readable(revision, names, format).flatMap(([field, before]) => {
    const after = now.get(field)!;
    return before === after ? [] : [{ field, parts: wordDiff(before, after) }];
  });
}
