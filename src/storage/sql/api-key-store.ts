import type { Kysely } from 'kysely';
import type { Role } from '../../core/authors/author.js';
import type { ApiKeyStore } from '../../core/ports.js';
import type { Database } from '../schema.js';

export function createApiKeyStore(db: Kysely<Database>, now: () => Date): ApiKeyStore {
  return {
    async create(input) {
      const row = await db
        .insertInto('api_keys')
        .values({ name: input.name, token_hash: input.tokenHash, role: input.role, created_at: now().toISOString() })
        .returning(['id', 'name', 'role'])
        .executeTakeFirstOrThrow();
      return { id: row.id, name: row.name, role: row.role as Role };
    },
    async findByHash(tokenHash) {
      const row = await db
        .selectFrom('api_keys')
        .select(['id', 'name', 'role'])
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row && { id: row.id, name: row.name, role: row.role as Role };
    },
  };
}
