import type { PageVM } from '../view-models/view-models.js';
import { Layout } from './layout.js';

export function ErrorPage({ site, head, body }: PageVM<{ heading: string; message: string }>): JSX.Element {
  return (
    <Layout site={site} head={head}>
      <div class="page page--error">
        <h1 safe>{body.heading}</h1>
        <p safe>{body.message}</p>
        <p>
          <a href="/">Go to the front page</a>
        </p>
      </div>
    </Layout>
  );
}
