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
    app.post('/admin/thing', { config: { access: { staff: 'taxonomy.manage' } } }, async () => 'ok');
    await app.ready();
    expect(table).toContainEqual({ method: 'POST', url: '/admin/thing', access: { staff: 'taxonomy.manage' } });
  });
});
