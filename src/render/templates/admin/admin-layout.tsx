import type { PropsWithChildren } from '@kitajs/html';

export interface AdminChrome {
  siteName: string;
  stylesheetHref: string;
  scriptHref: string;
  /** Further scripts this page needs (content-hashed asset addresses), loaded deferred after the newsroom's own. */
  scripts?: string[];
  /** Present when someone is signed in. */
  user?: { displayName: string; role: string; canManageUsers: boolean; canManageTaxonomy: boolean; canManagePages?: boolean; canMoveSite?: boolean };
  csrfToken?: string;
  /** A notice at the top of the page ("Saved."). */
  notice?: string;
  error?: string;
}

export function AdminLayout(props: PropsWithChildren<{ chrome: AdminChrome; title: string }>): JSX.Element {
  const { chrome } = props;
  return (
    <>
      {'<!doctype html>'}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex, nofollow" />
          <title safe>{`${props.title} | ${chrome.siteName} newsroom`}</title>
          <link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48" />
          <link rel="stylesheet" href={chrome.stylesheetHref} />
          <script src={chrome.scriptHref} defer></script>
          {(chrome.scripts ?? []).map((src) => (
            <script src={src} defer></script>
          ))}
        </head>
        <body class="admin">
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="admin-header">
            <a class="admin-brand" href="/admin">
              <span safe>{chrome.siteName}</span> newsroom
            </a>
            {chrome.user ? (
              <nav aria-label="Newsroom">
                <ul class="admin-nav">
                  <li>
                    <a href="/admin">Dashboard</a>
                  </li>
                  <li>
                    <a href="/admin/articles">Articles</a>
                  </li>
                  <li>
                    <a href="/admin/articles/new">New article</a>
                  </li>
                  <li>
                    <a href="/admin/media">Pictures</a>
                  </li>
                  {chrome.user.canManagePages ? (
                    <li>
                      <a href="/admin/pages">Pages</a>
                    </li>
                  ) : (
                    ''
                  )}
                  {chrome.user.canManageTaxonomy ? (
                    <>
                      <li>
                        <a href="/admin/sections">Sections</a>
                      </li>
                      <li>
                        <a href="/admin/tags">Tags</a>
                      </li>
                    </>
                  ) : (
                    ''
                  )}
                  {chrome.user.canManageUsers ? (
                    <>
                      <li>
                        <a href="/admin/users">People</a>
                      </li>
                      <li>
                        <a href="/admin/audit">Audit log</a>
                      </li>
                    </>
                  ) : (
                    ''
                  )}
                  {chrome.user.canMoveSite ? (
                    <li>
                      <a href="/admin/site">Export and import</a>
                    </li>
                  ) : (
                    ''
                  )}
                  <li>
                    <a href="/admin/profile">Profile</a>
                  </li>
                  <li>
                    <a href="/admin/password">Password</a>
                  </li>
                  <li>
                    <form method="post" action="/admin/logout" class="inline-form">
                      <input type="hidden" name="_csrf" value={chrome.csrfToken ?? ''} />
                      <button type="submit" class="link-button">
                        Sign out <span safe>{chrome.user.displayName}</span>
                      </button>
                    </form>
                  </li>
                </ul>
              </nav>
            ) : (
              ''
            )}
          </header>
          <main id="main" class="admin-main" tabindex="-1">
            {chrome.notice ? (
              <p class="notice" role="status" safe>
                {chrome.notice}
              </p>
            ) : (
              ''
            )}
            {chrome.error ? (
              <p class="error" role="alert" safe>
                {chrome.error}
              </p>
            ) : (
              ''
            )}
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
