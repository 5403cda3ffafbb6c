import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSignatureMethod, pureJsHmac, signature, type HmacFunction } from './hmac';

const nodeHmac = (algorithm: 'sha256' | 'sha1', secret: string, message: string) =>
  createHmac(algorithm, secret).update(message, 'utf8').digest('base64');

describe('signature', () => {
  it('is Base64 HMAC-SHA256 by default and HMAC-SHA1 on request', () => {
    expect(signature('GET\n\n\n\n\n/p', 'testSecret')).toBe(nodeHmac('sha256', 'testSecret', 'GET\n\n\n\n\n/p'));
    expect(signature('GET\n\n\n\n\n/p', 'testSecret', 'HmacSHA1')).toBe(nodeHmac('sha1', 'testSecret', 'GET\n\n\n\n\n/p'));
    expect(signature('GET\n\n\n\n\n/p', 'testSecret', 'HmacSHA1')).toHaveLength(28);
  });

  it('encodes secret and message as UTF-8, including long keys', () => {
    const longSecret = 's'.repeat(100) + '密钥';
    expect(signature('/路径?名=值', longSecret)).toBe(nodeHmac('sha256', longSecret, '/路径?名=值'));
  });

  it('stays right when calls alternate secrets and algorithms, beyond the key cache size', () => {
    for (let i = 0; i < 200; i++) {
      const secret = `secret-${i % 97}`;
      const message = `message ${i}`;
      const [method, algorithm] = i % 3 === 0 ? (['HmacSHA1', 'sha1'] as const) : (['HmacSHA256', 'sha256'] as const);
      expect(signature(message, secret, method)).toBe(nodeHmac(algorithm, secret, message));
    }
  });
});

describe('an injected HmacFunction', () => {
  it('computes the signature in place of the pure-JS default, given method, secret and StringToSign', () => {
    const seen: Array<Parameters<HmacFunction>> = [];
    const recording: HmacFunction = (...args) => {
      seen.push(args);
      return pureJsHmac(...args);
    };
    expect(signature('GET\n\n\n\n\n/p', 'testSecret', 'HmacSHA1', recording)).toBe(nodeHmac('sha1', 'testSecret', 'GET\n\n\n\n\n/p'));
    expect(seen).toEqual([['HmacSHA1', 'testSecret', 'GET\n\n\n\n\n/p']]);
    expect(signature('m', 'k', undefined, () => 'from-injected')).toBe('from-injected');
  });
});

describe('isSignatureMethod', () => {
  it('accepts the two exact spellings only', () => {
    expect(isSignatureMethod('HmacSHA256')).toBe(true);
    expect(isSignatureMethod('HmacSHA1')).toBe(true);
    expect(isSignatureMethod('hmacsha256')).toBe(false);
    expect(isSignatureMethod('HmacMD5')).toBe(false);
  });
});
