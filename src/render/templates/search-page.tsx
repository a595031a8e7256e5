import type { PageVM, SearchVM } from '../view-models/view-models.js';
import { Layout } from './layout.js';
import { ListItemMeta } from './parts.js';

export function SearchPage({ site, head, body }: PageVM<SearchVM>): JSX.Element {
  return (
      <Layout site={site} head={head}>
        <div class="page page--search">
          <h1>Search</h1>
          <form class="search-form" role="search" aria-label="Articles" action="/search" method="get">
            <div class="search-form__main">
              <label for="search-q">Words to look for</label>
              <div class="search-form__box">
                <input id="search-q" type="search" name="q" value={body.query} maxlength="200" aria-describedby="search-syntax" data-suggest />
                <button type="submit">Search</button>
              </div>
              <p id="search-syntax" class="search-form__hint">
                Use "quotes" for a phrase, a minus sign to leave a word out (-cricket), and * to match the start of a word (defen*).
              </p>
            </div>
            <fieldset class="search-filters">
              <legend>Narrow the results</legend>
              <div class="search-filters__field search-filters__field--section">
                <label for="search-section">Section</label>
                <select id="search-section" name="section">
                  <option value="" selected={body.form.section === ''}>
                    All sections
                  </option>
                  {body.sections.map((section) => (
                    <option value={section.slug} selected={body.form.section === section.slug} safe>
                      {'\u2003'.repeat(section.depth) + section.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="search-filters__field">
                <label for="search-from">From</label>
                <input id="search-from" type="date" name="from" value={body.form.from} />
              </div>
              <div class="search-filters__field">
                <label for="search-to">To</label>
                <input id="search-to" type="date" name="to" value={body.form.to} />
              </div>
              <div class="search-filters__field">
                <label for="search-sort">Order</label>
                <select id="search-sort" name="sort">
                  <option value="relevance" selected={body.form.sort === 'relevance'}>
                    Best match
                  </option>
                  <option value="date" selected={body.form.sort === 'date'}>
                    Newest first
                  </option>
                </select>
              </div>
              {body.form.author ? <input type="hidden" name="author" value={body.form.author} /> : ''}
              {body.form.tag ? <input type="hidden" name="tag" value={body.form.tag} /> : ''}
              <button type="submit" class="search-filters__apply">
                Apply
              </button>
            </fieldset>
          </form>
          {body.chips.length > 0 ? (
            <ul class="search-chips" aria-label="Filters in force">
              {body.chips.map((chip) => (
                <li class="search-chips__chip">
                  <span safe>{chip.label}</span>
                  <a class="search-chips__remove" href={chip.removeHref} aria-label={`Remove filter: ${chip.label}`}>
                    <span aria-hidden="true">×</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
          {body.message ? (
            <p class="search__message" safe>
              {body.message}
            </p>
          ) : (
            <>
              <p class="search__count" role="status">
                <strong safe>{body.countText ?? ''}</strong>
                <span class="search__sorted">{body.form.sort === 'date' ? 'newest first' : 'best match first'}</span>
                <a class="search__resort" href={body.sortHref}>
                  {body.form.sort === 'date' ? 'Sort by best match' : 'Sort by newest first'}
                </a>
              </p>
              <ol class="article-list" id="search-results" role="list">
                {body.items.map((item) => {
                  // Escaped by core/fulltext/snippet.ts, with only <mark> added.
                  const safeTitleHtml = item.titleHtml;
                  const safeSnippetHtml = item.snippetHtml;
                return (
                  <li class="article-list__item">
                    <article>
                      <h2 class="article-list__title">
                        <a href={item.href}>{safeTitleHtml}</a>
                      </h2>
                      <p class="article-list__excerpt search-results__snippet">{safeSnippetHtml ?? <span safe>{item.excerpt}</span>}</p>
                      <ListItemMeta item={item} />
                    </article>
                  </li>
                );
              })}
            </ol>
          </>
        )}
        {body.prevHref || body.nextHref ? (
          <nav class="pager" aria-label="Pages">
            {body.prevHref ? (
              <a href={body.prevHref} rel="prev">
                Better matches
              </a>
            ) : (
              ''
            )}{' '}
            {body.nextHref ? (
              <a href={body.nextHref} rel="next">
                More results
              </a>
            ) : (
              ''
            )}
          </nav>
        ) : (
          ''
        )}
      </div>
    </Layout>
  );
}
