import { isDomainError, type DomainErrorCode } from '../core/errors.js';
import { storageFault, type StorageFault } from '../storage/storage-fault.js';

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
  TIME_AMBIGUOUS: 400,
};

/** How the error handler answers one failed request. */
export interface HttpFailure {
  status: number;
  /** Stable code for scripts: a domain code, a Fastify code (FST_ERR_…) or one of ours. */
  code: string;
  /** For the person who sent the request: what happened and what to do. */
  message: string;
  details: Readonly<Record<string, unknown>>;
  /** Seconds after which trying again may work (sent as Retry-After). */
  retryAfter?: number;
  /** The database's trouble, when that is the cause: logged once in a while, not with every request. */
  fault?: StorageFault;
  /**
   * 'error' (with the stack) only for a fault in our code; 'info' for a malformed request Fastify refused;
   * 'none' for the refusals our own code makes on purpose (domain and validation errors).
   */
  log: 'error' | 'info' | 'none';
}

const RETRY_AFTER_SECONDS = 5;

/** What a person sees when the database, not the request, is the problem. */
const FAULT_ANSWERS: Record<StorageFault, Omit<HttpFailure, 'details' | 'log' | 'fault'>> = {
  unavailable: {
    status: 503,
    code: 'DATABASE_UNAVAILABLE',
    message: 'The site cannot reach its database at the moment. Nothing was changed; please try again in a few seconds.',
    retryAfter: RETRY_AFTER_SECONDS,
  },
  busy: {
    status: 503,
    code: 'DATABASE_BUSY',
    message: 'The database is busy with other changes. Nothing was changed; please try again in a few seconds.',
    retryAfter: RETRY_AFTER_SECONDS,
  },
  full: {
    status: 507,
    code: 'STORAGE_FULL',
    message:
      'The database or disk is full, so this could not be saved. Nothing was changed; please tell the site\'s administrator. Reading the site still works.',
  },
};

/** Fastify's own client errors, in words a person can act on (its messages are terse). */
function fastifyClientMessage(error: { code?: string; message: string }, contentType: string): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `This address does not accept a body of type "${contentType || 'none'}". Send application/json to the API, or submit the form from the page.`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large for this address. Send less (a shorter text, or a smaller file).';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON. Check the quoting and the brackets.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty but says it is JSON. Send a JSON object, or no content-type.';
    default:
      return error.message;
  }
}

/**
 * The one place a failure becomes an HTTP answer: domain errors by their code, validation and Fastify's own
 * client errors (bad JSON 400, unsupported type 415, too large 413) keep their 4xx, database outages become
 * 503 with Retry-After (a full disk 507), and anything else is our fault: 500.
 */
export function httpFailureOf(error: unknown, request: { contentType: string }): HttpFailure {
  if (isDomainError(error)) {
    return { status: STATUS_BY_CODE[error.code], code: error.code, message: error.message, details: error.details, log: 'none' };
  }
  const { validation, statusCode, code, message } = error as { validation?: unknown; statusCode?: unknown; code?: string; message: string };
  if (validation) return { status: 400, code: 'VALIDATION_FAILED', message, details: {}, log: 'none' };
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      code: code ?? 'BAD_REQUEST',
      message: fastifyClientMessage({ ...(code ? { code } : {}), message }, request.contentType),
      details: {},
      log: 'info',
    };
  }
  const fault = storageFault(error);
  if (fault) return { ...FAULT_ANSWERS[fault], details: {}, fault, log: 'error' };
  return {
    status: 500,
    code: 'INTERNAL',
    message: 'Something went wrong on our side; please try again in a moment.',
    details: {},
    log: 'error',
  };
}
