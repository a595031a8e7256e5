import type { ImportRunView } from '../../view-models/import-run-view.js';
import { AdminLayout, type AdminChrome } from './admin-layout.js';

/** "None", then every section: where a feed's drafts go. */
function SectionOptions(props: { sections: Array<{ id: number; name: string }> }): JSX.Element {
  return (
    <>
      <option value="">None</option>
      {props.sections.map((section) => (
        <option value={String(section.id)} safe>
          {section.name}
        </option>
      ))}
    </>
  );
}

/** Moving the site in and out: import from WordPress, Ghost or a feed, the imports so far, and the export download (admins). */
export interface FeedSubscriptionRow {
  id: number;
  url: string;
  section: string;
  /** How often, or "Stopped". */
  every: string;
  active: boolean;
  /** When it was last read and what came of it. */
  last: string;
}

export function SitePage(props: {
  chrome: AdminChrome;
  runs: ImportRunView[];
  feeds: FeedSubscriptionRow[];
  sections: Array<{ id: number; name: string }>;
  maxImportMegabytes: number;
}): JSX.Element {
  const csrf = props.chrome.csrfToken ?? '';
  return (
    <AdminLayout chrome={props.chrome} title="Export and import">
      <h1>Export and import</h1>
      <h2>Import</h2>
      <p>
        From a WordPress export (Tools → Export → All content), a Ghost export (Settings → Labs → Export), or an RSS, Atom or JSON feed
        whose entries become drafts. The import runs on the server while you wait or leave; its page shows how far it got. Running the
        same file again adds only what is missing.
      </p>
      <form method="post" action="/admin/imports" enctype="multipart/form-data" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset>
          <legend>What to import</legend>
          <label>
            <input type="radio" name="kind" value="wordpress" checked /> WordPress export (.xml)
          </label>
          <label>
            <input type="radio" name="kind" value="ghost" /> Ghost export (.json)
          </label>
          <label>
            <input type="radio" name="kind" value="feed" /> Feed (its entries become drafts)
          </label>
        </fieldset>
        <label for="import-file">File</label>
        <input id="import-file" name="file" type="file" accept=".xml,.json,.rss,.atom,application/xml,application/json" aria-describedby="import-file-hint" />
        <p id="import-file-hint" class="hint" safe>
          {`At most ${props.maxImportMegabytes.toLocaleString('en')} MB. For a feed, give its address below instead if you like.`}
        </p>
        <label for="import-feed-url">Feed address (feeds only)</label>
        <input id="import-feed-url" name="feedUrl" type="url" maxlength="2000" placeholder="https://" />
        <label for="import-section">Section for the feed's drafts</label>
        <select id="import-section" name="sectionId">
          <SectionOptions sections={props.sections} />
        </select>
        <label>
          <input type="checkbox" name="fetchMedia" value="1" /> WordPress or Ghost: fetch the pictures from the old site (public addresses only)
        </label>
        <label>
          <input type="checkbox" name="dryRun" value="1" /> Dry run: read everything and report, write nothing
        </label>
        <button type="submit">Start the import</button>
      </form>
      {props.runs.length > 0 ? (
        <>
          <h2>Imports so far</h2>
          <table class="list">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">What</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {props.runs.map((run) => (
                <tr>
                  <td>
                    <time datetime={run.createdAt} safe>
                      {run.when}
                    </time>
                  </td>
                  <td>
                    <a href={`/admin/imports/${run.id}`} safe>
                      {`${run.kindLabel}: ${run.label}`}
                    </a>
                  </td>
                  <td safe>{run.stateLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        ''
      )}
      <h2>Feeds polled on a schedule</h2>
      <p>
        Wire and partner feeds read again and again by the server: each new entry becomes a draft in the section, once. A feed that
        cannot be read is tried again at the next interval, and the list says why.
      </p>
      {props.feeds.length > 0 ? (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">Section</th>
              <th scope="col">Every</th>
              <th scope="col">Last read</th>
              <th scope="col">
                <span class="visually-hidden">Stop</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.feeds.map((feed) => (
              <tr>
                <td safe>{feed.url}</td>
                <td safe>{feed.section}</td>
                <td safe>{feed.every}</td>
                <td safe>{feed.last}</td>
                <td>
                  {feed.active ? (
                    <form method="post" action={`/admin/feeds/${feed.id}/stop`} class="inline-form">
                      <input type="hidden" name="_csrf" value={csrf} />
                      <button type="submit" class="secondary" aria-label={`Stop polling ${feed.url}`}>
                        Stop
                      </button>
                    </form>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        ''
      )}
      <form method="post" action="/admin/feeds" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="feed-url">Feed address</label>
        <input id="feed-url" name="url" type="url" required maxlength="2000" placeholder="https://" />
        <label for="feed-section">Section for its drafts</label>
        <select id="feed-section" name="sectionId">
          <SectionOptions sections={props.sections} />
        </select>
        <label for="feed-every">Read it every (minutes)</label>
        <input id="feed-every" name="everyMinutes" type="number" min="5" max="10080" value="30" required />
        <button type="submit">Poll this feed</button>
      </form>
      <h2>Export everything</h2>
      <p>
        One file with the whole site: every article with its revisions and notes, sections, tags, people, pictures with their files,
        redirects and settings. It restores into an empty database with <code>newsdesk import newsdesk FILE</code>, on SQLite or
        PostgreSQL, with every address kept.
      </p>
      <p class="hint">
        Passwords, two-step secrets and API keys are not in it: on a restored site people set a new password and keys are made again.
        An operator can include them with <code>newsdesk export FILE --include-secrets</code>.
      </p>
      <form method="post" action="/admin/export" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit">Download the export</button>
      </form>
    </AdminLayout>
  );
}

/** One import: live progress while it runs (the page's script asks for it each second), the report when it is done. */
export function ImportRunPage(props: { chrome: AdminChrome; run: ImportRunView }): JSX.Element {
  const { run } = props;
  return (
    <AdminLayout chrome={props.chrome} title={`Import ${run.id}`}>
      <h1 safe>{`${run.kindLabel}: ${run.label}`}</h1>
      <p class="hint">
        Started{' '}
        <time datetime={run.createdAt} safe>
          {run.when}
        </time>
        {run.dryRun ? ' as a dry run (nothing is written)' : ''}.
      </p>
      <div class="import-progress" data-import-progress={run.active ? `/admin/imports/${run.id}/progress` : undefined}>
        <p role="status" aria-live="polite" data-import-state safe>
          {run.stateLabel}
        </p>
        {run.active ? (
          <>
            <progress max={String(Math.max(run.total, 1))} value={String(run.done)} aria-label="Items imported" data-import-bar>
              {run.total > 0 ? `${Math.round((run.done / run.total) * 100)} %` : ''}
            </progress>
            <p class="hint">
              This page follows the import by itself. Without scripts, <a href={`/admin/imports/${run.id}`}>reload it</a> to see how far it got.
            </p>
          </>
        ) : (
          ''
        )}
      </div>
      {run.error ? (
        <p class="error" role="alert" safe>
          {run.error}
        </p>
      ) : (
        ''
      )}
      {run.reportLines.length > 0 ? (
        <>
          <h2>Report</h2>
          <ul>
            {run.reportLines.map((line) => (
              <li safe>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <p>
        <a href="/admin/site">Back to export and import</a>
      </p>
    </AdminLayout>
  );
}
