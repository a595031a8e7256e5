import { AdminLayout, type AdminChrome } from './admin-layout.js';

/** Moving the site in and out: the export download, and how to import (admins). */
export function SitePage(props: { chrome: AdminChrome }): JSX.Element {
  const csrf = props.chrome.csrfToken ?? '';
  return (
    <AdminLayout chrome={props.chrome} title="Export and import">
      <h1>Export and import</h1>
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
