import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

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
  private readonly compressing = new Set<Promise<void>>();
  private readonly compressingKeys = new Set<string>();

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
    // Asked for again: worth compressing now (see `set`).
    if (!entry.br && !entry.gzip && !this.compressingKeys.has(cacheKey) && entry.body.length >= MIN_COMPRESS_BYTES) this.compress(cacheKey, entry);
    return entry;
  }

  /** Like `get`, but a miss is not counted: for a first look whose miss is counted by the `get` after it. */
  lookup(cacheKey: string, now: number): CachedResponse | undefined {
    const entry = this.entries.get(cacheKey);
    return entry && entry.expiresAt > now ? this.get(cacheKey, now) : undefined;
  }

  /**
   * Stores a response; evicts the least recently used entries to stay in budget. Its brotli and gzip bodies
   * are made when the entry is first asked for again — most search pages and deep archive pages never are,
   * and compressing them cost a millisecond or two of CPU each — on libuv's thread pool, not on the event
   * loop, and attached when ready: hits in between are sent uncompressed.
   */
  set(cacheKey: string, input: Omit<CachedResponse, 'br' | 'gzip'>): CachedResponse | undefined {
    if (!this.enabled) return undefined;
    const entry: CachedResponse = { ...input, body: exact(input.body), keys: [...new Set(input.keys)] };
    const size = sizeOf(cacheKey, entry);
    if (size > this.maxBytes / 4) return entry;
    this.remove(cacheKey);
    this.entries.set(cacheKey, entry);
    this.bytes += size;
    for (const key of entry.keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(cacheKey);
    }
    this.evict();
    return entry;
  }

  /** Resolves when every compression started so far has been attached (tests and benchmarks wait on it). */
  async settled(): Promise<void> {
    while (this.compressing.size > 0) await Promise.all([...this.compressing]);
  }

  private compress(cacheKey: string, entry: CachedResponse): void {
    const work = Promise.all([
      brotliAsync(entry.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length } }),
      gzipAsync(entry.body, { level: 6 }),
    ])
      .then(([br, gzipped]) => {
        // Dropped or replaced meanwhile: nothing to attach to.
        if (this.entries.get(cacheKey) !== entry) return;
        const before = sizeOf(cacheKey, entry);
        if (br.length < entry.body.length) entry.br = exact(br);
        if (gzipped.length < entry.body.length) entry.gzip = exact(gzipped);
        this.bytes += sizeOf(cacheKey, entry) - before;
        this.evict();
      })
      .catch(() => undefined)
      .finally(() => {
        this.compressing.delete(work);
        this.compressingKeys.delete(cacheKey);
      });
    this.compressing.add(work);
    this.compressingKeys.add(cacheKey);
  }

  private evict(): void {
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
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
    this.bytes -= sizeOf(cacheKey, entry);
    for (const key of entry.keys) {
      const set = this.byKey.get(key);
      set?.delete(cacheKey);
      if (set?.size === 0) this.byKey.delete(key);
    }
    return true;
  }
}

/**
 * What an entry really holds in memory (ADR 0011): its bodies, each in a buffer of its own size (see `exact`),
 * plus the entry's objects, its keys and their places in the key index, and the hit headers built for it
 * (`http/page-cache-hooks.ts`), measured with the heap at about ENTRY_BYTES plus KEY_BYTES per key.
 */
function sizeOf(cacheKey: string, entry: CachedResponse): number {
  let keyBytes = cacheKey.length;
  for (const key of entry.keys) keyBytes += KEY_BYTES + 2 * key.length;
  return entry.body.length + (entry.br?.length ?? 0) + (entry.gzip?.length ?? 0) + ENTRY_BYTES + keyBytes;
}

/** Heap bytes of an entry beyond its bodies and keys: objects, map slots and up to four hit-header objects. */
const ENTRY_BYTES = 1536;
/** Heap bytes per dependency key: the key string's header, its slot in the entry and in the index's set. */
const KEY_BYTES = 56;

/**
 * The same bytes in a buffer of exactly their size. zlib's synchronous calls return a view of a 16 KB output
 * chunk (so a 3 KB gzip body kept 16 KB alive) and short Buffer.from() results are views of a shared 8 KB
 * pool: a cached view would keep the whole block for as long as the entry lives.
 */
function exact(buffer: Buffer): Buffer {
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length) return buffer;
  const copy = Buffer.allocUnsafeSlow(buffer.length);
  buffer.copy(copy);
  return copy;
}
