/** A narrower shape for one form field, for values a page fills in itself (hidden inputs, selects, radios). */
export interface FieldRule {
  pattern?: string;
  enum?: readonly string[];
  maxLength?: number;
}

/** A revision number as the editor's hidden input carries it. */
export const REVISION_FIELD: FieldRule = { pattern: '^[1-9][0-9]{0,9}$' };
/** A row id chosen from a list, or empty for none. */
export const OPTIONAL_ID_FIELD: FieldRule = { pattern: '^([1-9][0-9]{0,9})?$' };

/**
 * The request schema of an admin form: the named fields, each a string, plus `_csrf`; nothing else.
 * Lengths of what people type are checked by the operations, which say what is wrong in words and show
 * the form again (a password's limit is in bytes); `rules` narrow only the values a page fills in itself.
 */
export function formSchema(fields: readonly string[], rules: Readonly<Record<string, FieldRule>> = {}) {
  for (const name of Object.keys(rules)) {
    if (!fields.includes(name)) throw new Error(`formSchema: a rule for "${name}", which is not one of the form's fields.`);
  }
  const properties = Object.fromEntries(['_csrf', ...fields].map((name) => [name, { type: 'string', ...rules[name] }]));
  return { type: 'object', properties, additionalProperties: false } as const;
}

/** The schema of a page's query string: the named parameters are strings; others (tracking tags) are ignored. */
export function querySchema(fields: readonly string[]) {
  const properties = Object.fromEntries(fields.map((name) => [name, { type: 'string' }]));
  return { type: 'object', properties } as const;
}

/** Params of routes on one row: `:id`, a whole number from 1 (so /admin/articles/abc is a 400, not a lookup). */
export const ID_PARAMS = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;
