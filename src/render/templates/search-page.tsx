import type { PageVM, SearchVM } from '../view-models/view-models.js';
import { Layout } from './layout.js';
import { ArticleList } from './parts.js';

export function SearchPage({ site, head, body }: PageVM<SearchVM>): JSX.Element {
  return (
    <Layout site={site} head={head}>
      <div class="page page--search">
        <h1>Search</h1>
        <form class="search-form" role="search" aria-label="Articles" action="/search" method="get">
          <label for="search-q">Words to look for</label>
          <input id="search-q" type="search" name="q" value={body.query} maxlength="200" />
          <button type="submit">Search</button>
        </form>
        {body.message ? (
          <p class="search__message" safe>
            {body.message}
          </p>
        ) : (
          <ArticleList items={body.items} headingLevel={2} />
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
