import type { FeedImportReport, ImportReport } from './import-report.js';

/** What the newsroom's Import page can bring in (a Newsdesk export is restored from the CLI, into an empty database). */
export const IMPORT_KINDS = ['wordpress', 'ghost', 'feed'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportRunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportRunOptions {
  /** WordPress: fetch the pictures from their (public) addresses. */
  fetchMedia?: boolean;
  /** Feed: the section its drafts go to. */
  sectionId?: number | null;
  /** Read everything, write nothing. */
  dryRun?: boolean;
}

/** An import started from the newsroom, run by whichever server process takes it (migration 0021). */
export interface ImportRun {
  id: number;
  kind: ImportKind;
  /** The uploaded file's path on the server, or a feed's address. */
  source: string;
  /** What the person gave: the upload's file name or the feed's address. */
  label: string;
  options: ImportRunOptions;
  status: ImportRunStatus;
  done: number;
  total: number;
  /** How many times a process took it (more than one: a process ended while running it). */
  attempts: number;
  report: ImportReport | FeedImportReport | null;
  error: string | null;
  createdBy: number | null;
  createdAt: Date;
  heartbeatAt: Date | null;
  finishedAt: Date | null;
}

export interface ImportRunStore {
  create(input: { kind: ImportKind; source: string; label: string; options: ImportRunOptions; createdBy: number | null; at: Date }): Promise<ImportRun>;
  findById(id: number): Promise<ImportRun | undefined>;
  /** The newest runs first. */
  recent(limit: number): Promise<ImportRun[]>;
  /**
   * Takes the oldest queued run, or a running one whose heartbeat is older than `staleBefore` (its process
   * ended), for this process: exactly one process gets each. Undefined when there is none.
   */
  claim(input: { now: Date; staleBefore: Date }): Promise<ImportRun | undefined>;
  /** Progress, and proof the run is alive. */
  heartbeat(id: number, input: { done: number; total: number; at: Date }): Promise<void>;
  finish(id: number, input: { status: 'done' | 'failed'; report?: ImportReport | FeedImportReport; error?: string; at: Date }): Promise<void>;
}

/** A run whose process has not shown life for this long is taken over by another. */
export const IMPORT_STALE_MS = 60_000;
/** A run taken this many times without finishing is given up (something in it ends the process). */
export const IMPORT_MAX_ATTEMPTS = 3;
