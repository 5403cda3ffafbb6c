/**
 * New app credentials, from the operating system's CSPRNG (node:crypto) only. Shapes follow the
 * cloud's: a 9-digit numeric AppKey, a 32-character AppSecret, a 32-hex-digit AppCode.
 */
import { randomBytes, randomInt } from 'node:crypto';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const APP_SECRET_LENGTH = 32;

/** A 9-digit AppKey (no leading zero) not in `taken`. */
export function generateAppKey(taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const key = String(randomInt(100_000_000, 1_000_000_000));
    if (!taken.has(key)) return key;
  }
}

/** 32 letters and digits; randomInt draws each without modulo bias. */
export function generateAppSecret(): string {
  let secret = '';
  for (let i = 0; i < APP_SECRET_LENGTH; i++) secret += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return secret;
}

/** 16 random bytes as 32 lower-case hex digits. */
export function generateAppCode(): string {
  return randomBytes(16).toString('hex');
}

/** `abcd…wxyz`: enough to tell AppCodes apart, too little to use one. Short codes show nothing. */
export function maskAppCode(code: string): string {
  return code.length >= 16 ? `${code.slice(0, 4)}…${code.slice(-4)}` : '…';
}
