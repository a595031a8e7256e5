import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';

const entry = (body: string, keys: string[], expiresAt = 10_000) => ({
  status: 200,
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'public, max-age=60',
  etag: '"x"',
  body: Buffer.from(body),
  keys,
  expiresAt,
});

describe('PageCache', () => {
  it('drops exactly the entries that depend on an invalidated key', () => {
    const cache = new PageCache(1_000_000);
    cache.set('/a', entry('A', ['article:1', 'list:all']));
    cache.set('/b', entry('B', ['article:2', 'list:all']));
    cache.set('/c', entry('C', ['article:3']));
    expect(cache.invalidate(['article:1'])).toBe(1);
    expect([cache.has('/a'), cache.has('/b'), cache.has('/c')]).toEqual([false, true, true]);
    expect(cache.invalidate(['list:all', 'unknown'])).toBe(1);
    expect([cache.has('/b'), cache.has('/c')]).toEqual([false, true]);
  });

  it('expires entries at their time', () => {
    const cache = new PageCache(1_000_000);
    cache.set('/a', entry('A', [], 1_000));
    expect(cache.get('/a', 999)?.body.toString()).toBe('A');
    expect(cache.get('/a', 1_000)).toBeUndefined();
    expect(cache.has('/a')).toBe(false);
  });

  it('stays within its byte budget by evicting the least recently used', async () => {
    const cache = new PageCache(12_000);
    const big = 'x'.repeat(300);
    cache.set('/1', entry(big, []));
    cache.set('/2', entry(big, []));
    cache.get('/1', 0);
    for (let i = 3; i < 20; i++) cache.set(`/${i}`, entry(`${big}${i}`, []));
    expect(cache.stats().bytes).toBeLessThanOrEqual(12_000);
    // Still within budget once the compressed copies are attached.
    await cache.settled();
    expect(cache.stats().bytes).toBeLessThanOrEqual(12_000);
    expect(cache.has('/2')).toBe(false);
    expect(cache.has('/19')).toBe(true);
  });

  it('counts what an entry holds besides its body, so tiny pages cannot overrun the budget', () => {
    const cache = new PageCache(100_000);
    for (let i = 0; i < 1000; i++) cache.set(`/${i}`, entry('x', ['article:1', 'list:all']));
    // Each entry costs at least 1.5 KB of objects and index slots: at most 65 fit in 100,000 bytes.
    expect(cache.stats().entries).toBeLessThanOrEqual(65);
    expect(cache.stats().entries).toBeGreaterThan(30);
    expect(cache.stats().bytes).toBeLessThanOrEqual(100_000);
  });

  it('keeps each body in a buffer of its own size, not a view of a larger block', async () => {
    const cache = new PageCache(1_000_000);
    const html = '<p>news</p>'.repeat(200);
    const pooled = Buffer.from('<p>short page</p>'.repeat(40)); // under 4 KB: a view of Node's shared pool
    const stored = cache.set('/a', entry(html, []))!;
    const small = cache.set('/b', { ...entry('', []), body: pooled })!;
    cache.get('/a', 0);
    await cache.settled();
    for (const body of [stored.body, stored.br!, stored.gzip!, small.body]) expect(body.buffer.byteLength).toBe(body.length);
  });

  it('compresses with brotli and gzip once a page is asked for again, off the event loop', async () => {
    const cache = new PageCache(1_000_000);
    const html = '<p>news</p>'.repeat(200);
    const stored = cache.set('/a', entry(html, []))!;
    expect(stored.br, 'not made for a page asked for once').toBeUndefined();
    await cache.settled();
    expect(stored.br).toBeUndefined();
    cache.get('/a', 0);
    await cache.settled();
    expect(brotliDecompressSync(stored.br!).toString()).toBe(html);
    expect(gunzipSync(stored.gzip!).toString()).toBe(html);
  });

  it('stores nothing when disabled', () => {
    const cache = new PageCache(0);
    cache.set('/a', entry('A', []));
    expect(cache.get('/a', 0)).toBeUndefined();
  });
});
