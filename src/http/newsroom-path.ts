/** Whether a request is for a newsroom page (its failures are answered inside the newsroom, never by the reading site). */
export function isNewsroomPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === '/admin' || path.startsWith('/admin/');
}
