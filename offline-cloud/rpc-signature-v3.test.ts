import { describe, expect, it } from 'vitest';
import { EMPTY_BODY_SHA256, type V3Request, parseV3Authorization, sha256Hex, v3CanonicalQuery, v3CanonicalRequest, v3Signature, v3StringToSign } from './rpc-signature-v3';

// The V3 test vectors recorded in docs/offline-cloud.md "Signature V3" (computed there with the
// official runtime's getAuthorization).
const COMMON = {
  host: ['apigateway.cn-hangzhou.aliyuncs.com'],
  'x-acs-date': ['2024-01-01T00:00:00Z'],
  'x-acs-signature-nonce': ['3ee8c1b883d344afa94f4e0ad82fd6cf'],
  'x-acs-credentials-provider': ['static_ak'],
  'x-acs-version': ['2016-07-14'],
};
const SIGNED = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-credentials-provider', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];

const vectorA: V3Request = {
  method: 'POST',
  query: [
    ['GroupName', 'my_group'],
    ['Description', "a b!*'()~"],
    ['Tag.1.Key', 'env'],
    ['Tag.1.Value', 'dev test'],
  ],
  headers: { ...COMMON, 'x-acs-action': ['CreateApiGroup'], 'x-acs-content-sha256': [EMPTY_BODY_SHA256] },
  signedHeaders: SIGNED,
  contentSha256: EMPTY_BODY_SHA256,
};

const bodyB = 'RequestParameters=%5B%5D&ResultSample=ok';
const vectorB: V3Request = {
  method: 'POST',
  query: [
    ['ApiName', 'api_1'],
    ['GroupId', 'g1'],
  ],
  headers: { ...COMMON, 'x-acs-action': ['CreateApi'], 'x-acs-content-sha256': [sha256Hex(bodyB)], 'content-type': ['application/x-www-form-urlencoded'] },
  signedHeaders: ['content-type', ...SIGNED],
  contentSha256: sha256Hex(bodyB),
};

describe('signature V3 (ACS3-HMAC-SHA256)', () => {
  it('reproduces vector V3-A: canonical query and request, string to sign, signature', () => {
    expect(EMPTY_BODY_SHA256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(v3CanonicalQuery(vectorA.query)).toBe('Description=a%20b%21%2A%27%28%29~&GroupName=my_group&Tag.1.Key=env&Tag.1.Value=dev%20test');
    const canonical = v3CanonicalRequest(vectorA);
    expect(canonical).toBe(
      [
        'POST',
        '/',
        'Description=a%20b%21%2A%27%28%29~&GroupName=my_group&Tag.1.Key=env&Tag.1.Value=dev%20test',
        'host:apigateway.cn-hangzhou.aliyuncs.com',
        'x-acs-action:CreateApiGroup',
        `x-acs-content-sha256:${EMPTY_BODY_SHA256}`,
        'x-acs-credentials-provider:static_ak',
        'x-acs-date:2024-01-01T00:00:00Z',
        'x-acs-signature-nonce:3ee8c1b883d344afa94f4e0ad82fd6cf',
        'x-acs-version:2016-07-14',
        '',
        SIGNED.join(';'),
        EMPTY_BODY_SHA256,
      ].join('\n'),
    );
    const stringToSign = v3StringToSign(canonical);
    expect(stringToSign).toBe('ACS3-HMAC-SHA256\n47d9d3bbdfe43953b6cca7483307ddb080dded2eaaf0b7a4e3a5565d8abf9f45');
    expect(v3Signature(stringToSign, 'testsecret')).toBe('26ff05360e82587eaba62a6adab8711c910b05594c1bae0564c50080f030965b');
  });

  it('reproduces vector V3-B: a form body, content-type signed first', () => {
    expect(sha256Hex(bodyB)).toBe('f3368220dc6bb5f72537f0bab2521a9778a43b23ae33e24a702489bed0e69dde');
    expect(v3Signature(v3StringToSign(v3CanonicalRequest(vectorB)), 'testsecret')).toBe('7d316f308b15fcb4261739615885019df0c9eb2720a3f9fc9aa6189720f8b345');
  });

  it('reads the Authorization header the SDK sends, and nothing looser', () => {
    expect(parseV3Authorization(`ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=${SIGNED.join(';')},Signature=26ff`)).toEqual({
      algorithm: 'ACS3-HMAC-SHA256',
      accessKeyId: 'testid',
      signedHeaders: SIGNED,
      signature: '26ff',
    });
    expect(parseV3Authorization('ACS3-HMAC-SHA256 Credential=testid,Signature=26ff')).toBeUndefined();
    expect(parseV3Authorization('Bearer abc')).toBeUndefined();
  });
});
