import type { ArchiveVM, PageVM } from '../view-models/view-models.js';
import { Layout } from './layout.js';
import { ArticleList } from './parts.js';

const KIND_LABEL: Record<ArchiveVM['kind'], string> = { category: 'Section', tag: 'Tag', author: 'Author' };

export function ArchivePage({ site, head, body }: PageVM<ArchiveVM>): JSX.Element {
  return (
    <Layout site={site} head={head}>
      <div class="page page--archive">
        <header class="archive__header">
          {body.portrait ? <img class="archive__portrait" src={body.portrait.src} alt={body.portrait.alt} width="96" height="96" /> : ''}
          <p class="archive__kind" safe>
            {KIND_LABEL[body.kind]}
          </p>
          <h1 safe>{body.heading}</h1>
          <p class="archive__description" safe>
            {body.description}
          </p>
          {body.paged ? <p class="archive__paged">Older articles</p> : ''}
          <form class="search-within" role="search" aria-label={body.searchWithin.label} action="/search" method="get">
            <label for="search-within-q" safe>
              {body.searchWithin.label}
            </label>
            <div class="search-within__box">
              <input id="search-within-q" type="search" name="q" maxlength="200" />
              <input type="hidden" name={body.searchWithin.name} value={body.searchWithin.value} />
              <button type="submit">Search</button>
            </div>
          </form>
        </header>
        {body.items.length > 0 ? (
          <ArticleList items={body.items} headingLevel={2} />
        ) : (
          <p>There are no articles here yet.</p>
        )}
        {body.nextHref ? (
          <nav class="pager" aria-label="Pages">
            <a href={body.nextHref} rel="next">
              Older articles
            </a>
          </nav>
        ) : (
          ''
        )}
      </div>
    </Layout>
  );
}
