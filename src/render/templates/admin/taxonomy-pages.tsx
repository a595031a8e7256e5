import { AdminLayout, type AdminChrome } from './admin-layout.js';

export interface SectionRow {
  id: number;
  name: string;
  slug: string;
  description: string;
  parentId: number | null;
}

function ParentSelect(props: { id: string; sections: SectionRow[]; value: number | null; self?: number }): JSX.Element {
  return (
    <select id={props.id} name="parentId">
      <option value="">None (top level)</option>
      {props.sections
        .filter((section) => section.id !== props.self)
        .map((section) => (
          <option value={String(section.id)} selected={section.id === props.value} safe>
            {section.name}
          </option>
        ))}
    </select>
  );
}

export function SectionsPage(props: { chrome: AdminChrome; sections: SectionRow[] }): JSX.Element {
  const csrf = props.chrome.csrfToken ?? '';
  return (
    <AdminLayout chrome={props.chrome} title="Sections">
      <h1>Sections</h1>
      {props.sections.map((section) => (
        <form method="post" action={`/admin/sections/${section.id}`} class="admin-form narrow section-form">
          <h2 safe>{section.name}</h2>
          <input type="hidden" name="_csrf" value={csrf} />
          <label for={`name-${section.id}`}>Name</label>
          <input id={`name-${section.id}`} name="name" required maxlength="80" value={section.name} />
          <label for={`slug-${section.id}`}>Slug</label>
          <input id={`slug-${section.id}`} name="slug" required maxlength="96" value={section.slug} />
          <label for={`description-${section.id}`}>Description</label>
          <input id={`description-${section.id}`} name="description" maxlength="500" value={section.description} />
          <label for={`parent-${section.id}`}>Inside</label>
          <ParentSelect id={`parent-${section.id}`} sections={props.sections} value={section.parentId} self={section.id} />
          <button type="submit" class="secondary">
            Save section
          </button>
        </form>
      ))}
      <h2>Add a section</h2>
      <form method="post" action="/admin/sections" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="new-name">Name</label>
        <input id="new-name" name="name" required maxlength="80" />
        <label for="new-slug">Slug (optional)</label>
        <input id="new-slug" name="slug" maxlength="96" />
        <label for="new-description">Description</label>
        <input id="new-description" name="description" maxlength="500" />
        <label for="new-parent">Inside</label>
        <ParentSelect id="new-parent" sections={props.sections} value={null} />
        <button type="submit">Add section</button>
      </form>
    </AdminLayout>
  );
}

export function TagsPage(props: { chrome: AdminChrome; tags: Array<{ id: number; name: string; slug: string }> }): JSX.Element {
  const csrf = props.chrome.csrfToken ?? '';
  return (
    <AdminLayout chrome={props.chrome} title="Tags">
      <h1>Tags</h1>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Address</th>
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
                  <button type="submit" class="secondary">
                    Rename
                  </button>
                </form>
              </td>
              <td safe>{`/tag/${tag.slug}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
