import { describe, expect, it } from 'vitest';
import { canonicalQuery, percentEncode, signRpc, stringToSign } from './rpc-signature';

// Test vectors of docs/alibaba-openapi.md, "Signature v1.0 (pop-core)".
const vectorA = {
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  Timestamp: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
};

const vectorB = {
  AccessKeyId: 'testid',
  Action: 'DescribeApiGroups',
  Format: 'JSON',
  PageNumber: '1',
  PageSize: '10',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '123456789012',
  SignatureVersion: '1.0',
  'Tag.1.Key': 'env',
  'Tag.1.Value': 'dev test',
  Timestamp: '2024-01-01T00:00:00Z',
  Version: '2016-07-14',
};

describe('RPC signature v1.0', () => {
  it('reproduces vector A (the ECS documentation example)', () => {
    expect(stringToSign('GET', vectorA)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(signRpc('GET', vectorA, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('reproduces vector B (GET, a repeat list, a space in a value)', () => {
    expect(canonicalQuery(vectorB)).toBe(
      'AccessKeyId=testid&Action=DescribeApiGroups&Format=JSON&PageNumber=1&PageSize=10&SignatureMethod=HMAC-SHA1&SignatureNonce=123456789012&SignatureVersion=1.0&Tag.1.Key=env&Tag.1.Value=dev%20test&Timestamp=2024-01-01T00%3A00%3A00Z&Version=2016-07-14',
    );
    expect(signRpc('GET', vectorB, 'testsecret')).toBe('C+gM6St7dNFnHvLR7NWF+XV2ES8=');
  });

  it('reproduces vector C (the same as POST)', () => {
    expect(stringToSign('POST', vectorB).startsWith('POST&%2F&AccessKeyId%3Dtestid')).toBe(true);
    expect(signRpc('POST', vectorB, 'testsecret')).toBe('XbOecAvynT/NMHTrDsFqjgYFHeI=');
  });

  it('leaves Signature out and encodes like RFC 3986', () => {
    expect(canonicalQuery({ B: '1', Signature: 'x', A: "*!'() ~" })).toBe('A=%2A%21%27%28%29%20~&B=1');
    expect(percentEncode('中')).toBe('%E4%B8%AD');
  });
});
