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

/** A section in navigation order: how deep it sits, and whether it can move up or down among its siblings. */
export interface SectionOrderRow {
  id: number;
  name: string;
  depth: number;
  first: boolean;
  last: boolean;
}

function MoveButton(props: { id: number; name: string; direction: 'up' | 'down'; disabled: boolean; csrf: string }): JSX.Element {
  return (
    <form method="post" action={`/admin/sections/${props.id}/move`} class="inline-form">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="direction" value={props.direction} />
      <button type="submit" class="secondary small" disabled={props.disabled} aria-label={`${props.direction === 'up' ? 'Move up' : 'Move down'}: ${props.name}`}>
        {props.direction === 'up' ? 'Move up' : 'Move down'}
      </button>
    </form>
  );
}

/** The navigation's order, by hand: each group of sibling sections with buttons to move one up or down. */
function SectionOrder(props: { rows: SectionOrderRow[]; csrf: string }): JSX.Element {
  return (
    <ol class="section-order">
      {props.rows.map((row) => (
        <li id={`order-${row.id}`} class={`depth-${Math.min(row.depth, 3)}`}>
          <span class="section-order__name" safe>
            {row.name}
          </span>
          <span class="section-order__actions">
            <MoveButton id={row.id} name={row.name} direction="up" disabled={row.first} csrf={props.csrf} />
            <MoveButton id={row.id} name={row.name} direction="down" disabled={row.last} csrf={props.csrf} />
            <a href={`/admin/sections/${row.id}/delete`} aria-label={`Delete ${row.name}`}>
              Delete
            </a>
          </span>
        </li>
      ))}
    </ol>
  );
}

export function SectionsPage(props: { chrome: AdminChrome; sections: SectionRow[]; order: SectionOrderRow[] }): JSX.Element {
  const csrf = props.chrome.csrfToken ?? '';
  return (
    <AdminLayout chrome={props.chrome} title="Sections">
      <h1>Sections</h1>
      <h2>Order in the navigation</h2>
      <p class="hint">Readers see the sections in this order; subsections open from their parent in the site's menu.</p>
      <SectionOrder rows={props.order} csrf={csrf} />
      <h2>Edit sections</h2>
      {props.sections.map((section) => (
        <form method="post" action={`/admin/sections/${section.id}`} class="admin-form narrow section-form">
          <h3 safe>{section.name}</h3>
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

/** Asks before a section is deleted: where its stories go, and what happens to its subsections and address. */
export function SectionDeletePage(props: {
  chrome: AdminChrome;
  section: SectionRow;
  articles: number;
  children: SectionRow[];
  parent?: SectionRow;
  /** Sections its stories may move to (every other one). */
  targets: SectionRow[];
  moveTo: number | null;
}): JSX.Element {
  const { section } = props;
  const stories = props.articles === 1 ? 'one article' : `${props.articles} articles`;
  return (
    <AdminLayout chrome={props.chrome} title={`Delete the section ${section.name}`}>
      <h1 safe>{`Delete the section ${section.name}?`}</h1>
      <form method="post" action={`/admin/sections/${section.id}/delete`} class="admin-form narrow">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        {props.articles > 0 ? (
          <>
            <p safe>{`It has ${stories} (in any state). Choose the section they move to; they move, and the section is deleted, in one step.`}</p>
            <label for="move-to">Move its articles to</label>
            <select id="move-to" name="moveTo" required>
              <option value="">Choose a section</option>
              {props.targets.map((target) => (
                <option value={String(target.id)} selected={target.id === props.moveTo} safe>
                  {target.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <p>It has no articles.</p>
        )}
        {props.children.length > 0 ? (
          <p safe>
            {`Its subsections (${props.children.map((child) => child.name).join(', ')}) are kept: they move up to ${props.parent ? props.parent.name : 'the top level'}.`}
          </p>
        ) : (
          ''
        )}
        <p>
          Its address <code safe>{`/category/${section.slug}`}</code>{' '}
          {props.articles > 0
            ? 'will lead to the section its articles move to (a permanent redirect).'
            : props.parent
              ? 'will lead to its parent section (a permanent redirect).'
              : 'will no longer exist.'}
        </p>
        <div class="actions">
          <button type="submit">
            Delete <span safe>{section.name}</span>
          </button>
          <a class="button secondary" href="/admin/sections">
            Cancel
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}
