/**
 * A file that cannot be imported, with a message that says what is wrong and where (a line, a field) so the
 * person running the import can fix the file or report it. Nothing has been written when one is thrown
 * before the writing pass.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    message: string,
    readonly code: 'NOT_WELL_FORMED' | 'NOT_WXR' | 'UNSAFE_XML' | 'ENCODING' | 'NOT_GHOST' | 'NOT_A_FEED' | 'UNREADABLE' | 'NOT_NEWSDESK' | 'NOT_EMPTY',
  ) {
    super(message);
  }
}
