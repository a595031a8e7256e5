import { createArticle, type ArticleDeps } from '../../core/articles/create-article.js';
import { isDomainError } from '../../core/errors.js';
import { htmlToMarkdown } from '../html-to-markdown.js';
import { importOnce } from '../import-once.js';
import type { FeedImportReport } from '../../core/imports/import-report.js';
import { readFeed } from './feed-reader.js';

/**
 * Wire and partner copy from a feed, as drafts in one section for an editor to pick up: never published by
 * the import. Each entry is imported once (keyed by the feed's address and the entry's guid, id or link), so
 * a feed read again — by hand or on a schedule — adds only its new entries. Entry HTML becomes Markdown like
 * every import (scripts, styles and event handlers cannot survive it; bodies render with raw HTML off).
 */

export interface FeedImportOptions {
  /** Where the feed came from (its URL, or the file's path): with each entry's key, what makes it "seen". */
  origin: string;
  sectionId: number | null;
  dryRun?: boolean;
}

export async function importFeed(deps: ArticleDeps, bytes: Buffer, options: FeedImportOptions): Promise<FeedImportReport> {
  const feed = readFeed(bytes);
  const source = `feed:${options.origin}`;
  const report: FeedImportReport = { feed: { format: feed.format, title: feed.title }, entries: feed.entries.length, created: 0, alreadyImported: 0, problems: [] };
  for (const entry of feed.entries) {
    const sourceId = entry.key.slice(0, 400);
    if (options.dryRun) {
      if ((await deps.store.imports.find(source, 'post', sourceId)) !== undefined) report.alreadyImported++;
      else report.created++;
      continue;
    }
    try {
      const outcome = await importOnce(deps.store, { source, kind: 'post', sourceId }, async (tx) => {
        const credit = [entry.author && `By ${entry.author}`, entry.link && `[Original](${entry.link})`, feed.title && `via ${feed.title}`].filter(Boolean).join(' · ');
        const body = htmlToMarkdown(entry.html);
        const article = await createArticle(
          { ...deps, store: tx },
          {
            title: (entry.title || body.split('\n')[0]!.slice(0, 80) || 'Untitled entry').slice(0, 300),
            bodyMd: credit ? `${body}\n\n*${credit}*` : body,
            status: 'draft',
            publishedAt: null,
            primaryCategoryId: options.sectionId,
            authorIds: [],
            actorId: null,
          },
        );
        return { id: article.id };
      });
      if (outcome.created) report.created++;
      else report.alreadyImported++;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      report.problems.push(`"${entry.title.slice(0, 60)}": ${error.message}`);
    }
  }
  return report;
}
