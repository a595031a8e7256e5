import { describe, expect, it } from 'vitest';
import { newsroomErrorView } from './newsroom-error.js';

describe('newsroomErrorView: a heading, advice and a way back for every failure', () => {
  const cases: Array<[string, Parameters<typeof newsroomErrorView>[0], string, string[]]> = [
    ['a refusal for someone signed in', { status: 403, message: 'm', signedIn: true }, 'You cannot do that', ['/admin']],
    ['a missing page for someone signed out', { status: 404, message: 'm', signedIn: false, retry: '/admin/nope' }, 'Not found in the newsroom', ['/admin/login?next=%2Fadmin%2Fnope']],
    ['an ended session: sign in, never back into the newsroom', { status: 401, message: 'm', signedIn: true }, 'Please sign in again', ['/admin/login']],
    ['a bad form: back to the page it came from', { status: 400, message: 'm', signedIn: true, back: '/admin/profile' }, 'That did not work', ['/admin/profile', '/admin']],
    ['an outage on a page: try again', { status: 503, message: 'm', signedIn: true, retry: '/admin/articles/4' }, 'The newsroom is unavailable for a moment', ['/admin/articles/4', '/admin']],
    ['a fault on a page: try again', { status: 500, message: 'm', signedIn: true, retry: '/admin' }, 'Something went wrong', ['/admin', '/admin']],
    ['too many attempts: try again later', { status: 429, message: 'm', signedIn: false, retry: '/admin' }, 'Too many attempts', ['/admin/login', '/admin']],
    ['a status without words of its own (418) reads as a bad request', { status: 418, message: 'm', signedIn: true }, 'That did not work', ['/admin']],
    ['an unusual server status (502) reads as a fault', { status: 502, message: 'm', signedIn: true }, 'Something went wrong', ['/admin']],
  ];
  for (const [name, input, heading, hrefs] of cases) {
    it(name, () => {
      const view = newsroomErrorView(input);
      expect(view.heading).toBe(heading);
      expect(view.links.map((link) => link.href)).toEqual(hrefs);
      expect(view.message).toBe('m');
    });
  }
});
