import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { requireAccessDeclarations } from './access.js';

describe('requireAccessDeclarations', () => {
  it('stops start-up when a route declares no access rule', () => {
    const app = Fastify();
    requireAccessDeclarations(app);
    app.get('/declared', { config: { access: 'public' } }, async () => 'ok');
    // The check runs as the route is registered, i.e. while the server is being built.
    expect(() => app.get('/forgotten', async () => 'oops')).toThrow('Route GET /forgotten declares no access rule (config.access).');
  });

  it('records every route with its rule', async () => {
    const app = Fastify();
    const table = requireAccessDeclarations(app);
    app.post('/admin/thing', { config: { access: { staff: 'taxonomy.manage' } }, schema: { body: { type: 'object' } } }, async () => 'ok');
    await app.ready();
    expect(table).toContainEqual({ method: 'POST', url: '/admin/thing', access: { staff: 'taxonomy.manage' } });
  });
});

describe('request body declarations', () => {
  it('stops start-up when a state-changing route declares no body schema', () => {
    const app = Fastify();
    requireAccessDeclarations(app);
    expect(() => app.post('/admin/forgotten', { config: { access: 'public' } }, async () => 'oops')).toThrow(
      "Route POST /admin/forgotten declares no request body schema (schema.body; or config.body: 'multipart' for an upload that reads its own stream).",
    );
    for (const method of ['put', 'patch', 'delete'] as const) {
      expect(() => app[method]('/api/thing', { config: { access: { apiKey: 'editor' } } }, async () => 'oops')).toThrow(/declares no request body schema/);
    }
  });

  it('lets through a route with a body schema, an upload marked multipart, and reads', async () => {
    const app = Fastify();
    requireAccessDeclarations(app);
    const body = { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false };
    app.post('/with-schema', { config: { access: 'public' }, schema: { body } }, async () => 'ok');
    app.post('/upload', { config: { access: 'public', body: 'multipart' } }, async () => 'ok');
    app.get('/read', { config: { access: 'public' } }, async () => 'ok');
    await app.ready();
    expect((await app.inject({ method: 'POST', url: '/with-schema', payload: { name: 'a' } })).statusCode).toBe(200);
  });
});
