import type { StaticPage } from '../../../core/pages/page.js';
import { AdminLayout, type AdminChrome } from './admin-layout.js';

/** Every static page, drafts too, with where it answers. */
export function PagesListPage(props: { chrome: AdminChrome; pages: StaticPage[] }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Pages">
      <h1>Pages</h1>
      <p>
        Pages that are not news: About, Contact, Corrections policy, Privacy. Each answers at its own address beside the articles (an
        address is an article's or a page's, never both) and, once published, is listed in the sitemap; pages are never in feeds.
      </p>
      <p>
        <a href="/admin/pages/new">New page</a>
      </p>
      {props.pages.length === 0 ? (
        <p>No pages yet.</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Address</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {props.pages.map((page) => (
              <tr>
                <td>
                  <a href={`/admin/pages/${page.id}`} safe>
                    {page.title}
                  </a>
                </td>
                <td safe>{`/${page.slug}`}</td>
                <td>{page.status === 'published' ? 'Published' : 'Draft'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export interface PageFormValues {
  title: string;
  slug: string;
  description: string;
  bodyMd: string;
  status: string;
  position: string;
}

/** The form for a new page or an existing one (`page` given: its revision rides along, and it can be deleted). */
export function PageEditPage(props: { chrome: AdminChrome; page?: StaticPage; values: PageFormValues }): JSX.Element {
  const csrf = props.chrome.csrfToken ?? '';
  const { page, values } = props;
  const action = page ? `/admin/pages/${page.id}` : '/admin/pages';
  const heading = page ? `Edit: ${page.title}` : 'New page';
  return (
    <AdminLayout chrome={props.chrome} title={heading}>
      <h1 safe>{heading}</h1>
      {page?.status === 'published' ? (
        <p>
          Live at <a href={`/${page.slug}`} safe>{`/${page.slug}`}</a>.
        </p>
      ) : (
        ''
      )}
      <form method="post" action={action} class="admin-form">
        <input type="hidden" name="_csrf" value={csrf} />
        {page ? <input type="hidden" name="revision" value={String(page.revision)} /> : ''}
        <label for="page-title">Title</label>
        <input id="page-title" name="title" required maxlength="200" value={values.title} />
        <label for="page-slug">Address</label>
        <input id="page-slug" name="slug" maxlength="96" value={values.slug} aria-describedby="page-slug-hint" />
        <p id="page-slug-hint" class="hint">
          The part after the site's address, such as “about”. Leave it empty to make it from the title. A published page whose address
          changes keeps the old one as a redirect.
        </p>
        <label for="page-description">Description for search engines and link previews</label>
        <input id="page-description" name="description" maxlength="300" value={values.description} />
        <label for="page-body">Text (Markdown)</label>
        <textarea id="page-body" name="bodyMd" rows="20" safe>
          {values.bodyMd}
        </textarea>
        <label for="page-status">State</label>
        <select id="page-status" name="status">
          <option value="draft" selected={values.status !== 'published'}>
            Draft (only the newsroom sees it)
          </option>
          <option value="published" selected={values.status === 'published'}>
            Published
          </option>
        </select>
        <label for="page-position">Place in lists (1 first; 0 by title)</label>
        <input id="page-position" name="position" type="number" min="0" max="1000" value={values.position} />
        <button type="submit">{page ? 'Save the page' : 'Create the page'}</button>
      </form>
      {page ? (
        <>
          <h2>Delete this page</h2>
          <form method="post" action={`/admin/pages/${page.id}/delete`} class="admin-form narrow">
            <input type="hidden" name="_csrf" value={csrf} />
            <label>
              <input type="checkbox" name="confirm" value="1" required /> Yes, delete “<span safe>{page.title}</span>” for good
            </label>
            <button type="submit">Delete the page</button>
          </form>
        </>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}
