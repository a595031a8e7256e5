import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** A rendered response, stored once and sent many times. */
export interface CachedResponse {
  status: number;
  contentType: string;
  cacheControl: string;
  etag: string;
  lastModified?: string;
  body: Buffer;
  /** Precompressed when it saves bytes; absent otherwise. */
  br?: Buffer;
  gzip?: Buffer;
  /** The dependency keys it was rendered from (also sent as Surrogate-Key). */
  keys: readonly string[];
  /** Epoch ms after which it must be rendered again. */
  expiresAt: number;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  invalidated: number;
}

const MIN_COMPRESS_BYTES = 512;

/**
 * Rendered public responses in memory, bounded in bytes (least recently used goes first), with an index from
 * dependency key to entries so that an invalidation drops exactly the entries that showed what changed.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly byKey = new Map<string, Set<string>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private invalidated = 0;

  /** @param maxBytes budget for bodies (plain + compressed); 0 disables the cache. */
  constructor(private readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** The fresh entry for `cacheKey`, marked as recently used; expired entries are dropped on the way. */
  get(cacheKey: string, now: number): CachedResponse | undefined {
    const entry = this.entries.get(cacheKey);
    if (!entry || entry.expiresAt <= now) {
      if (entry) this.remove(cacheKey);
      this.misses++;
      return undefined;
    }
    this.entries.delete(cacheKey);
    this.entries.set(cacheKey, entry);
    this.hits++;
    return entry;
  }

  /** Stores a response, compressing it once; evicts the least recently used entries to stay in budget. */
  set(cacheKey: string, input: Omit<CachedResponse, 'br' | 'gzip'>): CachedResponse | undefined {
    if (!this.enabled) return undefined;
    const entry: CachedResponse = { ...input, keys: [...new Set(input.keys)] };
    if (entry.body.length >= MIN_COMPRESS_BYTES) {
      const br = brotliCompressSync(entry.body, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length },
      });
      const gzip = gzipSync(entry.body, { level: 6 });
      if (br.length < entry.body.length) entry.br = br;
      if (gzip.length < entry.body.length) entry.gzip = gzip;
    }
    const size = sizeOf(entry);
    if (size > this.maxBytes / 4) return entry;
    this.remove(cacheKey);
    this.entries.set(cacheKey, entry);
    this.bytes += size;
    for (const key of entry.keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(cacheKey);
    }
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
    return entry;
  }

  /** Drops every entry that depends on any of `keys`; returns how many were dropped. */
  invalidate(keys: Iterable<string>): number {
    let dropped = 0;
    for (const key of keys) {
      const cacheKeys = this.byKey.get(key);
      if (!cacheKeys) continue;
      for (const cacheKey of [...cacheKeys]) {
        if (this.remove(cacheKey)) dropped++;
      }
    }
    this.invalidated += dropped;
    return dropped;
  }

  clear(): void {
    for (const cacheKey of [...this.entries.keys()]) this.remove(cacheKey);
  }

  has(cacheKey: string): boolean {
    return this.entries.has(cacheKey);
  }

  stats(): PageCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses, invalidated: this.invalidated };
  }

  private remove(cacheKey: string): boolean {
    const entry = this.entries.get(cacheKey);
    if (!entry) return false;
    this.entries.delete(cacheKey);
    this.bytes -= sizeOf(entry);
    for (const key of entry.keys) {
      const set = this.byKey.get(key);
      set?.delete(cacheKey);
      if (set?.size === 0) this.byKey.delete(key);
    }
    return true;
  }
}

function sizeOf(entry: CachedResponse): number {
  return entry.body.length + (entry.br?.length ?? 0) + (entry.gzip?.length ?? 0) + 256;
}
