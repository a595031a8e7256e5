import { EventEmitter, once } from 'node:events';
import { request as httpRequest } from 'node:http';

export interface StreamedUpload {
  status: number | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes the socket accepted (write callbacks) before the response's headers arrived. */
  acceptedBeforeResponse: number;
  /** Bytes the socket accepted in all. */
  accepted: number;
  /** Whether the server closed the connection (we never close it first). */
  closedByServer: boolean;
  /** A socket error seen while writing (EPIPE/ECONNRESET once the server hung up), if any. */
  error: string | undefined;
}

/**
 * Posts a multipart form whose file part streams `fileBytes` bytes through a raw `node:http` client, with
 * back-pressure, and stops writing as soon as the response arrives or the connection breaks. With
 * `declareLength` the request says its full length up front; otherwise it is chunked.
 */
export async function streamUpload(input: {
  url: string;
  headers?: Record<string, string>;
  fields: Record<string, string | number>;
  fileBytes: number;
  declareLength?: boolean;
}): Promise<StreamedUpload> {
  const boundary = `----newsdeskstream${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    Object.entries(input.fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0xab);
  const result: StreamedUpload = { status: undefined, headers: {}, body: '', acceptedBeforeResponse: 0, accepted: 0, closedByServer: false, error: undefined };
  const stop = new EventEmitter();
  let stopped = false;
  let gaveUp = false;
  const halt = () => {
    stopped = true;
    stop.emit('stop');
  };

  const request = httpRequest(input.url, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      accept: 'application/json',
      ...(input.declareLength ? { 'content-length': String(head.length + input.fileBytes + tail.length) } : {}),
      ...input.headers,
    },
  });
  const finished = new Promise<void>((resolve) => {
    request.on('response', (response) => {
      result.status = response.statusCode;
      result.headers = response.headers;
      result.acceptedBeforeResponse = result.accepted;
      halt();
      response.setEncoding('utf8');
      response.on('data', (text: string) => (result.body += text));
      response.on('end', resolve);
      response.on('error', resolve);
      response.on('close', resolve);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      result.error ??= error.code ?? error.message;
      halt();
      if (result.status === undefined) resolve();
    });
  });
  const socketClosed = new Promise<void>((resolve) => {
    request.on('socket', (socket) => socket.on('close', () => {
      result.closedByServer = !gaveUp;
      halt();
      resolve();
    }));
  });

  const write = (data: Buffer) => request.write(data, (error) => {
    if (!error) result.accepted += data.length;
  });
  write(head);
  let sent = 0;
  while (sent < input.fileBytes && !stopped) {
    const piece = input.fileBytes - sent >= chunk.length ? chunk : chunk.subarray(0, input.fileBytes - sent);
    sent += piece.length;
    if (!write(piece)) await Promise.race([once(request, 'drain').catch(() => undefined), once(stop, 'stop')]);
  }
  if (!stopped) request.end(tail);
  await finished;
  // A server that keeps the connection open never closes it: give up waiting after a generous while.
  const waited = setTimeout(() => {
    gaveUp = true;
    request.destroy();
  }, 60_000);
  await socketClosed;
  clearTimeout(waited);
  return result;
}
