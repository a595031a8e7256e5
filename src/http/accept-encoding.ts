export type BodyEncoding = 'br' | 'gzip';

/**
 * The encoding to send from those we have, by the client's Accept-Encoding (RFC 9110 §12.5.3): q-values
 * count, `q=0` means "not this", `*` stands for codings not named, and brotli wins a tie. Undefined: send
 * the body as it is.
 */
export function pickEncoding(header: string | undefined, available: { br: boolean; gzip: boolean }): BodyEncoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (coding === '') continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (match) q = Number(match[1]);
    }
    weights.set(coding, Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0);
  }
  const weight = (coding: BodyEncoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = available.br ? weight('br') : 0;
  const gzip = available.gzip ? weight('gzip') : 0;
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return undefined;
}
