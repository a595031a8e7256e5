import { escapeHtml, type PropsWithChildren } from '@kitajs/html';
import type { ListItemVM, TimeVM } from '../view-models/view-models.js';

/** A relative time ("5 hours ago") that the client script keeps true; the full date is its tooltip. */
export function TimeAgo({ time }: { time: TimeVM }): JSX.Element {
  return (
    <time datetime={time.iso} title={time.absolute} data-relative>
      {escapeHtml(time.relative)}
    </time>
  );
}

export function ArticleList({ items, headingLevel = 3 }: { items: ListItemVM[]; headingLevel?: 2 | 3 }): JSX.Element {
  return (
    <ol class="article-list" role="list">
      {items.map((item) => (
        <li class="article-list__item">
          <article>
            <Heading tag={headingLevel === 2 ? 'h2' : 'h3'} class="article-list__title">
              <a href={item.href} safe>
                {item.title}
              </a>
            </Heading>
            <p class="article-list__excerpt" safe>
              {item.excerpt}
            </p>
            <ListItemMeta item={item} />
          </article>
        </li>
      ))}
    </ol>
  );
}

/** A listed story's section link and time, under its headline (article lists and search results). */
export function ListItemMeta({ item }: { item: ListItemVM }): JSX.Element {
  return (
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
  );
}

function Heading(props: PropsWithChildren<{ tag: 'h2' | 'h3'; class: string }>): JSX.Element {
  return props.tag === 'h2' ? <h2 class={props.class}>{props.children}</h2> : <h3 class={props.class}>{props.children}</h3>;
}
