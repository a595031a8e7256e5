import type { EditableFields } from '../articles/editable-fields.js';

// The working copy of a live article, and versions kept aside while two people's edits are merged.

/** Edits to a published or scheduled article that readers do not see until someone applies them ("Update"). */
export interface PendingEdit {
  articleId: number;
  /** The revision whose content the working copy started from (the live text then): the base of a merge. */
  baseRevision: number;
  fields: EditableFields;
  savedBy: number | null;
  savedAt: Date;
  /** When a scheduled update is to go live, and the revision it applies. */
  applyAt: Date | null;
  applyRevision: number | null;
}

/** A person's edit that met someone else's newer save: kept here until they choose how to merge. */
export interface UnmergedEdit {
  id: number;
  articleId: number;
  userId: number | null;
  /** The revision the person was editing. */
  baseRevision: number;
  fields: EditableFields;
  /**
   * What it met: 'working', a newer save of the text being edited (the working copy, or the article itself
   * when it is not live); 'live', a change of the live text made after the working copy began.
   */
  against: 'working' | 'live';
  createdAt: Date;
}

export interface PendingEditStore {
  find(articleId: number): Promise<PendingEdit | undefined>;
  /** Creates or replaces the working copy of an article. */
  put(edit: PendingEdit): Promise<void>;
  clear(articleId: number): Promise<void>;
  /** Ids of the given articles that have a working copy. */
  withPending(articleIds: readonly number[]): Promise<Set<number>>;
  keepUnmerged(input: Omit<UnmergedEdit, 'id'>): Promise<number>;
  findUnmerged(id: number): Promise<UnmergedEdit | undefined>;
  dropUnmerged(id: number): Promise<void>;
}
