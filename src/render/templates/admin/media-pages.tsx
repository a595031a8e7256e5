import { PictureUploadFields } from './picture-upload.js';
import { AdminLayout, type AdminChrome } from './admin-layout.js';
import type { LibraryCard, LibraryView, Paging, PicturePageView, PickerView } from '../../view-models/media-library.js';

function SearchForm(props: { action: string; query: string; label: string }): JSX.Element {
  return (
    <form method="get" action={props.action} class="filters" role="search">
      <label for="media-q">
        <span safe>{props.label}</span>
      </label>
      <input id="media-q" type="search" name="q" value={props.query} maxlength="200" />
      <button type="submit" class="secondary">
        Search
      </button>
    </form>
  );
}

function Pages(props: { paging: Paging; label: string }): JSX.Element {
  const { paging } = props;
  if (paging.pages <= 1) return '';
  return (
    <nav class="pager" aria-label={props.label}>
      {paging.previousHref ? (
        <a href={paging.previousHref} rel="prev">
          Previous page
        </a>
      ) : (
        ''
      )}
      <span safe>{`Page ${paging.page} of ${paging.pages}`}</span>
      {paging.nextHref ? (
        <a href={paging.nextHref} rel="next">
          Next page
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}

function CountLine(props: { paging: Paging; query: string }): JSX.Element {
  const { total } = props.paging;
  const pictures = `${total} picture${total === 1 ? '' : 's'}`;
  return (
    <p class="hint" role="status" safe>
      {props.query === '' ? pictures : `${pictures} matching “${props.query}”`}
    </p>
  );
}

function Thumb(props: { card: LibraryCard }): JSX.Element {
  const { card } = props;
  return <img src={card.thumbSrc} alt="" width={String(card.thumbWidth)} height={String(card.thumbHeight)} loading="lazy" decoding="async" />;
}

/** /admin/media: every picture, newest first, with search and pages. */
export function MediaLibraryPage(props: { chrome: AdminChrome; view: LibraryView }): JSX.Element {
  const { view } = props;
  return (
    <AdminLayout chrome={props.chrome} title="Pictures">
      <h1>Pictures</h1>
      <SearchForm action="/admin/media" query={view.query} label="Search alt text, captions, credits and file names" />
      <CountLine paging={view.paging} query={view.query} />
      {view.cards.length === 0 ? (
        <p>{view.query === '' ? 'No pictures yet: upload one from an article’s editor.' : 'No picture matches; try fewer or other words.'}</p>
      ) : (
        <ul class="media-grid">
          {view.cards.map((card) => (
            <li class="media-card">
              <a class="media-card__link" href={card.href}>
                <Thumb card={card} />
                <span class="media-card__alt" safe>
                  {card.alt}
                </span>
              </a>
              <p class="hint" safe>
                {`${card.size} · ${card.fileName}`}
              </p>
              <p class="hint" safe>
                {card.usedWhere}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pages paging={view.paging} label="Pages of pictures" />
    </AdminLayout>
  );
}

/** /admin/media/:id: one picture's details, focal point, uses, replacement and removal. */
export function PicturePage(props: { chrome: AdminChrome; view: PicturePageView }): JSX.Element {
  const { view } = props;
  const { card } = view;
  const csrf = props.chrome.csrfToken ?? '';
  const disabled = !view.canChange;
  return (
    <AdminLayout chrome={props.chrome} title={`Picture ${card.id}`}>
      <p>
        <a href="/admin/media">All pictures</a>
      </p>
      <h1 safe>{`Picture ${card.id}: ${card.fileName}`}</h1>
      <p class="hint" safe>
        {`${card.size} · ${card.usedWhere}`}
      </p>
      {disabled ? <p class="hint">Only editors, or the person who uploaded this picture while it is used only on their own stories, may change it.</p> : ''}
      <div class="media-detail">
        <div class="focal-figure" data-focal-figure>
          <img id="focal-image" src={view.previewSrc} alt={view.fields.alt} width={String(view.previewWidth)} height={String(view.previewHeight)} />
          <svg class="focal-cross" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <line class="focal-cross__x" x1={view.focal.crossX} y1="0" x2={view.focal.crossX} y2="1" />
            <line class="focal-cross__y" x1="0" y1={view.focal.crossY} x2="1" y2={view.focal.crossY} />
          </svg>
        </div>
        <div>
          <h2>Details</h2>
          <form method="post" action={`/admin/media/${card.id}`} class="admin-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="media-alt">Alt text (what the picture shows; required)</label>
            <textarea id="media-alt" name="alt" rows="3" required maxlength="500" disabled={disabled} safe>
              {view.fields.alt}
            </textarea>
            <label for="media-caption">Caption (shown under the picture)</label>
            <textarea id="media-caption" name="caption" rows="3" maxlength="1000" disabled={disabled} safe>
              {view.fields.caption}
            </textarea>
            <label for="media-credit">Credit (photographer or agency)</label>
            <input id="media-credit" name="credit" maxlength="200" value={view.fields.credit} disabled={disabled} />
            <div class="actions">
              <button type="submit" disabled={disabled}>
                Save details
              </button>
            </div>
          </form>
        </div>
      </div>
      <h2 id="focal-heading">Focal point</h2>
      <p class="hint" id="focal-hint">
        The 16:9, 4:3 and 1:1 versions are cut around this point. Click on the picture to choose it, or type it: across from 0 (left edge) to 1 (right
        edge), down from 0 (top) to 1 (bottom).{view.focal.chosen ? '' : ' None is chosen yet: the versions were cut where the picture looked busiest.'}
      </p>
      <form method="post" action={`/admin/media/${card.id}/focal`} class="admin-form narrow focal-form" aria-labelledby="focal-heading" aria-describedby="focal-hint">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="focal-x">Across (x)</label>
        <input id="focal-x" name="x" type="number" min="0" max="1" step="any" inputmode="decimal" required value={view.focal.x} disabled={disabled} data-focal-x />
        <label for="focal-y">Down (y)</label>
        <input id="focal-y" name="y" type="number" min="0" max="1" step="any" inputmode="decimal" required value={view.focal.y} disabled={disabled} data-focal-y />
        <div class="actions">
          <button type="submit" class="secondary" disabled={disabled}>
            Cut the versions around this point
          </button>
        </div>
      </form>
      <ul class="crop-list">
        {view.crops.map((crop) => (
          <li>
            <figure>
              <img src={crop.src} alt="" decoding="async" />
              <figcaption safe>{`${crop.label} version`}</figcaption>
            </figure>
          </li>
        ))}
      </ul>
      <h2>Where it is used</h2>
      {view.uses.length === 0 && view.portraits.length === 0 ? (
        <p>No article or profile uses this picture.</p>
      ) : (
        <ul class="media-uses">
          {view.uses.map((use) => (
            <li>
              <a href={use.href} safe>
                {use.title}
              </a>{' '}
              <span class="hint" safe>{`(${use.status}; ${use.how})`}</span>
            </li>
          ))}
          {view.portraits.map((name) => (
            <li safe>{`Portrait of ${name}`}</li>
          ))}
        </ul>
      )}
      <h2>Show it inside a body</h2>
      <p class="hint">Copy this Markdown into an article’s body where the picture should appear.</p>
      <label for="media-markdown" class="visually-hidden">
        Markdown for this picture
      </label>
      <input id="media-markdown" class="markdown-snippet" readonly value={card.markdown} />
      {view.canChange ? (
        <>
          <h2>Replace the file</h2>
          <p class="hint">Every article that shows this picture shows the new file; its alt text, caption and credit stay. The focal point starts again.</p>
          <form method="post" action={`/admin/media/${card.id}/replace`} enctype="multipart/form-data" class="admin-form narrow">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="replace-file">New picture (JPEG, PNG, WebP, GIF or AVIF)</label>
            <input id="replace-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" required />
            <div class="actions">
              <button type="submit" class="secondary">
                Replace the file
              </button>
            </div>
          </form>
          <h2>Remove</h2>
          <p class="hint">A picture an article or a profile uses cannot be removed; take it out of them first.</p>
          <form method="post" action={`/admin/media/${card.id}/remove`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="secondary">
              Remove this picture
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}

/** /admin/articles/:id/picture: the library, to choose an article's featured picture or one for its body. */
export function PicturePickerPage(props: { chrome: AdminChrome; view: PickerView }): JSX.Element {
  const { view } = props;
  const csrf = props.chrome.csrfToken ?? '';
  return (
    <AdminLayout chrome={props.chrome} title={`Pictures for ${view.article.title}`}>
      <div class="picker" data-picture-picker-page>
        <p>
          <a href={`/admin/articles/${view.article.id}`}>Back to the article</a>
        </p>
        <h1 id="picker-heading" safe>{`Pictures for “${view.article.title}”`}</h1>
        <form method="post" action={`/admin/articles/${view.article.id}/image`} enctype="multipart/form-data" class="admin-form narrow" aria-labelledby="picker-upload">
          <h2 id="picker-upload">Upload a new picture</h2>
          <PictureUploadFields csrf={csrf} revision={view.article.revision} idPrefix="picker-" />
        </form>
        <h2>Or choose one from the library</h2>
        <SearchForm action={`/admin/articles/${view.article.id}/picture`} query={view.query} label="Search the library" />
        <CountLine paging={view.paging} query={view.query} />
        {view.cards.length === 0 ? (
          <p>{view.query === '' ? 'The library is empty: upload a picture from the article’s editor.' : 'No picture matches; try fewer or other words.'}</p>
        ) : (
          <ul class="media-grid">
            {view.cards.map((card) => (
              <li class="media-card">
                <Thumb card={card} />
                <p class="media-card__alt" safe>
                  {card.alt}
                </p>
                <p class="hint" safe>
                  {card.size}
                </p>
                {view.article.featuredMediaId === card.id ? (
                  <p class="hint">This is the featured picture now.</p>
                ) : (
                  <form method="post" action={`/admin/articles/${view.article.id}/picture`}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    <input type="hidden" name="revision" value={String(view.article.revision)} />
                    <input type="hidden" name="mediaId" value={String(card.id)} />
                    <button type="submit" class="secondary" aria-describedby={`picker-alt-${card.id}`}>
                      Use as featured picture
                    </button>
                  </form>
                )}
                <span id={`picker-alt-${card.id}`} class="visually-hidden" safe>
                  {card.alt}
                </span>
                <button type="button" class="secondary" data-insert-markdown={card.markdown} aria-describedby={`picker-alt-${card.id}`} hidden>
                  Insert into body
                </button>
                <details class="insert-markdown">
                  <summary>Insert into body</summary>
                  <label for={`picker-md-${card.id}`}>Copy this Markdown into the body where the picture should go:</label>
                  <input id={`picker-md-${card.id}`} class="markdown-snippet" readonly value={card.markdown} />
                </details>
              </li>
            ))}
          </ul>
        )}
        <Pages paging={view.paging} label="Pages of pictures" />
      </div>
    </AdminLayout>
  );
}

/** A refusal on a media page when there is no picture or article to show it with (not found, not allowed). */
export function MediaErrorPage(props: { chrome: AdminChrome }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Pictures">
      <h1>Pictures</h1>
      <p>
        <a href="/admin/media">All pictures</a> · <a href="/admin">Articles</a>
      </p>
    </AdminLayout>
  );
}
