import type { FastifyInstance, FastifyReply } from 'fastify';
import { rankByName } from '../../core/text/name-match.js';
import type { AdminDeps } from './admin-context.js';

/** The most suggestions one lookup answers. */
const MAX_ITEMS = 10;
/** Candidates fetched before ranking (names that start with the text come first). */
const CANDIDATES = 200;

const lookupQuery = {
  type: 'object',
  properties: { q: { type: 'string', maxLength: 100 }, values: { type: 'string', maxLength: 2000 } },
} as const;
const lookupResponse = {
  200: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: { value: { type: 'string' }, label: { type: 'string' }, detail: { type: 'string' } },
          required: ['value', 'label'],
        },
      },
    },
    required: ['items'],
  },
} as const;

interface Suggestion {
  /** What goes into the comma-separated field. */
  value: string;
  /** What a person reads. */
  label: string;
  detail?: string;
}

type LookupRequest = { Querystring: { q?: string; values?: string } };

const send = (reply: FastifyReply, items: Suggestion[]) => reply.header('cache-control', 'no-store').send({ items });

/**
 * Suggestions for the editor's tag and byline fields (its combobox script): small JSON answers for staff,
 * never cached. Tags are for anyone who edits articles; people only for those who may change a byline.
 */
export function registerLookupRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { store } = deps;

  app.get<LookupRequest>('/admin/lookup/tags', { config: { access: { staff: 'admin.enter' } }, schema: { querystring: lookupQuery, response: lookupResponse } }, async (request, reply) => {
    const q = (request.query.q ?? '').trim();
    const candidates = await store.tags.listWithCounts({ limit: CANDIDATES, ...(q ? { query: q } : {}) });
    const items = rankByName(candidates, q, (tag) => [tag.name], MAX_ITEMS);
    return send(reply, items.map((tag) => ({ value: tag.name, label: tag.name, detail: tag.articles === 1 ? '1 article' : `${tag.articles} articles` })));
  });

  app.get<LookupRequest>('/admin/lookup/people', { config: { access: { staff: 'article.byline' } }, schema: { querystring: lookupQuery, response: lookupResponse } }, async (request, reply) => {
    const people = await store.users.list();
    // `values`: the slugs already in the field, so that the script can show their names.
    const wanted = request.query.values?.split(',').map((slug) => slug.trim()).filter(Boolean);
    const found = wanted
      ? wanted.flatMap((slug) => people.filter((person) => person.slug === slug)).slice(0, 50)
      : rankByName(people, (request.query.q ?? '').trim(), (person) => [person.displayName, person.slug], MAX_ITEMS);
    return send(reply, found.map((person) => ({ value: person.slug, label: person.displayName, detail: person.slug })));
  });
}
