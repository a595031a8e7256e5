import type { PageVM } from '../view-models/view-models.js';
import { Layout } from './layout.js';

export function NotFoundPage({ site, head, body }: PageVM<{ message: string }>): JSX.Element {
  return (
    <Layout site={site} head={head}>
      <div class="page page--not-found">
        <h1>Page not found</h1>
        <p safe>{body.message}</p>
        <p>
          <a href="/">Go to the front page</a>
        </p>
      </div>
    </Layout>
  );
}
