import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

/** Bytes 0..255 over and over, so every value and its position matter. */
const bytesOf = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7 + (i >> 8)) % 256);

describe('Base64', () => {
  // 4096 is where encoding goes from one apply() to chunks: a Content-MD5 or HMAC is short, a body's digest input is not.
  it.each([0, 1, 2, 3, 4095, 4096, 4097, 8192, 10_001])('encodes %i bytes as Node does, and decodes them back', (length) => {
    const bytes = bytesOf(length);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
  });

  it('refuses text that is not Base64', () => {
    expect(base64ToBytes('not base64!')).toBeUndefined();
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });
});
