/**
 * markdown-it's settings for article bodies, shared by the site's renderer (markdown.ts) and the newsroom's
 * visual editor (editor/markdown-format.ts), so both read the same Markdown the same way: the default preset
 * (CommonMark plus tables and ~~strikethrough~~), raw HTML off (shown as text), bare addresses made links.
 * `typographer` (curly quotes, dashes, ellipses) only changes how text is displayed, never its structure; the
 * editor leaves it off so that the text it writes back keeps the writer's own characters.
 */
export const MARKDOWN_OPTIONS = Object.freeze({ html: false, linkify: true, typographer: true });
