import { AdminLayout, type AdminChrome } from './admin-layout.js';
import type { NewsroomErrorView } from '../../view-models/newsroom-error.js';

/** Any failed newsroom page, inside the newsroom's own layout: what happened, what to do, and a way back. */
export function NewsroomErrorPage(props: { chrome: AdminChrome; view: NewsroomErrorView }): JSX.Element {
  const { view } = props;
  return (
    <AdminLayout chrome={props.chrome} title={view.heading}>
      <div class="newsroom-error">
        <h1 safe>{view.heading}</h1>
        <p role="alert" safe>
          {view.message}
        </p>
        <p safe>{view.advice}</p>
        <ul class="error-links">
          {view.links.map((link) => (
            <li>
              <a href={link.href} safe>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
        <p class="hint" safe>{`Error ${view.status}`}</p>
      </div>
    </AdminLayout>
  );
}
