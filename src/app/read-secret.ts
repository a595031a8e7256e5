import { createInterface } from 'node:readline';

/** Reads one line from standard input; on a terminal the typed characters are not shown. */
export async function readSecret(input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => void } = process.stdin): Promise<string> {
  if (input.isTTY && input.setRawMode) {
    const setRawMode = input.setRawMode.bind(input);
    return new Promise((resolve) => {
      let value = '';
      setRawMode(true);
      input.resume();
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n') {
            setRawMode(false);
            input.pause();
            input.off('data', onData);
            resolve(value);
            return;
          }
          if (char === '\u0003') process.exit(130);
          value = char === '\u007f' ? value.slice(0, -1) : value + char;
        }
      };
      input.on('data', onData);
    });
  }
  const lines = createInterface({ input, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}
