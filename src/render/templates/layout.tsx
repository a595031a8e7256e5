import type { PropsWithChildren } from '@kitajs/html';
import { serializeJsonLd } from '../view-models/structured-data.js';
import type { HeadVM, NavItem, SiteVM } from '../view-models/view-models.js';

/** Subsections, nested as deep as they go. */
function SubsectionList(props: { items: NavItem[] }): JSX.Element {
  return (
    <ul>
      {props.items.map((item) => (
        <li>
          <a href={item.href} safe>
            {item.text}
          </a>
          {item.children.length > 0 ? <SubsectionList items={item.children} /> : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * A top-level section: its link, and when it has subsections a <details> disclosure beside it that opens
 * them (a native button: keyboard and screen readers work, and no script is needed).
 */
function NavEntry(props: { item: NavItem }): JSX.Element {
  const { item } = props;
  if (item.children.length === 0) {
    return (
      <li>
        <a href={item.href} safe>
          {item.text}
        </a>
      </li>
    );
  }
  return (
    <li class="site-nav__parent">
      <a href={item.href} safe>
        {item.text}
      </a>
      <details class="site-nav__more">
        <summary>
          <span class="visually-hidden" safe>{`${item.text}: subsections`}</span>
        </summary>
        <div class="site-nav__panel">
          <SubsectionList items={item.children} />
        </div>
      </details>
    </li>
  );
}

export function Layout(props: PropsWithChildren<{ site: SiteVM; head: HeadVM }>): JSX.Element {
  const { site, head } = props;
  const safeJsonLd = head.jsonLd.map(serializeJsonLd);
  return (
    <html lang={site.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title safe>{head.title}</title>
        <meta name="description" content={head.description} />
        <link rel="canonical" href={head.canonical} />
        {head.robots ? <meta name="robots" content={head.robots} /> : ''}
        {head.prev ? <link rel="prev" href={head.prev} /> : ''}
        {head.next ? <link rel="next" href={head.next} /> : ''}
        <meta name="color-scheme" content="light dark" />
        <meta property="og:site_name" content={site.name} />
        <meta property="og:type" content={head.ogType} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        <meta property="og:url" content={head.canonical} />
        {head.ogArticle ? (
          <>
            <meta property="article:published_time" content={head.ogArticle.publishedTime} />
            <meta property="article:modified_time" content={head.ogArticle.modifiedTime} />
            {head.ogArticle.section ? <meta property="article:section" content={head.ogArticle.section} /> : ''}
            {head.ogArticle.authors.map((author) => (
              <meta property="article:author" content={author} />
            ))}
            {head.ogArticle.tags.map((tag) => (
              <meta property="article:tag" content={tag} />
            ))}
          </>
        ) : (
          ''
        )}
        {head.ogImage ? <meta property="og:image" content={head.ogImage} /> : ''}
        <meta name="twitter:card" content={head.ogImage ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={head.title} />
        <meta name="twitter:description" content={head.description} />
        {head.alternates.map((feed) => (
          <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
        ))}
        <link rel="stylesheet" href={site.stylesheetHref} />
        <link rel="icon" href={site.logoHref} type="image/svg+xml" />
        {safeJsonLd.map((safeJson) => (
          <script type="application/ld+json">{safeJson}</script>
        ))}
        <script src={site.scriptHref} defer></script>
        <script src={site.suggestScriptHref} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-name" href="/" safe>
              {site.name}
            </a>
            <nav aria-label="Sections">
              <ul class="site-nav">
                {site.nav.map((item) => (
                  <NavEntry item={item} />
                ))}
              </ul>
            </nav>
            <form class="site-search" role="search" aria-label="Site" action="/search" method="get">
              <label for="site-search-q" class="visually-hidden">
                Search articles
              </label>
              <input id="site-search-q" type="search" name="q" placeholder="Search" maxlength="200" data-suggest />
              <button type="submit">Search</button>
            </form>
          </div>
        </header>
        <main id="main" tabindex="-1">
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            <span safe>{site.name}</span> · <span safe>{site.description}</span>
          </p>
        </footer>
      </body>
    </html>
  );
}
