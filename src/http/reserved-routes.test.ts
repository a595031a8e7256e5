import { describe, expect, it } from 'vitest';
import { assertRoutesReserved } from './reserved-routes.js';

describe('assertRoutesReserved', () => {
  it('accepts routes under reserved words, parameters and names no slug can have', () => {
    const routes = ['/', '/:slug', '/admin/articles/:id', '/api/v1/articles/:id', '/category/:slug/rss.xml', '/rss.xml', '/robots.txt', '/sitemap.xml', '/healthz'];
    expect(() => assertRoutesReserved(routes.map((url) => ({ method: 'GET', url })))).not.toThrow();
  });

  it('stops start-up for a route whose first segment a slug could still take', () => {
    expect(() => assertRoutesReserved([{ method: 'GET', url: '/newsletters/:id' }])).toThrow(
      /GET \/newsletters\/:id starts with "newsletters", which is not a reserved slug/,
    );
  });
});
