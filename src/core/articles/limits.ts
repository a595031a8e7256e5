import { DomainError } from '../errors.js';

/** Longest headline, in characters (a headline longer than this is a paragraph). */
export const MAX_TITLE_LENGTH = 300;
export const MAX_DEK_LENGTH = 1000;

export function assertTitleLength(title: string): void {
  if ([...title].length > MAX_TITLE_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', `A headline can have at most ${MAX_TITLE_LENGTH} characters.`, { field: 'title' });
  }
}
