import { PictureUploadFields } from './picture-upload.js';
import { ARTICLE_LIMITS } from '../../../core/articles/limits.js';
import { AdminLayout, type AdminChrome } from './admin-layout.js';
import type { DeskBadge, DeskTime } from '../../view-models/desk-articles.js';
import type { FieldChange, HistoryEntry, HistoryItem } from '../../view-models/revision-history.js';
import type { ConflictView, EditorFields } from '../../view-models/article-editor.js';
import type { NotesPanelView } from '../../view-models/article-notes.js';
import { NotesPanel, SendBackFields, SentBackNotice } from './article-notes-panel.js';
import type { DiffPart } from '../../../core/text/word-diff.js';
import { BodyStats } from './body-stats.js';

export function StatusBadge(props: { status: DeskBadge }): JSX.Element {
  return (
    <span class={`status status-${props.status.key}`} safe>
      {props.status.label}
    </span>
  );
}

export function Instant(props: { time: DeskTime }): JSX.Element {
  return (
    <time datetime={props.time.iso} safe>
      {props.time.text}
    </time>
  );
}

type Option = { value: string; label: string };

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

export interface EditorButton {
  intent: string;
  label: string;
  /** Shown as the quieter kind of button. */
  secondary?: boolean;
}

export interface EditorView {
  id: number;
  revision: number;
  status: DeskBadge;
  publication?: DeskTime;
  /** A published or scheduled article: edits go to a working copy readers do not see until "Update". */
  live: boolean;
  /** The working copy differs from what readers see. */
  pending: boolean;
  /** When a scheduled update of the live text is due. */
  updateAt?: DeskTime;
  fields: EditorFields;
  safePreviewHtml: string;
  categories: Option[];
  canPublish: boolean;
  canEditByline: boolean;
  /** The buttons of the form, each saving the edits first and then doing what it says. */
  buttons: EditorButton[];
  /** Offered when the person may publish: a time for "Schedule" (or "Schedule update" of a live story). */
  schedule?: { intent: 'schedule' | 'schedule_update'; label: string; value: string; timeZone: string };
  /** Set when the time asked for happens twice (the clocks go back): which of the two is meant. */
  scheduleChoice?: { at: string; choices: Array<{ offsetMinutes: number; label: string }> };
  history: HistoryItem[];
  image?: { src: string; alt: string };
  /** The address of the page where a picture is chosen or uploaded without JavaScript. */
  pictureHref: string;
  /** The desk's notes (review notes, desk-firstrun-review). */
  notes?: NotesPanelView;
}

function Field(props: { id: keyof EditorFields; label: string; value: string; hint?: string; max?: number; lookup?: 'tags' | 'people' }): JSX.Element {
  const hintId = `${props.id}-hint`;
  return (
    <>
      <label for={props.id} safe>
        {props.label}
      </label>
      <input id={props.id} name={props.id} value={props.value} maxlength={String(props.max ?? 300)} aria-describedby={props.hint ? hintId : undefined} data-lookup={props.lookup} />
      {props.hint ? (
        <p class="hint" id={hintId} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/**
 * The editor: one form holds every field and every button, so whatever a person presses saves their edits
 * first, and the page carries one revision number that the autosave keeps current.
 */
export function EditorPage(props: { chrome: AdminChrome; view: EditorView }): JSX.Element {
  const { view } = props;
  const csrf = props.chrome.csrfToken ?? '';
  const safePreview = view.safePreviewHtml;
  return (
    <AdminLayout chrome={props.chrome} title={view.fields.title || 'Untitled'}>
      <h1 safe>{view.fields.title || 'Untitled'}</h1>
      <p class="editor-status">
        <StatusBadge status={view.status} />{' '}
        <span id="pending-badge" class="status status-pending" hidden={!view.pending}>
          Unpublished changes
        </span>{' '}
        {view.publication ? (
          <span>
            {view.status.key === 'scheduled' ? 'Goes live ' : 'Published '}
            <Instant time={view.publication} />
          </span>
        ) : (
          ''
        )}{' '}
        {view.updateAt ? (
          <span>
            {'Update scheduled for '}
            <Instant time={view.updateAt} />
          </span>
        ) : (
          ''
        )}{' '}
        <a href={`/admin/articles/${view.id}/preview`}>Preview as readers will see it</a>{' '}
        <span id="autosave-status" role="status"></span>
      </p>
      {view.notes?.sentBack ? <SentBackNotice note={view.notes.sentBack} /> : ''}
      {view.live ? (
        <p class="hint">
          {view.pending
            ? 'Readers still see the published text. Your changes are kept as unpublished changes until someone with the right to publish presses Update.'
            : 'This story is live: your edits are saved as unpublished changes, and readers see them only after Update.'}
        </p>
      ) : (
        ''
      )}
      <div class="editor">
        <form
          method="post"
          action={`/admin/articles/${view.id}`}
          class="admin-form"
          data-editor
          data-autosave={`/admin/articles/${view.id}/autosave`}
          data-live={view.live ? '1' : '0'}
        >
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="revision" value={String(view.revision)} />
          <Field id="title" label="Headline" value={view.fields.title} max={ARTICLE_LIMITS.title} />
          <Field id="dek" label="Standfirst (dek)" value={view.fields.dek} max={ARTICLE_LIMITS.dek} />
          <div class="body-field" data-visual-editor>
            <label for="bodyMd">Body (Markdown)</label>
            <textarea id="bodyMd" name="bodyMd" aria-describedby="body-stats" safe>
              {view.fields.bodyMd}
            </textarea>
            <BodyStats markdown={view.fields.bodyMd} />
          </div>
          <Field id="excerpt" label="Excerpt" value={view.fields.excerpt} max={ARTICLE_LIMITS.excerpt} hint="Leave empty to use the first words of the body." />
          <Field id="slug" label="Slug" value={view.fields.slug} max={ARTICLE_LIMITS.slug} hint="Changing the slug of a published article keeps a redirect from the old address." />
          <label for="categoryId">Section</label>
          <select id="categoryId" name="categoryId">
            <option value="">None</option>
            {view.categories.map((option) => (
              <option value={option.value} selected={option.value === view.fields.categoryId} safe>
                {option.label}
              </option>
            ))}
          </select>
          <Field id="tags" label="Tags" value={view.fields.tags} hint="Separate tags with commas." max={2000} lookup="tags" />
          {view.canEditByline ? (
            <Field id="authors" label="Byline (author slugs, in order)" value={view.fields.authors} hint="Comma-separated, e.g. imran-qadir, farah-siddiqui" max={2000} lookup="people" />
          ) : (
            ''
          )}
          <Field id="seoTitle" label="Search engine title" value={view.fields.seoTitle} max={ARTICLE_LIMITS.seoTitle} />
          <Field id="seoDescription" label="Search engine description" value={view.fields.seoDescription} max={ARTICLE_LIMITS.seoDescription} />
          <Field id="canonicalUrl" label="Canonical URL" value={view.fields.canonicalUrl} max={ARTICLE_LIMITS.canonicalUrl} hint="Only when the article first appeared elsewhere." />
          <label>
            <input type="checkbox" name="noindex" value="1" checked={view.fields.noindex} /> Ask search engines not to index this article
          </label>
          <fieldset class="picture-field" id="picture">
            <legend>Featured picture</legend>
            <div id="picture-current">
              {view.image ? <img class="thumbnail" src={view.image.src} alt={view.image.alt} width="400" /> : <p>No picture yet.</p>}
            </div>
            <div class="actions">
              <button type="submit" name="intent" value="picture" class="secondary">
                {view.image ? 'Save and change the picture' : 'Save and add a picture'}
              </button>
              {view.image ? (
                <button type="submit" name="intent" value="remove_picture" class="secondary">
                  Remove the picture
                </button>
              ) : (
                ''
              )}
            </div>
            <p>
              <a href={`/admin/articles/${view.id}/picture`} data-picture-picker>
                Choose from the library
              </a>{' '}
              <span class="hint">(a featured picture, or one to insert into the body)</span>
            </p>
          </fieldset>
          {view.buttons.some((button) => button.intent === 'send_back') ? <SendBackFields /> : ''}
          <div class="actions editor-actions">
            {view.buttons.filter((button) => button.intent !== 'send_back').map((button) => (
              <button type="submit" name="intent" value={button.intent} class={button.secondary ? 'secondary' : undefined} safe>
                {button.label}
              </button>
            ))}
          </div>
          {view.schedule ? (
            <fieldset class="schedule">
              <legend safe>{view.schedule.label}</legend>
              <label for="at" safe>{`Date and time (${view.schedule.timeZone})`}</label>
              <input id="at" name="at" type="datetime-local" value={view.scheduleChoice?.at ?? view.schedule.value} />
              {view.scheduleChoice ? (
                <fieldset>
                  <legend safe>{`${view.scheduleChoice.at.slice(11, 16)} happens twice that night. Which one?`}</legend>
                  {view.scheduleChoice.choices.map((choice) => (
                    <label>
                      <input type="radio" name="offset" value={String(choice.offsetMinutes)} />{' '}
                      <span safe>{choice.label}</span>
                    </label>
                  ))}
                </fieldset>
              ) : (
                ''
              )}
              <button type="submit" name="intent" value={view.schedule.intent} class="secondary">
                {view.schedule.intent === 'schedule' ? 'Schedule' : 'Schedule update'}
              </button>
            </fieldset>
          ) : (
            ''
          )}
        </form>
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <div id="preview" class="preview">
            {safePreview}
          </div>
        </section>
      </div>
      <form
        method="post"
        action={`/admin/articles/${view.id}/image`}
        enctype="multipart/form-data"
        class="admin-form narrow"
        id="uploader"
        data-uploader
        hidden
        aria-labelledby="uploader-heading"
      >
        <h2 id="uploader-heading">Upload a picture</h2>
        <PictureUploadFields csrf={csrf} revision={view.revision} />
        <span id="upload-status" role="status"></span>
      </form>
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

/** Asks once more before a step readers notice at once (publish now, unpublish, archive). */
export function ConfirmPage(props: {
  chrome: AdminChrome;
  id: number;
  revision: number;
  action: string;
  question: string;
  consequence: string;
  button: string;
}): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title={props.question}>
      <h1 safe>{props.question}</h1>
      <p safe>{props.consequence}</p>
      <form method="post" action={`/admin/articles/${props.id}/action`} class="actions">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        <input type="hidden" name="revision" value={String(props.revision)} />
        <input type="hidden" name="action" value={props.action} />
        <button type="submit" safe>
          {props.button}
        </button>
        <a href={`/admin/articles/${props.id}`}>Back to editing</a>
      </form>
    </AdminLayout>
  );
}

function Diff(props: { parts: DiffPart[] }): JSX.Element {
  return (
    <>
      {props.parts.map((part) =>
        part.op === 'same' ? <span safe>{part.text}</span> : part.op === 'removed' ? <del safe>{part.text}</del> : <ins safe>{part.text}</ins>,
      )}
    </>
  );
}

/**
 * Two people changed the same article: every field compared three ways. Fields only one of them changed are
 * merged already; for each field both changed, the person chooses theirs, mine, or writes a third version.
 * The form carries only those choices and the revision they were made against: nothing stale is re-sent.
 */
export function ConflictPage(props: {
  chrome: AdminChrome;
  id: number;
  unmergedId: number;
  /** The revision "theirs" is: the choices apply to it, or the page is shown again. */
  theirsRevision: number;
  theirsBy: string;
  againstLive: boolean;
  view: ConflictView;
}): JSX.Element {
  const { view } = props;
  const title = props.againstLive ? 'The live story changed while it had unpublished changes' : 'Someone else saved this article while you were editing';
  return (
    <AdminLayout chrome={props.chrome} title={title}>
      <h1>{title}</h1>
      <p safe>
        {props.againstLive
          ? `${props.theirsBy} changed the live story after the unpublished changes began. Nothing has been overwritten: your unpublished changes are kept until you choose.`
          : `${props.theirsBy} saved revision ${props.theirsRevision} after the version you were editing. Nothing has been overwritten: your version is kept until you choose, and whichever value you do not keep stays in the history.`}
      </p>
      {view.merged.length > 0 ? (
        <>
          <h2>Merged without asking</h2>
          <ul>
            {view.merged.map((item) => (
              <li safe>{`${item.label}: ${item.side === 'mine' ? 'your change' : 'their change'}`}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <form method="post" action={`/admin/articles/${props.id}/conflicts/${props.unmergedId}`} class="admin-form conflict-form">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        <input type="hidden" name="theirs" value={String(props.theirsRevision)} />
        {view.conflicts.length === 0 ? <p>Nothing left to choose: the two versions merge by themselves.</p> : <h2>Changed by both of you</h2>}
        {view.conflicts.map((conflict) => (
          <fieldset class="conflict-field">
            <legend safe>{conflict.label}</legend>
            <p class="hint">
              <del>Struck through</del>: removed from the version you both started from. <ins>Underlined</ins>: added.
            </p>
            <div class="conflict-sides">
              <label class="conflict-side">
                <input type="radio" name={`choice_${conflict.field}`} value="theirs" required />
                <span>Keep theirs</span>
                <span class="diff">
                  <Diff parts={conflict.theirs} />
                </span>
              </label>
              <label class="conflict-side">
                <input type="radio" name={`choice_${conflict.field}`} value="mine" required />
                <span>Keep mine</span>
                <span class="diff">
                  <Diff parts={conflict.mine} />
                </span>
              </label>
              {conflict.edit ? (
                <div class="conflict-side">
                  <label>
                    <input type="radio" name={`choice_${conflict.field}`} value="edit" required /> Write it again:
                  </label>
                  {conflict.edit.multiline ? (
                    <textarea name={`edit_${conflict.field}`} aria-label={`${conflict.label}, written again`} safe>
                      {conflict.edit.value}
                    </textarea>
                  ) : (
                    <input name={`edit_${conflict.field}`} value={conflict.edit.value} aria-label={`${conflict.label}, written again`} />
                  )}
                </div>
              ) : (
                ''
              )}
            </div>
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit">Save the merged version</button>
          <a href={`/admin/articles/${props.id}`}>Leave it for now (your version stays kept aside)</a>
        </div>
      </form>
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
