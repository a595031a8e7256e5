import { AdminLayout, type AdminChrome } from './admin-layout.js';

export interface TagRow {
  id: number;
  name: string;
  slug: string;
  /** Articles in any state that carry the tag. */
  articles: number;
}

const articleCount = (n: number) => (n === 1 ? '1 article' : `${n} articles`);

/** Every tag with how many articles carry it; rename in place, add, and links to merge or delete (each confirmed). */
export function TagsPage(props: { chrome: AdminChrome; tags: TagRow[]; query: string; capped: boolean }): JSX.Element {
  const csrf = props.chrome.csrfToken ?? '';
  return (
    <AdminLayout chrome={props.chrome} title="Tags">
      <h1>Tags</h1>
      <h2>Add a tag</h2>
      <form method="post" action="/admin/tags" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="new-tag">Name</label>
        <input id="new-tag" name="name" required maxlength="100" />
        <button type="submit">Add tag</button>
      </form>
      <h2>All tags</h2>
      <form method="get" action="/admin/tags" class="filters" role="search" aria-label="Tags">
        <label for="tag-filter">
          Names containing
          <input id="tag-filter" name="q" type="search" maxlength="100" value={props.query} />
        </label>
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>
      {props.tags.length === 0 ? <p>No tags {props.query ? 'match.' : 'yet.'}</p> : ''}
      {props.capped ? (
        <p class="hint" safe>
          {`Only the first ${props.tags.length} are shown; narrow the list with a filter.`}
        </p>
      ) : (
        ''
      )}
      <table class="list tag-table">
        <thead>
          <tr>
            <th scope="col">Tag and address</th>
            <th scope="col">Articles</th>
            <th scope="col">Merge or delete</th>
          </tr>
        </thead>
        <tbody>
          {props.tags.map((tag) => (
            <tr>
              <td>
                <form method="post" action={`/admin/tags/${tag.id}`} class="inline-form">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <label class="visually-hidden" for={`tag-${tag.id}`}>
                    Name of tag <span safe>{tag.slug}</span>
                  </label>
                  <input id={`tag-${tag.id}`} name="name" required maxlength="100" value={tag.name} />{' '}
                  <button type="submit" class="secondary small">
                    Rename
                  </button>
                </form>
                <span class="hint tag-address" safe>{`/tag/${tag.slug}`}</span>
              </td>
              <td class="count" safe>
                {String(tag.articles)}
              </td>
              <td>
                <a href={`/admin/tags/${tag.id}/merge`} aria-label={`Merge ${tag.name}`}>
                  Merge
                </a>{' '}
                <a href={`/admin/tags/${tag.id}/delete`} aria-label={`Delete ${tag.name}`}>
                  Delete
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

/** Asks before a tag is deleted, saying what happens to its articles and address. */
export function TagDeletePage(props: { chrome: AdminChrome; tag: TagRow }): JSX.Element {
  const { tag } = props;
  return (
    <AdminLayout chrome={props.chrome} title={`Delete the tag ${tag.name}`}>
      <h1 safe>{`Delete the tag ${tag.name}?`}</h1>
      <p>
        <span safe>{tag.articles === 0 ? 'No article carries it.' : `${articleCount(tag.articles)} carry it; they will lose it and keep their other tags.`}</span> Its page <code safe>{`/tag/${tag.slug}`}</code> and its feeds will be gone. To keep readers' links working, merge it into another tag instead.
      </p>
      <form method="post" action={`/admin/tags/${tag.id}/delete`} class="actions">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        <button type="submit">
          Delete <span safe>{tag.name}</span>
        </button>
        <a class="button secondary" href={`/admin/tags/${tag.id}/merge`}>
          Merge it instead
        </a>
        <a class="button secondary" href="/admin/tags">
          Cancel
        </a>
      </form>
    </AdminLayout>
  );
}

/** Merging, in two steps that work without a script: choose the tag to merge into, then confirm. */
export function TagMergePage(props: { chrome: AdminChrome; tag: TagRow; others: TagRow[]; into?: TagRow }): JSX.Element {
  const { tag, into } = props;
  return (
    <AdminLayout chrome={props.chrome} title={`Merge the tag ${tag.name}`}>
      <h1 safe>{`Merge the tag ${tag.name}`}</h1>
      <form method="get" action={`/admin/tags/${tag.id}/merge`} class="admin-form narrow">
        <label for="merge-into">Into the tag</label>
        <select id="merge-into" name="into" required>
          <option value="">Choose a tag</option>
          {props.others.map((other) => (
            <option value={String(other.id)} selected={other.id === into?.id} safe>
              {`${other.name} (${articleCount(other.articles)})`}
            </option>
          ))}
        </select>
        <button type="submit" class={into ? 'secondary' : ''}>
          {into ? 'Choose this tag instead' : 'Next'}
        </button>
      </form>
      {into ? (
        <section aria-labelledby="merge-confirm">
          <h2 id="merge-confirm" safe>{`Merge ${tag.name} into ${into.name}?`}</h2>
          <ul>
            <li safe>{`${articleCount(tag.articles)} tagged ${tag.name} will be tagged ${into.name} instead.`}</li>
            <li safe>{`${tag.name} will be deleted.`}</li>
            <li>
              Its address <code safe>{`/tag/${tag.slug}`}</code> and its feeds will lead readers to <code safe>{`/tag/${into.slug}`}</code> (a permanent redirect).
            </li>
          </ul>
          <form method="post" action={`/admin/tags/${tag.id}/merge`} class="actions">
            <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
            <input type="hidden" name="into" value={String(into.id)} />
            <button type="submit" safe>{`Merge into ${into.name}`}</button>
            <a class="button secondary" href="/admin/tags">
              Cancel
            </a>
          </form>
        </section>
      ) : (
        <p>
          <a href="/admin/tags">Back to the tags</a>
        </p>
      )}
    </AdminLayout>
  );
}
