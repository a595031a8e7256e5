import { AdminLayout, type AdminChrome } from './admin-layout.js';
import { DESK_STATUS_OPTIONS, type DeskArticleRow, type DeskBadge, type DeskTime } from '../../view-models/desk-articles.js';
import type { FieldChange, HistoryEntry, HistoryItem } from '../../view-models/revision-history.js';
import type { NotesPanelView } from '../../view-models/article-notes.js';
import { NotesPanel, SendBackForm, SentBackNotice } from './article-notes-panel.js';

export type AdminArticleRow = DeskArticleRow;

function StatusBadge(props: { status: DeskBadge }): JSX.Element {
  return (
    <span class={`status status-${props.status.key}`} safe>
      {props.status.label}
    </span>
  );
}

function Instant(props: { time: DeskTime }): JSX.Element {
  return (
    <time datetime={props.time.iso} safe>
      {props.time.text}
    </time>
  );
}

export interface ListFilters {
  status: string;
  author: string;
  category: string;
  q: string;
}

type Option = { value: string; label: string };

function Select(props: { id: string; name: string; label: string; value: string; options: Option[] }): JSX.Element {
  return (
    <label for={props.id}>
      <span safe>{props.label}</span>
      <select id={props.id} name={props.name}>
        <option value="">Any</option>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value} safe>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ArticleListPage(props: {
  chrome: AdminChrome;
  rows: AdminArticleRow[];
  filters: ListFilters;
  authors: Option[];
  categories: Option[];
  ownOnly: boolean;
}): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Articles">
      <h1>{props.ownOnly ? 'Your articles' : 'Articles'}</h1>
      <form method="get" action="/admin" class="filters" role="search" aria-label="Filter articles">
        <Select id="f-status" name="status" label="Status" value={props.filters.status} options={DESK_STATUS_OPTIONS} />
        {props.ownOnly ? '' : <Select id="f-author" name="author" label="Author" value={props.filters.author} options={props.authors} />}
        <Select id="f-category" name="category" label="Section" value={props.filters.category} options={props.categories} />
        <label for="f-q">
          Title contains
          <input id="f-q" name="q" type="search" value={props.filters.q} maxlength="200" />
        </label>
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p>No articles match.</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Publication</th>
              <th scope="col">Section</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>
                  <a href={`/admin/articles/${row.id}`} safe>
                    {row.title}
                  </a>
                </td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>{row.publication ? <Instant time={row.publication} /> : ''}</td>
                <td safe>{row.category}</td>
                <td safe>{row.updated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export function NewArticlePage(props: { chrome: AdminChrome; title: string }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="New article">
      <h1>New article</h1>
      <form method="post" action="/admin/articles" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        <label for="title">Headline</label>
        <input id="title" name="title" required maxlength="300" value={props.title} />
        <button type="submit">Start the draft</button>
      </form>
    </AdminLayout>
  );
}

export interface EditorFields {
  title: string;
  dek: string;
  slug: string;
  excerpt: string;
  bodyMd: string;
  categoryId: string;
  tags: string;
  authors: string;
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
  noindex: boolean;
}

export interface EditorView {
  id: number;
  revision: number;
  status: DeskBadge;
  publication?: DeskTime;
  fields: EditorFields;
  safePreviewHtml: string;
  categories: Option[];
  canPublish: boolean;
  canEditByline: boolean;
  actions: Array<{ action: string; label: string }>;
  scheduleDefault: string;
  timeZone: string;
  /** Set when the time asked for happens twice (the clocks go back): which of the two is meant. */
  scheduleChoice?: { at: string; choices: Array<{ offsetMinutes: number; label: string }> };
  history: HistoryItem[];
  image?: { src: string; alt: string };
  /** The desk's notes (review notes, desk-firstrun-review). */
  notes?: NotesPanelView;
}

function Field(props: { id: keyof EditorFields; label: string; value: string; hint?: string; max?: number }): JSX.Element {
  return (
    <>
      <label for={props.id} safe>
        {props.label}
      </label>
      <input id={props.id} name={props.id} value={props.value} maxlength={String(props.max ?? 300)} />
      {props.hint ? (
        <p class="hint" safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

export function EditorPage(props: { chrome: AdminChrome; view: EditorView }): JSX.Element {
  const { view } = props;
  const csrf = props.chrome.csrfToken ?? '';
  const safePreview = view.safePreviewHtml;
  return (
    <AdminLayout chrome={props.chrome} title={view.fields.title || 'Untitled'}>
      <h1 safe>{view.fields.title || 'Untitled'}</h1>
      <p>
        <StatusBadge status={view.status} />{' '}
        {view.publication ? (
          <span>
            {view.status.key === 'scheduled' ? 'Goes live ' : 'Published '}
            <Instant time={view.publication} />
          </span>
        ) : (
          ''
        )}{' '}
        <a href={`/admin/articles/${view.id}/preview`}>Preview as readers will see it</a>{' '}
        <span id="autosave-status" role="status"></span>
      </p>
      {view.notes?.sentBack ? <SentBackNotice note={view.notes.sentBack} /> : ''}
      <div class="editor">
        <form method="post" action={`/admin/articles/${view.id}`} class="admin-form" data-editor data-autosave={`/admin/articles/${view.id}/autosave`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="revision" value={String(view.revision)} />
          <Field id="title" label="Headline" value={view.fields.title} />
          <Field id="dek" label="Standfirst (dek)" value={view.fields.dek} max={1000} />
          <label for="bodyMd">Body (Markdown)</label>
          <textarea id="bodyMd" name="bodyMd" safe>
            {view.fields.bodyMd}
          </textarea>
          <Field id="excerpt" label="Excerpt" value={view.fields.excerpt} max={1000} hint="Leave empty to use the first words of the body." />
          <Field id="slug" label="Slug" value={view.fields.slug} hint="Changing the slug of a published article keeps a redirect from the old address." />
          <label for="categoryId">Section</label>
          <select id="categoryId" name="categoryId">
            <option value="">None</option>
            {view.categories.map((option) => (
              <option value={option.value} selected={option.value === view.fields.categoryId} safe>
                {option.label}
              </option>
            ))}
          </select>
          <Field id="tags" label="Tags" value={view.fields.tags} hint="Separate tags with commas." max={2000} />
          {view.canEditByline ? (
            <Field id="authors" label="Byline (author slugs, in order)" value={view.fields.authors} hint="Comma-separated, e.g. imran-qadir, farah-siddiqui" max={2000} />
          ) : (
            ''
          )}
          <Field id="seoTitle" label="Search engine title" value={view.fields.seoTitle} />
          <Field id="seoDescription" label="Search engine description" value={view.fields.seoDescription} max={1000} />
          <Field id="canonicalUrl" label="Canonical URL" value={view.fields.canonicalUrl} max={2000} hint="Only when the article first appeared elsewhere." />
          <label>
            <input type="checkbox" name="noindex" value="1" checked={view.fields.noindex} /> Ask search engines not to index this article
          </label>
          <div class="actions">
            <button type="submit">Save</button>
          </div>
        </form>
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <div id="preview" class="preview">
            {safePreview}
          </div>
        </section>
      </div>
      <h2>Featured picture</h2>
      {view.image ? <img class="thumbnail" src={view.image.src} alt={view.image.alt} width="400" /> : <p>No picture yet.</p>}
      <form method="post" action={`/admin/articles/${view.id}/image`} enctype="multipart/form-data" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="revision" value={String(view.revision)} />
        <label for="alt">Alt text (what the picture shows)</label>
        <input id="alt" name="alt" required maxlength="500" />
        <label for="file">Picture (JPEG, PNG, WebP, GIF or AVIF)</label>
        <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" required />
        <button type="submit" class="secondary">Upload and use</button>
      </form>
      {view.image ? (
        <form method="post" action={`/admin/articles/${view.id}/image/remove`} class="inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="revision" value={String(view.revision)} />
          <button type="submit" class="secondary">Remove the picture</button>
        </form>
      ) : (
        ''
      )}
      <h2>Publishing</h2>
      <div class="actions">
        {view.actions.map((action) =>
          action.action === 'send_back' ? (
            <SendBackForm articleId={view.id} revision={view.revision} csrfToken={csrf} label={action.label} />
          ) : (
          <form method="post" action={`/admin/articles/${view.id}/action`} class="inline-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="revision" value={String(view.revision)} />
            <input type="hidden" name="action" value={action.action} />
            <button type="submit" class="secondary" safe>
              {action.label}
            </button>
          </form>
        ))}
      </div>
      {view.canPublish ? (
        <form method="post" action={`/admin/articles/${view.id}/action`} class="admin-form narrow">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="revision" value={String(view.revision)} />
          <input type="hidden" name="action" value="schedule" />
          <label for="at" safe>{`Schedule for (${view.timeZone})`}</label>
          <input id="at" name="at" type="datetime-local" value={view.scheduleChoice?.at ?? view.scheduleDefault} required />
          {view.scheduleChoice ? (
            <fieldset>
              <legend safe>{`${view.scheduleChoice.at.slice(11, 16)} happens twice that night. Which one?`}</legend>
              {view.scheduleChoice.choices.map((choice) => (
                <label>
                  <input type="radio" name="offset" value={String(choice.offsetMinutes)} required />{' '}
                  <span safe>{choice.label}</span>
                </label>
              ))}
            </fieldset>
          ) : (
            ''
          )}
          <button type="submit" class="secondary">
            Schedule
          </button>
        </form>
      ) : (
        ''
      )}
      {view.notes ? <NotesPanel view={view.notes} /> : ''}
      <h2>History</h2>
      <ol class="history">
        {view.history.map((item) =>
          item.type === 'one' ? (
            <li>
              <HistoryLine entry={item.entry} />
            </li>
          ) : (
            <li>
              <details>
                <summary safe>{item.summary}</summary>
                <ol class="history">
                  {item.entries.map((entry) => (
                    <li>
                      <HistoryLine entry={entry} />
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ),
        )}
      </ol>
    </AdminLayout>
  );
}

/** Someone saved in between: both versions side by side, nothing overwritten, the form ready to save again. */
export function ConflictPage(props: {
  chrome: AdminChrome;
  id: number;
  currentRevision: number;
  mine: { title: string; bodyMd: string };
  theirs: { title: string; bodyMd: string; by: string };
  hidden: Array<[string, string]>;
}): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Someone else saved this article">
      <h1>Someone else saved this article</h1>
      <p safe>{`${props.theirs.by} saved a newer version while you were editing. Nothing was overwritten. Compare the two, merge what you need into your text below, and save again.`}</p>
      <div class="conflict">
        <section aria-labelledby="theirs-heading">
          <h2 id="theirs-heading" safe>{`Saved version (revision ${props.currentRevision})`}</h2>
          <h3 safe>{props.theirs.title}</h3>
          <pre safe>{props.theirs.bodyMd}</pre>
        </section>
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">Your version</h2>
          <form method="post" action={`/admin/articles/${props.id}`} class="admin-form">
            <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
            <input type="hidden" name="revision" value={String(props.currentRevision)} />
            {props.hidden.map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <label for="title">Headline</label>
            <input id="title" name="title" value={props.mine.title} />
            <label for="bodyMd">Body (Markdown)</label>
            <textarea id="bodyMd" name="bodyMd" safe>
              {props.mine.bodyMd}
            </textarea>
            <button type="submit" safe>{`Save my version over revision ${props.currentRevision}`}</button>
          </form>
        </section>
      </div>
    </AdminLayout>
  );
}

/** One revision in the history: what made it, who, when, and whether it is the article as it stands. */
function HistoryLine(props: { entry: HistoryEntry }): JSX.Element {
  const { entry } = props;
  return (
    <>
      <a href={entry.href} safe>{`Revision ${entry.revision}`}</a>
      {' · '}
      <span class="revision-kind" safe>
        {entry.kind}
      </span>
      <span safe>{` · by ${entry.by}, ${entry.when}`}</span>
      {entry.current ? (
        <>
          {' '}
          <strong class="status">Current</strong>
        </>
      ) : (
        ''
      )}
    </>
  );
}

export function RevisionPage(props: { chrome: AdminChrome; id: number; entry: HistoryEntry; changes: FieldChange[]; currentRevision: number }): JSX.Element {
  const { entry } = props;
  return (
    <AdminLayout chrome={props.chrome} title={`Revision ${entry.revision}`}>
      <h1 safe>{`Revision ${entry.revision}: ${entry.kind}`}</h1>
      <p>
        <span safe>{`By ${entry.by}, ${entry.when}.`}</span>
        {entry.current ? (
          <>
            {' '}
            <strong class="status">Current</strong> This is the article as it stands.
          </>
        ) : (
          ''
        )}
      </p>
      {props.changes.length === 0 ? (
        <p>It is the same as the current version.</p>
      ) : (
        <>
          <h2>Changes since this revision</h2>
          <p class="hint">
            <del>Struck through</del>: only in this revision. <ins>Underlined</ins>: only in the current version.
          </p>
          <dl class="revision-diff">
            {props.changes.map((change) => (
              <>
                <dt safe>{change.field}</dt>
                <dd class="diff">
                  {change.parts.map((part) =>
                    part.op === 'same' ? <span safe>{part.text}</span> : part.op === 'removed' ? <del safe>{part.text}</del> : <ins safe>{part.text}</ins>,
                  )}
                </dd>
              </>
            ))}
          </dl>
        </>
      )}
      <form method="post" action={`/admin/articles/${props.id}/revisions/${entry.revision}/restore`} class="actions">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        <input type="hidden" name="revision" value={String(props.currentRevision)} />
        <button type="submit">Restore this revision (saved as a new one)</button>
      </form>
      <p>
        <a href={`/admin/articles/${props.id}`}>Back to the article</a>
      </p>
    </AdminLayout>
  );
}
