import type { DomainErrorCode } from '../core/errors.js';

/** The one place domain error codes become HTTP status codes. */
export const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  ARTICLE_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  TAG_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  SLUG_INVALID: 400,
  SLUG_RESERVED: 400,
  STALE_REVISION: 409,
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  AUTH_FAILED: 401,
  THROTTLED: 429,
  FORBIDDEN: 403,
  SETUP_DONE: 409,
};
