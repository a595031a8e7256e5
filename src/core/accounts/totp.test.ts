import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp } from './totp.js';

// The RFCs' test key: the ASCII bytes of "12345678901234567890".
const KEY = Buffer.from('12345678901234567890', 'ascii');

describe('one-time codes', () => {
  it('match the HOTP values of RFC 4226 appendix D', () => {
    const published = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(published.map((_, counter) => hotp(KEY, counter))).toEqual(published);
  });

  it('match the last six digits of the SHA-1 TOTP values of RFC 6238 appendix B', () => {
    const secret = base32Encode(KEY);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const published: Array<[number, string]> = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
      [20000000000, '353130'],
    ];
    for (const [seconds, code] of published) expect(matchTotp(secret, code, new Date(seconds * 1000))).toBe(Math.floor(seconds / 30));
  });

  it('accept the step either side of now, and nothing further or malformed', () => {
    const secret = base32Encode(KEY);
    const at = new Date(1111111111 * 1000);
    expect(matchTotp(secret, '050471', new Date(at.getTime() + 30_000))).toBe(37037037);
    expect(matchTotp(secret, '050471', new Date(at.getTime() + 60_000))).toBeUndefined();
    for (const code of ['', '05047', '0504711', '05047a', ' 050471']) expect(matchTotp(secret, code, at)).toBeUndefined();
  });

  it('round-trip base32, ignoring case, spaces and padding', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(base32Decode(base32Encode(bytes).toLowerCase())).toEqual(bytes);
    expect(base32Decode('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ====')).toEqual(KEY);
  });
});
