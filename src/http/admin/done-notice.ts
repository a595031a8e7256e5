/**
 * The notice a page shows after one of its forms redirected to it with `?done=<what>` (post/redirect/get).
 * The words come from the page's own table, so an address cannot put text of its choosing on the page.
 */
export function doneNotice(notices: Readonly<Record<string, string>>, done: string | undefined): { notice?: string } {
  const notice = done !== undefined && Object.hasOwn(notices, done) ? notices[done] : undefined;
  return notice ? { notice } : {};
}
