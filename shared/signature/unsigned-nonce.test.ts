import { describe, expect, it } from 'vitest';
import { signRequest } from './sign';
import { unsignedNonceNote } from './unsigned-nonce';

const signed = () => Object.entries(signRequest({ method: 'GET', path: '/hello', appKey: 'k', appSecret: 's' }).headers);

describe('unsignedNonceNote', () => {
  it('says nothing of a call signed as the SDKs sign it, nor of an unsigned call', () => {
    expect(unsignedNonceNote(signed())).toBeUndefined();
    expect(unsignedNonceNote([['X-Ca-Nonce', 'n']])).toBeUndefined();
    expect(unsignedNonceNote(signed().filter(([name]) => name !== 'x-ca-nonce'))).toBeUndefined();
  });

  it('names the list that leaves the nonce out, whatever the case of the names', () => {
    const headers = signed().map(([name, value]): [string, string] => (name === 'x-ca-signature-headers' ? ['X-Ca-Signature-Headers', 'x-ca-key,x-ca-timestamp'] : [name, value]));
    expect(unsignedNonceNote(headers)).toMatch(/^X-Ca-Nonce is not among the signed headers \(X-Ca-Signature-Headers is `x-ca-key,x-ca-timestamp`\)\. .* list x-ca-nonce in X-Ca-Signature-Headers\.$/);
    const upperCase = headers.map(([name, value]): [string, string] => (name === 'X-Ca-Signature-Headers' ? [name, 'X-Ca-Key, X-Ca-Nonce'] : [name, value]));
    expect(unsignedNonceNote(upperCase)).toBeUndefined();
  });

  it('says so when the list itself is gone (a proxy dropped it)', () => {
    const headers = signed().filter(([name]) => name !== 'x-ca-signature-headers');
    expect(unsignedNonceNote(headers)).toMatch(/^X-Ca-Nonce is not among the signed headers \(the request sends no X-Ca-Signature-Headers\)/);
  });
});
