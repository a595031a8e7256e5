import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { MAX_PICTURE_BYTES, PictureUnavailable, type PictureSource } from './picture-source.js';

/**
 * Pictures fetched from the old site over HTTP(S) (`--fetch-media`), without letting an export make this
 * server reach what only it can reach (SSRF): the address a name resolves to is checked on every
 * connection, in the socket's own lookup (so a name cannot resolve to a public address for the check and a
 * private one for the connection), every redirect is followed by hand and checked again, and literal
 * addresses in any spelling (`0177.0.0.1`, `0x7f.1`, `[::1]`) are normalised by the URL parser and checked
 * the same way. Timeouts and a size limit bound what a hostile server can cost.
 */

/** Addresses that are not the public internet (RFC 6890 and friends). */
export function privateAddresses(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
    ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const) {
    list.addSubnet(network, prefix, 'ipv4');
  }
  for (const [network, prefix] of [
    ['::', 128], ['::1', 128], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
  ] as const) {
    list.addSubnet(network, prefix, 'ipv6');
  }
  return list;
}

export interface FetchOptions {
  /** Refused destinations; default `privateAddresses()`. */
  blocked?: BlockList;
  /** Name resolution; default the system's. */
  lookup?: typeof dnsLookup;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** The Accept header; default images. */
  accept?: string;
}

function refusedAddress(address: string, blocked: BlockList): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export function publicHttpSource(options: FetchOptions = {}): PictureSource {
  const blocked = options.blocked ?? privateAddresses();
  const resolve = options.lookup ?? dnsLookup;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? MAX_PICTURE_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;

  // Every connection resolves its name here; a private answer fails the connection before it is made.
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const refused = list.find((entry) => refusedAddress(entry.address, blocked));
      if (refused || list.length === 0) {
        return callback(Object.assign(new Error(`${hostname} resolves to ${refused?.address ?? 'nothing'}, which is not a public address`), { code: 'REFUSED_ADDRESS' }), '', 0);
      }
      if ((lookupOptions as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };

  const get = (url: URL): Promise<IncomingMessage> =>
    new Promise((resolveResponse, reject) => {
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(literal) !== 0 && refusedAddress(literal, blocked)) {
        reject(new PictureUnavailable(`${url.href} is not a public address`));
        return;
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(url, { method: 'GET', lookup: guardedLookup, timeout: timeoutMs, headers: { 'user-agent': 'Newsdesk importer', accept: options.accept ?? 'image/*' } }, resolveResponse);
      request.on('timeout', () => request.destroy(new PictureUnavailable(`${url.href} did not answer within ${timeoutMs / 1000} s`)));
      request.on('error', (error: NodeJS.ErrnoException) =>
        reject(error instanceof PictureUnavailable ? error : new PictureUnavailable(error.code === 'REFUSED_ADDRESS' ? error.message : `${url.href}: ${error.message}`)),
      );
      request.end();
    });

  return {
    async read(address) {
      let url: URL;
      try {
        url = new URL(address);
      } catch {
        throw new PictureUnavailable(`${address} is not an address`);
      }
      for (let hop = 0; ; hop++) {
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PictureUnavailable(`${url.href}: only http and https addresses are fetched`);
        const response = await get(url);
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          if (hop >= maxRedirects) throw new PictureUnavailable(`${address}: more than ${maxRedirects} redirects`);
          url = new URL(response.headers.location, url);
          continue;
        }
        if (status !== 200) {
          response.resume();
          throw new PictureUnavailable(`${url.href} answered ${status}`);
        }
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          response.destroy();
          throw new PictureUnavailable(`${url.href} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const timer = setTimeout(() => response.destroy(new PictureUnavailable(`${url.href} took more than ${timeoutMs / 1000} s`)), timeoutMs);
        try {
          for await (const chunk of response as AsyncIterable<Buffer>) {
            size += chunk.length;
            if (size > maxBytes) {
              response.destroy();
              throw new PictureUnavailable(`${url.href} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
            }
            chunks.push(chunk);
          }
        } catch (error) {
          throw error instanceof PictureUnavailable ? error : new PictureUnavailable(`${url.href}: ${(error as Error).message}`);
        } finally {
          clearTimeout(timer);
        }
        return Buffer.concat(chunks);
      }
    },
  };
}
