import type { Kysely } from 'kysely';
import type { Role } from '../../core/authors/author.js';
import type { ApiKeyStore } from '../../core/ports.js';
import type { Database } from '../schema.js';

export function createApiKeyStore(db: Kysely<Database>, now: () => Date): ApiKeyStore {
  return {
    async create(input) {
      const row = await db
        .insertInto('api_keys')
        .values({ name: input.name, token_hash: input.tokenHash, role: input.role, user_id: input.userId ?? null, created_at: now().toISOString() })
        .returning(['id', 'name', 'role', 'user_id'])
        .executeTakeFirstOrThrow();
      return { id: row.id, name: row.name, role: row.role as Role, userId: row.user_id };
    },
    async findByHash(tokenHash) {
      const row = await db
        .selectFrom('api_keys')
        .leftJoin('users', 'users.id', 'api_keys.user_id')
        .select(['api_keys.id', 'api_keys.name', 'api_keys.role', 'api_keys.user_id'])
        .where('api_keys.token_hash', '=', tokenHash)
        .where('api_keys.revoked_at', 'is', null)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return row && { id: row.id, name: row.name, role: row.role as Role, userId: row.user_id };
    },
  };
}
