import { DomainError } from '../../core/errors.js';
import { allValues, type FormBody } from './forms.js';

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

/**
 * A field a form sends once per ticked box (`ids` of the list's checkboxes). The request schema checks the
 * last value, as it does for every field (`formSchema(…, { ids: rule })`); `repeatedValues` checks them all.
 */
export interface RepeatedRule extends FieldRule {
  pattern: string;
  /** Most values one request may carry. */
  maxItems: number;
}

/** Every value of a repeated field, each matching its rule; VALIDATION_FAILED (400) otherwise. */
export function repeatedValues(body: FormBody, name: string, rule: RepeatedRule): string[] {
  const values = allValues(body, name);
  if (values.length > rule.maxItems) throw new DomainError('VALIDATION_FAILED', `Choose at most ${rule.maxItems} at a time.`, { field: name });
  const pattern = new RegExp(rule.pattern);
  if (values.some((value) => !pattern.test(value))) throw new DomainError('VALIDATION_FAILED', 'The form was changed on its way here; reload the page and try again.', { field: name });
  return values;
}
