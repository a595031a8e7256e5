export interface NewsroomErrorView {
  status: number;
  heading: string;
  /** What happened, from the operation that refused (already in words a person can act on). */
  message: string;
  /** What to do about it. */
  advice: string;
  /** Ways on from here, the most useful first. */
  links: Array<{ href: string; label: string }>;
}

/** Headings and advice by HTTP status, in the newsroom's words. */
const BY_STATUS: Record<number, { heading: string; advice: string }> = {
  400: { heading: 'That did not work', advice: 'Go back to the page, check what you entered, and try again.' },
  401: { heading: 'Please sign in again', advice: 'Your session has ended. Sign in, then go back to what you were doing.' },
  403: { heading: 'You cannot do that', advice: 'If you need to, ask an editor or an administrator.' },
  404: { heading: 'Not found in the newsroom', advice: 'The address may be mistyped, or what it pointed to may have been removed.' },
  409: { heading: 'Changed in the meantime', advice: 'Go back to the page and reload it to see the latest version, then try again.' },
  413: { heading: 'Too large to send', advice: 'Send less at once: a shorter text, or a smaller file.' },
  415: { heading: 'That did not work', advice: 'Send the form from the newsroom page itself.' },
  429: { heading: 'Too many attempts', advice: 'Wait a little, then try again.' },
  500: { heading: 'Something went wrong', advice: 'Nothing you did caused this. Try again in a moment; if it keeps happening, tell the site’s administrator.' },
  503: { heading: 'The newsroom is unavailable for a moment', advice: 'Nothing was changed. Wait a few seconds, then try again.' },
  507: { heading: 'There is no room to save this', advice: 'Nothing was changed. Tell the site’s administrator.' },
};

const fallback = (status: number) => (status >= 500 ? BY_STATUS[500]! : BY_STATUS[400]!);

/**
 * The view of a failed newsroom request. `signedIn` decides the way back (the newsroom, or signing in);
 * `retry` is the page to try again (a GET's own address); `back` the page a form came from.
 */
export function newsroomErrorView(input: { status: number; message: string; signedIn: boolean; retry?: string; back?: string }): NewsroomErrorView {
  const { heading, advice } = BY_STATUS[input.status] ?? fallback(input.status);
  // An ended session is not signed in, whatever the request still carried.
  const signedIn = input.signedIn && input.status !== 401;
  const links: NewsroomErrorView['links'] = [];
  if (!signedIn) {
    links.push({ href: `/admin/login${input.retry && input.retry !== '/admin' ? `?next=${encodeURIComponent(input.retry)}` : ''}`, label: 'Sign in' });
  }
  if (input.retry && (input.status === 429 || input.status >= 500)) links.push({ href: input.retry, label: 'Try again' });
  if (input.back) links.push({ href: input.back, label: 'Back to the page you came from' });
  if (signedIn) links.push({ href: '/admin', label: 'Back to the newsroom' });
  return { status: input.status, heading, message: input.message, advice, links };
}
