import { createHmac } from 'node:crypto';

/**
 * The test's own one-time codes, from RFC 4226 §5.3 (HOTP) and RFC 6238 §4 (TOTP: the counter is the
 * number of 30-second steps since the epoch). Written here, independently of the application's code.
 */
export function testHotp(key: Buffer, counter: number, digits: number): string {
  const counterBytes = Buffer.alloc(8);
  counterBytes.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  counterBytes.writeUInt32BE(counter % 2 ** 32, 4);
  const hs = createHmac('sha1', key).update(counterBytes).digest();
  const offset = hs[19]! & 0xf;
  const snum = ((hs[offset]! & 0x7f) << 24) | (hs[offset + 1]! << 16) | (hs[offset + 2]! << 8) | hs[offset + 3]!;
  return String(snum % 10 ** digits).padStart(digits, '0');
}

export function fromBase32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text.replace(/=+$/, '')].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The 6-digit code an authenticator app shows at `at` for a base32 secret. */
export const codeAt = (secret: string, at: Date) => testHotp(fromBase32(secret), Math.floor(at.getTime() / 30_000), 6);
