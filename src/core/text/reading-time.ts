/** Words a reader gets through in a minute of news prose (a common planning figure for adult readers). */
const WORDS_PER_MINUTE = 230;

/**
 * Words in a Markdown body as a reader counts them: link and picture addresses and markup are not words; a
 * word is a run of letters or digits (with inner apostrophes and hyphens; 1,500 and 2.5 are one word each).
 * Reading time is whole minutes, at least one for any text.
 */
export function wordStats(markdown: string): { count: number; minutes: number } {
  const text = markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  const count = (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+|[.,]\p{N}+)*/gu) ?? []).length;
  return { count, minutes: count === 0 ? 0 : Math.max(1, Math.round(count / WORDS_PER_MINUTE)) };
}
