import type { NoteItem, NotesPanelView } from '../../view-models/article-notes.js';

function NoteText(props: { note: NoteItem }): JSX.Element {
  return (
    <p class="note-body" safe>
      {props.note.body}
    </p>
  );
}

function NoteByline(props: { note: NoteItem }): JSX.Element {
  return (
    <p class="note-meta">
      <strong safe>{props.note.label}</strong> by <span safe>{props.note.by}</span>,{' '}
      <time datetime={props.note.time.iso} safe>
        {props.note.time.text}
      </time>
    </p>
  );
}

/** At the top of the editor: the draft came back from review, and why. */
export function SentBackNotice(props: { note: NoteItem }): JSX.Element {
  return (
    <section class="sent-back" aria-labelledby="sent-back-heading">
      <h2 id="sent-back-heading">Sent back to you</h2>
      <NoteByline note={props.note} />
      <NoteText note={props.note} />
      <p class="hint">Make the changes, then submit it for review again.</p>
    </section>
  );
}

/**
 * "Send back", inside the editor's one form: the note to the writer and its button (which, like every button
 * of the form, saves the typed edits first). The note is not `required` in HTML, or no other button of the
 * form could be pressed with it empty; the operation refuses a send back without one.
 */
export function SendBackFields(): JSX.Element {
  return (
    <fieldset class="send-back">
      <legend>Send back to the writer</legend>
      <label for="send-back-note">Note to the writer: what should change?</label>
      <textarea id="send-back-note" name="note" rows="3" maxlength="5000"></textarea>
      <button type="submit" name="intent" value="send_back" class="secondary">
        Send back to the writer
      </button>
    </fieldset>
  );
}

/** The desk's notes on the article: the list, newest first, and a form to add one. */
export function NotesPanel(props: { view: NotesPanelView }): JSX.Element {
  const { view } = props;
  return (
    <section id="notes" class="notes-panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes for the desk</h2>
      <p class="hint">Only people in the newsroom who can open this article see these notes; readers never do.</p>
      {view.items.length === 0 ? (
        <p>No notes yet.</p>
      ) : (
        <ol class="notes">
          {view.items.map((note) => (
            <li class={note.sentBack ? 'note note-sent-back' : 'note'}>
              <NoteByline note={note} />
              <NoteText note={note} />
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`/admin/articles/${view.articleId}/notes`} class="admin-form narrow">
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <label for="note-body">Add a note</label>
        <textarea id="note-body" name="body" rows="3" maxlength="5000" required></textarea>
        <button type="submit" class="secondary">
          Add note
        </button>
      </form>
    </section>
  );
}
