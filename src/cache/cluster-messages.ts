/** The IPC message cluster workers exchange, through the primary, to share invalidations on SQLite. */
export interface InvalidateMessage {
  type: 'newsdesk:invalidate';
  keys: readonly string[];
}

export function isInvalidateMessage(message: unknown): message is InvalidateMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'newsdesk:invalidate' &&
    Array.isArray((message as { keys?: unknown }).keys)
  );
}
