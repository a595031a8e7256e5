// The desk's notes on an article: staff only, never part of what readers get.

/** A plain note, or the note an editor sent the article back to its writer with. */
export type ArticleNoteKind = 'note' | 'sent_back';

export interface ArticleNote {
  id: number;
  articleId: number;
  kind: ArticleNoteKind;
  body: string;
  authorId: number | null;
  /** Who wrote it, in words; null when the person is gone. */
  authorName: string | null;
  /** The API key it came through, when it did. */
  apiKeyName: string | null;
  at: Date;
}

export interface ArticleNoteStore {
  add(input: { articleId: number; kind: ArticleNoteKind; body: string; authorId: number | null; apiKeyId: number | null; at: Date }): Promise<ArticleNote>;
  /** The article's notes, newest first. */
  list(articleId: number): Promise<ArticleNote[]>;
}
