import type { HomeVM, PageVM } from '../view-models/view-models.js';
import { Layout } from './layout.js';
import { ArticleList, TimeAgo } from './parts.js';

export function HomePage({ site, head, body }: PageVM<HomeVM>): JSX.Element {
  return (
    <Layout site={site} head={head}>
      <div class="page page--home">
        <h1 class="visually-hidden" safe>
          {site.name}
        </h1>
        {body.lead ? (
          <article class="lead-story">
            {body.lead.category ? (
              <p class="article__section">
                <a href={body.lead.category.href} safe>
                  {body.lead.category.text}
                </a>
              </p>
            ) : (
              ''
            )}
            <h2 class="lead-story__title">
              <a href={body.lead.href} safe>
                {body.lead.title}
              </a>
            </h2>
            <p class="lead-story__dek" safe>
              {body.lead.dek || body.lead.excerpt}
            </p>
            <p class="article-list__meta">
              <TimeAgo time={body.lead.time} />
            </p>
          </article>
        ) : (
          <p>No articles have been published yet.</p>
        )}
        {body.latest.length > 0 ? (
          <section class="home-latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading">Latest</h2>
            <ArticleList items={body.latest} />
          </section>
        ) : (
          ''
        )}
        <div class="home-sections">
          {body.sections.map((section, index) => (
            <section class="home-section" aria-labelledby={`section-${index}`}>
              <h2 id={`section-${index}`}>
                <a href={section.heading.href} safe>
                  {section.heading.text}
                </a>
              </h2>
              <ArticleList items={section.items} />
            </section>
          ))}
        </div>
      </div>
    </Layout>
  );
}
