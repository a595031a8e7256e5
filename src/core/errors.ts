/** Stable codes for everything the domain can refuse. Only `http/` maps them to status codes. */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'ARTICLE_NOT_FOUND'
  | 'CATEGORY_NOT_FOUND'
  | 'TAG_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'SLUG_TAKEN'
  | 'SLUG_INVALID'
  | 'SLUG_RESERVED'
  | 'STALE_REVISION'
  | 'EDIT_CONFLICT'
  | 'VALIDATION_FAILED'
  | 'INVALID_CURSOR'
  | 'AUTH_FAILED'
  | 'THROTTLED'
  | 'FORBIDDEN'
  | 'SETUP_DONE'
  | 'TIME_AMBIGUOUS'
  | 'MEDIA_NOT_FOUND'
  /** A picture an article or a portrait still uses cannot be removed. */
  | 'MEDIA_IN_USE';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
