import { can } from '../access/capabilities.js';
import type { Role } from '../authors/author.js';
import type { NewsroomFilter, NewsroomOrder } from '../ports/newsroom-list.js';

/** The queues of the newsroom's dashboard, in the order it shows them. */
export type DeskQueueKey = 'my-drafts' | 'in-review' | 'scheduled' | 'published' | 'pending';

export interface DeskQueue {
  key: DeskQueueKey;
  /** Which articles the queue holds: the same filter as the article list's, so "See all" lists the same ones. */
  filter: Omit<NewsroomFilter, 'now'>;
  order: NewsroomOrder;
}

/**
 * Whether `role` sees only articles in its own byline (contributors and authors), in the list and on the
 * dashboard alike.
 */
export function seesOwnOnly(role: Role): boolean {
  return !can(role, 'article.edit.any');
}

/**
 * The dashboard's queues for a person: their own drafts; what waits for review, is scheduled (soonest
 * first) or was published (latest first), and live stories with changes readers do not see yet (latest
 * change first); all of it for editors and admins, their own for everyone else.
 */
export function deskQueues(person: { id: number; role: Role }): DeskQueue[] {
  const own = seesOwnOnly(person.role) ? { authorId: person.id } : {};
  return [
    { key: 'my-drafts', filter: { status: 'draft', authorId: person.id }, order: 'changed' },
    { key: 'in-review', filter: { status: 'in_review', ...own }, order: 'changed' },
    { key: 'scheduled', filter: { status: 'scheduled', ...own }, order: 'publication-soonest' },
    { key: 'published', filter: { status: 'published', ...own }, order: 'publication-latest' },
    { key: 'pending', filter: { pendingChanges: true, ...own }, order: 'changed' },
  ];
}
