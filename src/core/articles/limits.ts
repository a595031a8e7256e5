import { DomainError } from '../errors.js';

/**
 * How long each field of an article may be: the one statement of these rules. The operations check them
 * (validateEdit) with messages a person can act on, whichever way a change arrives; the REST API's request
 * schema and the editor's inputs take their limits from here.
 */
export const ARTICLE_LIMITS = {
  /** Characters of a headline (a headline longer than this is a paragraph). */
  title: 300,
  dek: 1000,
  bodyMd: 500_000,
  excerpt: 1000,
  slug: 200,
  seoTitle: 300,
  seoDescription: 1000,
  canonicalUrl: 2000,
  /** Tags on one article, and characters of one tag's name. */
  tags: 50,
  tagName: 100,
  /** People in one byline. */
  authors: 20,
  /** A note sent back to the writer. */
  note: 5000,
} as const;

/** Longest headline, in characters. */
export const MAX_TITLE_LENGTH = ARTICLE_LIMITS.title;
export const MAX_DEK_LENGTH = ARTICLE_LIMITS.dek;

export function assertTitleLength(title: string): void {
  if ([...title].length > MAX_TITLE_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', `A headline can have at most ${MAX_TITLE_LENGTH} characters.`, { field: 'title' });
  }
}

/** Refuses text longer than its limit, naming the field as the editor does. */
export function assertLength(field: keyof typeof ARTICLE_LIMITS, label: string, text: string | null | undefined): void {
  if (text === null || text === undefined) return;
  const limit = ARTICLE_LIMITS[field];
  if ([...text].length > limit) {
    throw new DomainError('VALIDATION_FAILED', `${label} can have at most ${limit.toLocaleString('en-GB')} characters; this one has ${[...text].length.toLocaleString('en-GB')}.`, { field });
  }
}
