import type { Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import { initial } from './0001-initial.js';
import { apiKeysAndOutbox } from './0003-api-keys-outbox.js';
import { accounts } from './0004-accounts.js';
import { listingKeys } from './0005-listing-keys.js';
import { media } from './0006-media.js';
import { accountSecurity } from './0007-account-security.js';
import { firstPublication } from './0008-first-publication.js';
import { apiWrites } from './0009-api-writes.js';
import { revisionKinds } from './0010-revision-kinds.js';
import { pendingEdits } from './0011-pending-edits.js';
import { sectionOrder } from './0012-section-order.js';
import { mediaLibrary } from './0013-media-library.js';
import { newsroomList } from './0014-newsroom-list.js';
import { deskNotesAndDemoMarks } from './0015-desk-notes-demo-marks.js';
import { sitemapIndex } from './0016-sitemap-index.js';
import { searchIndex } from './0017-search-index.js';
import { articleCounts } from './0018-article-counts.js';
import { searchRoutines } from './0019-search-routines.js';
import { importMap } from './0020-import-map.js';
import { importRuns } from './0021-import-runs.js';
import { pages } from './0022-pages.js';
import { feedSubscriptions } from './0023-feed-subscriptions.js';

/** Every schema change, in order. Names are permanent: never rename or reorder one that has shipped. */
export function migrations(adapter: DialectAdapter): Record<string, Migration> {
  return {
    '0001-initial': initial(adapter),
    '0002-search': adapter.searchMigration,
    '0003-api-keys-outbox': apiKeysAndOutbox(adapter),
    '0004-accounts': accounts(adapter),
    '0005-listing-keys': listingKeys(adapter),
    '0006-media': media(adapter),
    '0007-account-security': accountSecurity(adapter),
    '0008-first-publication': firstPublication(adapter),
    '0009-api-writes': apiWrites(),
    '0010-revision-kinds': revisionKinds(),
    '0011-pending-edits': pendingEdits(adapter),
    '0012-section-order': sectionOrder(),
    '0013-media-library': mediaLibrary(),
    '0014-newsroom-list': newsroomList(),
    '0015-desk-notes-demo-marks': deskNotesAndDemoMarks(adapter),
    '0016-sitemap-index': sitemapIndex(),
    '0017-search-index': searchIndex(adapter),
    '0018-article-counts': articleCounts(adapter),
    '0019-search-routines': searchRoutines(adapter),
    '0020-import-map': importMap(),
    '0021-import-runs': importRuns(adapter),
    '0022-pages': pages(adapter),
    '0023-feed-subscriptions': feedSubscriptions(adapter),
  };
}
