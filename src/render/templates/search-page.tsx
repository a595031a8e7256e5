import type { PageVM, SearchVM } from '../view-models/view-models.js';
import { Layout } from './layout.js';
import { TimeAgo } from './parts.js';

export function SearchPage({ site, head, body }: PageVM<SearchVM>): JSX.Element {
  return (
    <Layout site={site} head={head}>
      <div class="page page--search">
        <h1>Search</h1>
        <form class="search-form" role="search" aria-label="Articles" action="/search" method="get">
          <p class="search-form__main">
            <label for="search-q">Words to look for</label>
            <input id="search-q" type="search" name="q" value={body.query} maxlength="200" aria-describedby="search-syntax" />
            <button type="submit">Search</button>
          </p>
          <p id="search-syntax" class="search-form__hint">
            Use "quotes" for a phrase, a minus sign to leave a word out (-cricket), and * to match the start of a word (defen*).
          </p>
          <fieldset class="search-form__filters">
            <legend>Narrow the results</legend>
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
            <label for="search-from">From</label>
            <input id="search-from" type="date" name="from" value={body.form.from} />
            <label for="search-to">To</label>
            <input id="search-to" type="date" name="to" value={body.form.to} />
            <label for="search-sort">Order</label>
            <select id="search-sort" name="sort">
              <option value="relevance" selected={body.form.sort === 'relevance'}>
                Best match
              </option>
              <option value="date" selected={body.form.sort === 'date'}>
                Newest first
              </option>
            </select>
            {body.form.author ? <input type="hidden" name="author" value={body.form.author} /> : ''}
            {body.form.tag ? <input type="hidden" name="tag" value={body.form.tag} /> : ''}
          </fieldset>
        </form>
        {body.chips.length > 0 ? (
          <ul class="search__chips" aria-label="Filters in force">
            {body.chips.map((chip) => (
              <li>
                <span safe>{chip.label}</span>{' '}
                <a href={chip.removeHref} aria-label={`Remove filter: ${chip.label}`}>
                  ×
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
              <span safe>{body.countText ?? ''}</span> ·{' '}
              <a href={body.sortHref}>{body.form.sort === 'date' ? 'Sort by best match' : 'Sort by newest first'}</a>
            </p>
            <ol class="article-list" id="search-results" role="list">
              {body.items.map((item) => (
                <li class="article-list__item">
                  <article>
                    <h2 class="article-list__title">
                      <a href={item.href}>{item.titleHtml}</a>
                    </h2>
                    <p class="article-list__excerpt search-results__snippet">{item.snippetHtml ?? <span safe>{item.excerpt}</span>}</p>
                    <p class="article-list__meta">
                      {item.category ? (
                        <>
                          <a href={item.category.href} safe>
                            {item.category.text}
                          </a>
                          {' · '}
                        </>
                      ) : (
                        ''
                      )}
                      <TimeAgo time={item.time} />
                    </p>
                  </article>
                </li>
              ))}
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
