import { AdminLayout, type AdminChrome } from './admin-layout.js';
import { Instant, StatusBadge } from './article-pages.js';
import { DESK_STATUS_OPTIONS } from '../../view-models/desk-articles.js';
import { ARTICLE_LIST_PATH, type ArticleListView, type BulkResultView, type QueueView } from '../../view-models/desk-pages.js';

type Option = { value: string; label: string };

/** What the "See all" link of each queue says, so every link on the page names where it goes. */
const SEE_ALL: Record<QueueView['key'], string> = {
  'my-drafts': 'of my drafts',
  'in-review': 'in review',
  scheduled: 'scheduled',
  published: 'published',
  pending: 'with pending changes',
};

export function DashboardPage(props: { chrome: AdminChrome; queues: QueueView[]; ownOnly: boolean }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Dashboard">
      <h1>Dashboard</h1>
      <p>
        <a href="/admin/articles/new">Write a new article</a> · <a href={ARTICLE_LIST_PATH}>{props.ownOnly ? 'All your articles' : 'All articles'}</a>
      </p>
      <div class="desk-queues">
        {props.queues.map((queue) => (
          <section class="desk-queue" aria-labelledby={`queue-${queue.key}`}>
            <h2 id={`queue-${queue.key}`}>
              <span safe>{queue.title}</span> <span class="queue-count" safe>
                {String(queue.count)}
              </span>
            </h2>
            {queue.items.length === 0 ? (
              <p class="hint">None.</p>
            ) : (
              <ul class="queue-items">
                {queue.items.map((item) => (
                  <li>
                    <a href={`/admin/articles/${item.id}`} safe>
                      {item.title}
                    </a>{' '}
                    <span class="hint">
                      <span safe>{item.timeLabel}</span> <Instant time={item.time} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {queue.count > 0 ? (
              <p>
                <a href={queue.seeAllHref} safe>{`See all ${queue.count} ${SEE_ALL[queue.key]}`}</a>
              </p>
            ) : (
              ''
            )}
          </section>
        ))}
      </div>
    </AdminLayout>
  );
}

function Select(props: { id: string; name: string; label: string; value: string; options: Option[]; none: string }): JSX.Element {
  return (
    <label for={props.id}>
      <span safe>{props.label}</span>
      <select id={props.id} name={props.name}>
        <option value="" safe>
          {props.none}
        </option>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value} safe>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ArticleListPage(props: { chrome: AdminChrome; view: ArticleListView }): JSX.Element {
  const { view } = props;
  const { filters } = view;
  const csrf = props.chrome.csrfToken ?? '';
  return (
    <AdminLayout chrome={props.chrome} title="Articles">
      <h1>{view.ownOnly ? 'Your articles' : 'Articles'}</h1>
      {view.result ? <BulkResult result={view.result} /> : ''}
      <form method="get" action={ARTICLE_LIST_PATH} class="filters" role="search" aria-label="Filter articles">
        <Select id="f-status" name="status" label="Status" value={filters.status} options={DESK_STATUS_OPTIONS} none="Any" />
        {view.ownOnly ? '' : <Select id="f-author" name="author" label="Author" value={filters.author} options={view.authors} none="Any" />}
        <Select id="f-category" name="category" label="Section" value={filters.category} options={view.categories} none="Any" />
        <label for="f-q">
          Title contains
          <input id="f-q" name="q" type="search" value={filters.q} maxlength="200" />
        </label>
        <label for="f-pending" class="check">
          <input id="f-pending" name="pending" type="checkbox" value="1" checked={filters.pending === '1'} />
          Only with unpublished changes
        </label>
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>
      <p class="hint" id="list-total" safe>
        {`${view.total === 1 ? '1 article' : `${view.total} articles`}${view.page.previousHref || view.page.nextHref ? `, ${view.page.rows.length} on this page` : ''}`}
      </p>
      {view.page.rows.length === 0 ? (
        <p>No articles match.</p>
      ) : (
        <form method="post" action={`${ARTICLE_LIST_PATH}/bulk`} class="bulk-form">
          <input type="hidden" name="_csrf" value={csrf} />
          {(['status', 'author', 'category', 'q', 'pending'] as const).map((name) => (filters[name] === '' ? '' : <input type="hidden" name={name} value={filters[name]} />))}
          {view.cursor.before ? <input type="hidden" name="before" value={view.cursor.before} /> : ''}
          {view.cursor.after ? <input type="hidden" name="after" value={view.cursor.after} /> : ''}
          <fieldset class="bulk-actions">
            <legend>With the ticked articles</legend>
            <label for="bulk-action">
              Action
              <select id="bulk-action" name="action" required>
                <option value="publish">Publish now</option>
                <option value="unpublish">Unpublish (back to draft)</option>
                <option value="move">Move to section…</option>
                <option value="tag">Add tag…</option>
              </select>
            </label>
            <Select id="bulk-section" name="section" label="Section (for Move)" value="" options={view.categories} none="Choose a section" />
            <label for="bulk-tag">
              Tag (for Add tag)
              <input id="bulk-tag" name="tag" maxlength="100" />
            </label>
            <button type="submit">Apply</button>
          </fieldset>
          <div class="table-scroll" role="region" aria-labelledby="list-caption" tabindex="0">
            <table class="list">
              <caption id="list-caption">Articles; tick some to act on them together</caption>
              <thead>
                <tr>
                  <th scope="col" data-pick-all>
                    Pick
                  </th>
                  <th scope="col">Title</th>
                  <th scope="col">Status</th>
                  <th scope="col">Publication</th>
                  <th scope="col">Byline</th>
                  <th scope="col">Section</th>
                  <th scope="col">Last change</th>
                </tr>
              </thead>
              <tbody>
                {view.page.rows.map((row) => (
                  <tr>
                    <td>
                      <input type="checkbox" name="ids" value={String(row.id)} aria-label={`Pick ${row.title}`} />
                    </td>
                    <td>
                      <a href={`/admin/articles/${row.id}`} safe>
                        {row.title}
                      </a>
                    </td>
                    <td>
                      <StatusBadge status={row.status} />
                      {row.pending ? <span class="status status-pending">Unpublished changes</span> : ''}
                    </td>
                    <td>{row.publication ? <Instant time={row.publication} /> : ''}</td>
                    <td safe>{row.authors.join(', ')}</td>
                    <td safe>{row.category}</td>
                    <td safe>{row.updated}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </form>
      )}
      {view.page.previousHref || view.page.nextHref ? (
        <nav class="pager" aria-label="Pages of the list">
          {view.page.previousHref ? (
            <a href={view.page.previousHref} rel="prev">
              ← Previous page
            </a>
          ) : (
            ''
          )}
          {view.page.nextHref ? (
            <a href={view.page.nextHref} rel="next">
              Next page →
            </a>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}

function BulkResult(props: { result: BulkResultView }): JSX.Element {
  return (
    <div class="notice bulk-result" role="status">
      {props.result.lines.map((line) => (
        <p safe>{line}</p>
      ))}
      {props.result.refused.length > 0 ? (
        <>
          <p>Not changed:</p>
          <ul>
            {props.result.refused.map((item) => (
              <li>
                <span safe>{item.title}</span> — <span safe>{item.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </div>
  );
}
