/**
 * The request schema of an admin form or query: the named fields, each a string, plus `_csrf`; nothing else.
 * Lengths are checked by the operations, which say what is wrong in words (a password's limit is in bytes).
 */
export function formSchema(fields: readonly string[]) {
  const properties = Object.fromEntries(['_csrf', ...fields].map((name) => [name, { type: 'string' }]));
  return { type: 'object', properties, additionalProperties: false } as const;
}

/** The schema of a page's query string: the named parameters are strings; others (tracking tags) are ignored. */
export function querySchema(fields: readonly string[]) {
  const properties = Object.fromEntries(fields.map((name) => [name, { type: 'string' }]));
  return { type: 'object', properties } as const;
}
