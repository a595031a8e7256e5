import type { Kysely } from 'kysely';
import type { ArticleNote, ArticleNoteKind, ArticleNoteStore } from '../../core/ports.js';
import type { Database } from '../schema.js';
import { toDate } from './rows.js';

const kindOf = (stored: string): ArticleNoteKind => (stored === 'sent_back' ? 'sent_back' : 'note');

export function createArticleNoteStore(db: Kysely<Database>): ArticleNoteStore {
  const select = () =>
    db
      .selectFrom('article_notes')
      .leftJoin('users', 'users.id', 'article_notes.author_id')
      .leftJoin('api_keys', 'api_keys.id', 'article_notes.api_key_id')
      .select([
        'article_notes.id',
        'article_notes.article_id',
        'article_notes.kind',
        'article_notes.body',
        'article_notes.author_id',
        'article_notes.created_at',
        'users.display_name',
        'api_keys.name as api_key_name',
      ]);
  const toNote = (row: Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>): ArticleNote => ({
    id: row.id,
    articleId: row.article_id,
    kind: kindOf(row.kind),
    body: row.body,
    authorId: row.author_id,
    authorName: row.display_name,
    apiKeyName: row.api_key_name,
    at: toDate(row.created_at),
  });
  return {
    async add(input) {
      const { id } = await db
        .insertInto('article_notes')
        .values({
          article_id: input.articleId,
          kind: input.kind,
          body: input.body,
          author_id: input.authorId,
          api_key_id: input.apiKeyId,
          created_at: input.at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return toNote(await select().where('article_notes.id', '=', id).executeTakeFirstOrThrow());
    },
    async list(articleId) {
      const rows = await select().where('article_notes.article_id', '=', articleId).orderBy('article_notes.id', 'desc').execute();
      return rows.map(toNote);
    },
  };
}
