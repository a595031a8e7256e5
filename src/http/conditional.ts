import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong validator for a response body. */
export function etagFor(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when the request's validators show the client already holds this version (RFC 9110 §13.1). */
export function isNotModified(request: Pick<FastifyRequest, 'headers'>, etag: string, lastModified?: Date): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince !== undefined && lastModified !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/**
 * Sends a body with ETag (and Last-Modified when known), or 304 Not Modified when the client's copy is current.
 */
export function sendWithValidators(
  request: FastifyRequest,
  reply: FastifyReply,
  input: { body: string; contentType: string; lastModified?: Date; cacheControl: string },
): FastifyReply {
  const etag = etagFor(input.body);
  reply.header('etag', etag).header('cache-control', input.cacheControl).header('content-type', input.contentType);
  if (input.lastModified) reply.header('last-modified', input.lastModified.toUTCString());
  if (isNotModified(request, etag, input.lastModified)) return reply.code(304).send();
  return reply.send(input.body);
}
