import { describe, expect, it } from 'vitest';
import { isReadAction, regionFromHost, regionalHost } from '../../shared/cloud/products';
import { toWireParams } from './wire-params';

describe('toWireParams', () => {
  it('flattens RepeatLists 1-based, as deep as given', () => {
    expect(
      toWireParams('CloudAPI', {
        Tag: [{ Key: 'env', Value: 'dev' }, { Key: 'team' }],
        ResourceId: ['id1', 'id2'],
        Nested: [[1, 2]],
        ZoneVSwitchSecurityGroup: [{ ZoneId: 'cn-hangzhou-j', VSwitchId: 'vsw-1', Extra: { Deep: true } }],
      }),
    ).toEqual({
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'dev',
      'Tag.2.Key': 'team',
      'ResourceId.1': 'id1',
      'ResourceId.2': 'id2',
      'Nested.1.1': '1',
      'Nested.1.2': '2',
      'ZoneVSwitchSecurityGroup.1.ZoneId': 'cn-hangzhou-j',
      'ZoneVSwitchSecurityGroup.1.VSwitchId': 'vsw-1',
      'ZoneVSwitchSecurityGroup.1.Extra.Deep': 'true',
    });
  });

  it('sends objects and the JSON-string list fields as JSON text, strings as they are', () => {
    const requestConfig = { RequestProtocol: 'HTTP', RequestPath: '/pets/[id]' };
    const wire = toWireParams('CloudAPI', {
      RequestConfig: requestConfig,
      RequestParameters: [{ ApiParameterName: 'id', Location: 'PATH' }],
      ServiceConfig: '{"ServiceProtocol":"HTTP"}',
    });
    expect(wire).toEqual({
      RequestConfig: JSON.stringify(requestConfig),
      RequestParameters: '[{"ApiParameterName":"id","Location":"PATH"}]',
      ServiceConfig: '{"ServiceProtocol":"HTTP"}',
    });
    expect(toWireParams('Ecs', { SecurityGroupIds: ['sg-1', 'sg-2'] })).toEqual({ SecurityGroupIds: '["sg-1","sg-2"]' });
    expect(toWireParams('Vpc', { VpcId: ['vpc-1'] })).toEqual({ 'VpcId.1': 'vpc-1' });
  });

  it('stringifies scalars, leaves out undefined and null, refuses NaN', () => {
    expect(toWireParams('Vpc', { PageSize: 50, IsDefault: false, VpcOwnerId: 1234567890123456789n, Gone: undefined, Null: null })).toEqual({
      PageSize: '50',
      IsDefault: 'false',
      VpcOwnerId: '1234567890123456789',
    });
    expect(() => toWireParams('Vpc', { PageSize: Number.NaN })).toThrow(/PageSize is NaN/);
  });
});

describe('products', () => {
  it('knows the regional hosts, reads the region back from one, and tells reads from writes', () => {
    expect(regionalHost('CloudAPI', 'cn-shanghai')).toBe('apigateway.cn-shanghai.aliyuncs.com');
    expect(regionFromHost('vpc.cn-beijing.aliyuncs.com:443')).toBe('cn-beijing');
    expect(regionFromHost('apigateway-vpc.cn-hangzhou.aliyuncs.com')).toBe('cn-hangzhou');
    expect(regionFromHost('127.0.0.1:9000')).toBeUndefined();
    expect(['DescribeApis', 'ListTagResources', 'QueryX', 'GetY', 'CheckZ'].every(isReadAction)).toBe(true);
    expect(['CreateApi', 'DeployApi', 'Describe', 'DescribeapiX'].some(isReadAction)).toBe(false);
  });
});
