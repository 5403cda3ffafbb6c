/**
 * The checks before an action runs, over HTTP: parameters against the SDK models (both
 * signatures), the V3 signature's own refusals, and that every refusal has a 4xx/5xx status.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from './cloud-sim';
import { SimError, simErrors } from './sim-errors';
import { commonParams, craftedCall } from './testing/sim-requests';
import { v3Call } from './testing/v3-requests';

let sim: CloudSim;
beforeEach(async () => {
  sim = await startCloudSim();
});
afterEach(async () => {
  await sim.close();
});

describe('parameters against the official SDK models', () => {
  it('refuses a parameter the action does not declare, naming it and the model (signature v1.0)', async () => {
    const refused = await craftedCall(sim, commonParams('CloudAPI', 'CreateApiGroup', { GroupName: 'shop_api', Token: 'retry-1' }));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringContaining('Token is not valid: CreateApiGroup does not take it (CreateApiGroupRequest declares no Token)') });
    const wrongShape = await craftedCall(sim, commonParams('CloudAPI', 'CreateApiGroup', { GroupName: 'shop_api', Tag: 'env' }));
    expect(wrongShape.body).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringContaining('Tag is a list: send Tag.1, Tag.2') });
    expect(sim.calls.filter((call) => call.action === 'CreateApiGroup').map((call) => call.status)).toEqual([400, 400]);
  });

  it('takes the signature\'s own parameters, SecurityToken and CloudAPI\'s RegionId besides the declared ones', async () => {
    const answer = await craftedCall(sim, commonParams('CloudAPI', 'CreateApiGroup', { GroupName: 'shop_api', RegionId: 'cn-shanghai', SecurityToken: 'sts-token', 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev' }));
    expect(answer.status).toBe(200);
    const listed = await craftedCall(sim, commonParams('CloudAPI', 'DescribeApiGroups', { RegionId: 'cn-shanghai' }));
    expect(listed.body).toMatchObject({ TotalCount: 1 });
  });

  it('enforces what the model requires and the types it declares', async () => {
    const missing = await craftedCall(sim, commonParams('CloudAPI', 'DeployApi', { ApiId: '0'.repeat(32), StageName: 'RELEASE' }));
    expect([missing.status, missing.body.Code]).toEqual([400, 'MissingDescription']);
    const badType = await craftedCall(sim, commonParams('CloudAPI', 'DescribeAppAttributes', { AppId: 'app-1' }));
    expect([badType.status, badType.body.Code]).toEqual([400, 'InvalidParameter']);
    expect(badType.body.Message).toContain('AppId is not valid: the model declares a number, got "app-1"');
    const vpcMissing = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs'));
    expect([vpcMissing.status, vpcMissing.body.Code]).toEqual([400, 'MissingRegionId']);
  });

  it('checks V3 requests the same way', async () => {
    const refused = await v3Call(sim, 'CreateApiGroup', { query: { GroupName: 'shop_api', Colour: 'red' } });
    expect([refused.status, refused.body.Code]).toEqual([400, 'InvalidParameter']);
    expect(refused.body.Message).toContain('Colour is not valid: CreateApiGroup does not take it');
  });
});

describe('signature V3', () => {
  it('serves a request signed as the SDK signs it, with a form body (x-acs-action, x-acs-version)', async () => {
    const group = await v3Call(sim, 'CreateApiGroup', { query: { GroupName: 'shop_api', Description: "a b!*'()~", 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev test' } });
    expect(group.status).toBe(200);
    const api = await v3Call(sim, 'CreateApi', {
      query: {
        GroupId: String(group.body.GroupId),
        ApiName: 'get_item',
        Visibility: 'PRIVATE',
        AuthType: 'ANONYMOUS',
        RequestConfig: JSON.stringify({ RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/items', RequestMode: 'PASSTHROUGH' }),
        ServiceConfig: JSON.stringify({ ServiceProtocol: 'HTTP', ServiceTimeout: 10000, Mock: 'TRUE', MockResult: 'ok', MockStatusCode: 200 }),
      },
      form: { RequestParameters: '[]', ResultSample: 'ok' },
    });
    expect(api.status).toBe(200);
    expect(api.body.ApiId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses what is not a V3 signature the SDK would send, with the cloud\'s codes', async () => {
    const cases: [string, Parameters<typeof v3Call>[2], number, string, string?][] = [
      ['malformed Authorization', { authorization: 'ACS3-HMAC-SHA256 Credential=x' }, 400, 'IncompleteSignature'],
      ['another algorithm', { authorization: 'ACS3-HMAC-SM3 Credential=LTAI5tOfflineCloudDemo01,SignedHeaders=host,Signature=00' }, 400, 'IncompleteSignature', 'ACS3-HMAC-SM3 is not served here'],
      ['unknown AccessKeyId', { keys: { accessKeyId: 'LTAI5tNobody', accessKeySecret: 'x' } }, 404, 'InvalidAccessKeyId.NotFound'],
      ['no date', { headers: { 'x-acs-date': undefined } }, 400, 'IncompleteSignature', 'the x-acs-date header is missing'],
      ['an x-acs header left unsigned', { unsigned: ['x-acs-signature-nonce'] }, 400, 'IncompleteSignature', 'SignedHeaders must list x-acs-signature-nonce'],
      ['a skewed date', { date: Date.now() - 16 * 60_000 }, 400, 'InvalidTimeStamp.Expired'],
      ['a bad date', { headers: { 'x-acs-date': 'yesterday' } }, 400, 'InvalidTimeStamp.Format'],
      ['a wrong secret', { secret: 'wrong' }, 400, 'SignatureDoesNotMatch', 'server string to sign is:ACS3-HMAC-SHA256\n'],
      ['a body changed after signing', { form: { GroupName: 'shop_api' }, bodyAfterSigning: 'GroupName=other_api' }, 400, 'SignatureDoesNotMatch', 'x-acs-content-sha256 header is not the SHA-256 of the request body'],
    ];
    for (const [what, crafted, status, code, message] of cases) {
      const answer = await v3Call(sim, 'DescribeApiGroups', crafted);
      expect([answer.status, answer.body.Code], what).toEqual([status, code]);
      if (message) expect(String(answer.body.Message), what).toContain(message);
    }
  });

  it('answers a wrong signature with the server canonical request, so the difference can be found', async () => {
    const answer = await v3Call(sim, 'DescribeApiGroups', { query: { PageSize: '10', GroupName: 'a b' }, secret: 'wrong' });
    const message = String(answer.body.Message);
    expect(message).toContain(`server canonical request is:POST\n/\nGroupName=a%20b&PageSize=10\nhost:127.0.0.1:${sim.port}\nx-acs-action:DescribeApiGroups\n`);
    expect(message).toMatch(/\n\nhost;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
  });

  it('refuses a nonce used before', async () => {
    const nonce = 'a'.repeat(64);
    expect((await v3Call(sim, 'DescribeApiGroups', { headers: { 'x-acs-signature-nonce': nonce } })).status).toBe(200);
    const again = await v3Call(sim, 'DescribeApiGroups', { headers: { 'x-acs-signature-nonce': nonce } });
    expect([again.status, again.body.Code]).toEqual([400, 'SignatureNonceUsed']);
  });
});

describe('statuses', () => {
  it('every error the offline cloud can make has a 4xx or 5xx status, and no other can be made', () => {
    // Any arguments do to make each one; the second is a list for foreignHost's served hosts.
    const made = Object.values(simErrors).map((make) => (make as (...args: unknown[]) => SimError)('x', ['127.0.0.1:1'], 'z'));
    expect(made).toHaveLength(Object.keys(simErrors).length);
    for (const error of made) expect(error.status >= 400 && error.status <= 599, error.code).toBe(true);
    expect(() => new SimError('Oops', 'an error answered as a success', 200)).toThrow(/must have a 4xx or 5xx status, not 200/);
  });
});
