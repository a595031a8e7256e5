/** What an import did, for the CLI's closing lines and the newsroom's import page. */

export type SkipReason = 'private' | 'trash' | 'unsupported status' | 'page' | 'attachment' | 'not content' | 'other type' | 'invalid';

export interface ImportReport {
  source: string;
  dryRun: boolean;
  /** Items in the file (posts, pages, attachments, menus…). */
  items: number;
  created: { articles: number; pages: number; authors: number; sections: number; tags: number; redirects: number; pictures: number };
  /** Things found in the import map: brought in by an earlier run. */
  alreadyImported: number;
  /** Articles written (or, in a dry run, that would be), by their status here. */
  byStatus: Record<'published' | 'scheduled' | 'draft' | 'in_review', number>;
  skipped: Partial<Record<SkipReason, number>>;
  /** Posts that were sticky on the old site (imported as ordinary posts: the front page has no pinned slots yet). */
  sticky: number;
  /** One line per item that could not be imported, with the reason. */
  problems: string[];
}

/** What each reason for skipping an item means, for the report. */
export const SKIP_LABELS: Readonly<Record<SkipReason, string>> = {
  private: 'private posts (not public on the old site; not brought over)',
  trash: 'posts in the trash',
  'unsupported status': 'posts in a status with no equivalent (auto-draft, inherit…)',
  page: 'static pages in a state with no equivalent here',
  attachment: 'attachments (pictures keep their old addresses in the text)',
  'not content': 'menus, templates and other site machinery',
  'other type': "items of a plugin's own post types (products, events…), which have no equivalent here",
  invalid: 'items our rules refused (listed below)',
};

/** What a feed import did. */
export interface FeedImportReport {
  feed: { format: 'rss' | 'atom' | 'rdf' | 'json'; title: string };
  entries: number;
  /** Drafts written (or, in a dry run, that would be). */
  created: number;
  alreadyImported: number;
  problems: string[];
}

const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/** The report in plain lines: the CLI prints them, the newsroom's import page lists them. */
export function reportLines(report: ImportReport | FeedImportReport, dryRun: boolean): string[] {
  if ('feed' in report) {
    return [
      `${dryRun ? 'Would import' : 'Imported'} ${count(report.created, 'new draft')} from "${report.feed.title}" (${report.feed.format}, ${count(report.entries, 'entry')}; ${report.alreadyImported} seen before).`,
      ...report.problems.map((problem) => `Not imported: ${problem}`),
    ];
  }
  const lines = [
    `${dryRun ? 'Would import' : 'Imported'} from ${report.source.replace(/^(wordpress|ghost):/, '')} (${count(report.items, 'item')} in the file):`,
    `articles: ${report.created.articles} new (published ${report.byStatus.published}, scheduled ${report.byStatus.scheduled}, draft ${report.byStatus.draft}, in review ${report.byStatus.in_review})`,
    `static pages: ${report.created.pages} new`,
    `authors: ${report.created.authors} new byline profiles (no password; invite them to sign in)`,
    `sections: ${report.created.sections} new, tags: ${report.created.tags} new, pictures: ${report.created.pictures} new, redirects from old addresses: ${report.created.redirects}`,
    `already imported by an earlier run: ${report.alreadyImported}`,
  ];
  if (report.sticky > 0) lines.push(`sticky posts: ${report.sticky}, imported as ordinary posts (the front page has no pinned slots yet)`);
  for (const [reason, n] of Object.entries(report.skipped)) lines.push(`skipped: ${n} ${SKIP_LABELS[reason as SkipReason]}`);
  for (const problem of report.problems) lines.push(`not imported: ${problem}`);
  return lines;
}
