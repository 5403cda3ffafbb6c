import { describe, expect, it } from 'vitest';
import { formatSignatureMismatchMessage, parseServerStringToSign } from './mismatch-message';

const sts = 'GET\napplication/json\n\napplication/json\n\nX-Ca-Key:200000\nX-Ca-Timestamp:1589458000000\n/app/v1/config/keys?keys=TEST';

describe('formatSignatureMismatchMessage', () => {
  it('replaces every newline with # between backticks after the exact prefix', () => {
    expect(formatSignatureMismatchMessage(sts)).toBe(
      'Invalid Signature, Server StringToSign:`GET#application/json##application/json##X-Ca-Key:200000#X-Ca-Timestamp:1589458000000#/app/v1/config/keys?keys=TEST`',
    );
  });
});

describe('parseServerStringToSign', () => {
  it('restores the newlines of a formatted message', () => {
    expect(parseServerStringToSign(formatSignatureMismatchMessage(sts))).toBe(sts);
  });

  it('accepts the message without backticks', () => {
    expect(parseServerStringToSign('Invalid Signature, Server StringToSign:GET#a##/p')).toBe('GET\na\n\n/p');
  });

  it('is undefined for other error messages', () => {
    expect(parseServerStringToSign('Invalid AppKey')).toBeUndefined();
    expect(parseServerStringToSign(undefined)).toBeUndefined();
  });

  it('is lossy for a # inside a value: it comes back as a newline', () => {
    const withHash = 'GET\n\n\n\n\nx-tag:a#b\n/p';
    expect(parseServerStringToSign(formatSignatureMismatchMessage(withHash))).toBe('GET\n\n\n\n\nx-tag:a\nb\n/p');
  });
});
