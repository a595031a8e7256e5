import { isDomainError, type DomainErrorCode } from '../core/errors.js';
import { storageFault, type StorageFault } from '../storage/storage-fault.js';

/** The one place domain error codes become HTTP status codes. */
export const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  ARTICLE_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  TAG_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  SLUG_INVALID: 400,
  SLUG_RESERVED: 400,
  STALE_REVISION: 409,
  EDIT_CONFLICT: 409,
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  AUTH_FAILED: 401,
  THROTTLED: 429,
  FORBIDDEN: 403,
  SETUP_DONE: 409,
  TIME_AMBIGUOUS: 400,
  MEDIA_NOT_FOUND: 404,
  MEDIA_IN_USE: 409,
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

/** What a request with a field its route does not take is told (forms, uploads and the API alike). */
export function unknownFieldMessage(name: string): string {
  return `Unknown field "${name.slice(0, 100)}": this address does not take it. Check the field's name, or reload the page if you sent a form.`;
}

/** One schema failure as Fastify hands it over (ajv's error object, of which we read a few parts). */
interface SchemaFailure {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const PART_WORDS: Readonly<Record<string, string>> = { body: 'field', params: 'part of the address', querystring: 'query parameter', headers: 'header' };

/**
 * A schema failure in words (`Unknown field "x"`, `The field "revision" must be …`) instead of ajv's
 * ("body must NOT have additional properties"); Fastify's own message when the failure is of another kind.
 */
function validationMessage(failures: unknown, context: unknown, fallback: string): string {
  const first = (Array.isArray(failures) ? failures[0] : undefined) as SchemaFailure | undefined;
  if (!first || typeof first.keyword !== 'string') return fallback;
  const { keyword, params } = first;
  if (keyword === 'additionalProperties') return unknownFieldMessage(String(params.additionalProperty));
  const name = keyword === 'required' ? String(params.missingProperty) : first.instancePath.replace(/^\//, '');
  if (name === '') return fallback;
  const what = `The ${PART_WORDS[String(context)] ?? 'value'} "${name}"`;
  switch (keyword) {
    case 'required':
      return `${what} is missing.`;
    case 'type':
      return `${what} must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}.`;
    case 'minimum':
      return `${what} must be at least ${String(params.limit)}.`;
    case 'maximum':
      return `${what} must be at most ${String(params.limit)}.`;
    case 'maxLength':
      return `${what} can have at most ${String(params.limit)} characters.`;
    case 'minLength':
      return `${what} needs at least ${String(params.limit)} characters.`;
    case 'enum':
      return `${what} must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}.`;
    default:
      return context === 'body'
        ? `${what} does not have a value this form sends. Reload the page and try again.`
        : `${what} is not in the form this address expects.`;
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
  const { validation, validationContext, statusCode, code, message } = error as {
    validation?: unknown;
    validationContext?: unknown;
    statusCode?: unknown;
    code?: string;
    message: string;
  };
  if (validation) return { status: 400, code: 'VALIDATION_FAILED', message: validationMessage(validation, validationContext, message), details: {}, log: 'none' };
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
