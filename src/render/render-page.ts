/** Turns a template's output into the full document. Our templates are synchronous, so the result is a string. */
export function documentHtml(element: JSX.Element): string {
  if (typeof element !== 'string') throw new Error('Templates must render synchronously.');
  return `<!doctype html>${element}`;
}
