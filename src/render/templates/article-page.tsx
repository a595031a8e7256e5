import type { ArticleVM, PageVM } from '../view-models/view-models.js';
import { Layout } from './layout.js';
import { ArticleList, TimeAgo } from './parts.js';

export function ArticlePage({ site, head, body }: PageVM<ArticleVM>): JSX.Element {
  const safeBodyHtml = body.bodyHtml;
  return (
    <Layout site={site} head={head}>
      <div class="page page--article">
        {body.preview ? (
          <p class="preview-banner" role="status" safe>
            {body.preview}
          </p>
        ) : (
          ''
        )}
        <article class="article">
          <header class="article__header">
            {body.category ? (
              <p class="article__section">
                <a href={body.category.href} safe>
                  {body.category.text}
                </a>
              </p>
            ) : (
              ''
            )}
            <h1 class="article__title" safe>
              {body.title}
            </h1>
            {body.dek ? (
              <p class="article__dek" safe>
                {body.dek}
              </p>
            ) : (
              ''
            )}
            <p class="article__byline">
              {body.bylines.length > 0 ? 'By ' : ''}
              {body.bylines.map((link, index) => (
                <>
                  {index === 0 ? '' : index === body.bylines.length - 1 ? ' and ' : ', '}
                  <a href={link.href} rel="author" safe>
                    {link.text}
                  </a>
                </>
              ))}
            </p>
            <p class="article__dates">
              {body.published ? (
                <>
                  Published <time datetime={body.published.iso} safe>{body.published.absolute}</time> (
                  <TimeAgo time={body.published} />)
                </>
              ) : (
                'Not published yet'
              )}
              {body.updated ? (
                <>
                  {' · Updated '}
                  <time datetime={body.updated.iso} safe>
                    {body.updated.absolute}
                  </time>
                </>
              ) : (
                ''
              )}
            </p>
          </header>
          {body.image ? (
            <figure class="article__image">
              <picture>
                <source type="image/webp" srcset={body.image.webpSrcset} sizes={body.image.sizes} />
                <img
                  src={body.image.src}
                  srcset={body.image.jpegSrcset}
                  sizes={body.image.sizes}
                  alt={body.image.alt}
                  width={String(body.image.width)}
                  height={String(body.image.height)}
                  decoding="async"
                />
              </picture>
              {body.image.caption || body.image.credit ? (
                <figcaption class="article__caption">
                  {body.image.caption ? <span safe>{body.image.caption}</span> : ''}
                  {body.image.credit ? (
                    <span class="article__credit" safe>
                      {`Picture: ${body.image.credit}`}
                    </span>
                  ) : (
                    ''
                  )}
                </figcaption>
              ) : (
                ''
              )}
            </figure>
          ) : (
            ''
          )}
          <div class="article__body">{safeBodyHtml}</div>
          <footer class="article__footer">
            {body.tags.length > 0 ? (
              <nav aria-label="Tags" class="article__tags">
                <h2 class="visually-hidden">Tags</h2>
                <ul class="tag-list">
                  {body.tags.map((tag) => (
                    <li>
                      <a href={tag.href} rel="tag" safe>
                        {tag.text}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : (
              ''
            )}
            {body.moreLink ? (
              <p class="article__more">
                <a href={body.moreLink.href} safe>
                  {body.moreLink.text}
                </a>
              </p>
            ) : (
              ''
            )}
          </footer>
        </article>
        {body.recent.length > 0 ? (
          <aside class="recent" aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recent Posts</h2>
            <ArticleList items={body.recent} />
          </aside>
        ) : (
          ''
        )}
      </div>
    </Layout>
  );
}
