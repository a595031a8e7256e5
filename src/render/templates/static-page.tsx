import type { PageVM, StaticPageVM } from '../view-models/view-models.js';
import { Layout } from './layout.js';

/** A static page: title, body, when it last changed. */
export function StaticPagePage({ site, head, body }: PageVM<StaticPageVM>): JSX.Element {
  const safeBodyHtml = body.bodyHtml;
  return (
    <Layout site={site} head={head}>
      <div class="page page--static">
        <article class="article">
          <header class="article__header">
            <h1 class="article__title" safe>
              {body.title}
            </h1>
          </header>
          <div class="article__body">{safeBodyHtml}</div>
          <p class="article__dates">
            Last updated <time datetime={body.updated.iso} safe>{body.updated.absolute}</time>
          </p>
        </article>
      </div>
    </Layout>
  );
}
