import { reportLines } from '../../core/imports/import-report.js';
import type { ImportRun } from '../../core/imports/import-runs.js';

export interface ImportRunView {
  id: number;
  kindLabel: string;
  label: string;
  createdAt: string;
  when: string;
  dryRun: boolean;
  /** Queued or running: the page follows it. */
  active: boolean;
  done: number;
  total: number;
  /** One line saying where it is ("Running: 120 of 300 items", "Done", "Failed"). */
  stateLabel: string;
  error: string | null;
  reportLines: string[];
}

const KIND_LABELS: Readonly<Record<ImportRun['kind'], string>> = { wordpress: 'WordPress', ghost: 'Ghost', feed: 'Feed' };

/** Where a run is, in words (also what the progress endpoint sends the page's script). */
export function importStateLabel(run: Pick<ImportRun, 'status' | 'done' | 'total' | 'attempts'>): string {
  switch (run.status) {
    case 'queued':
      return run.attempts > 0 ? 'Waiting to continue (the server that ran it stopped).' : 'Waiting to start.';
    case 'running':
      return run.total > 0 ? `Running: ${run.done.toLocaleString('en')} of ${run.total.toLocaleString('en')} items.` : 'Running: reading the file.';
    case 'done':
      return 'Done.';
    case 'failed':
      return 'Stopped with an error.';
  }
}

export function importRunView(run: ImportRun, format: Intl.DateTimeFormat): ImportRunView {
  return {
    id: run.id,
    kindLabel: KIND_LABELS[run.kind],
    label: run.label,
    createdAt: run.createdAt.toISOString(),
    when: format.format(run.createdAt),
    dryRun: run.options.dryRun === true,
    active: run.status === 'queued' || run.status === 'running',
    done: run.done,
    total: run.total,
    stateLabel: importStateLabel(run),
    error: run.error,
    reportLines: run.report ? reportLines(run.report, run.options.dryRun === true) : [],
  };
}
