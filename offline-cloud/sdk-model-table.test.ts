import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_FILE, renderSdkModelTable, servedActions } from '../scripts/sdk-model-table';
import { SDK_MODEL_TABLE } from './sdk-model-table';
import { actionModel, paramProblems, responseProblems } from './sdk-models';
import { readActionModel } from './testing/sdk-model-reader';

describe('the checked-in SDK model table', () => {
  it('is what the installed SDK models and the served actions give (else: node --import tsx scripts/sdk-model-table.ts --write)', () => {
    expect(readFileSync(TABLE_FILE, 'utf8') === renderSdkModelTable(), 'offline-cloud/sdk-model-table.ts is out of date: run node --import tsx scripts/sdk-model-table.ts --write').toBe(true);
  });

  it('has a model for every served action but the two the SDK lacks (DescribeApiStage; DescribeHistoryApi, our alias)', () => {
    const served = servedActions();
    expect(SDK_MODEL_TABLE.unmodelled).toEqual({ CloudAPI: ['DescribeApiStage', 'DescribeHistoryApi'], Vpc: [], Ecs: [] });
    for (const [product, actions] of Object.entries(served)) {
      for (const action of actions) if (!SDK_MODEL_TABLE.unmodelled[product as 'CloudAPI'].includes(action)) expect(actionModel(product as 'CloudAPI', action), `${product} ${action}`).toBeDefined();
    }
  });

  it('reads names, types, required flags, body routing and JSON-text fields as the SDK defines them', () => {
    const createApi = readActionModel('CloudAPI', 'CreateApi')!;
    expect(createApi.request).toBe('CreateApiRequest');
    expect(createApi.params.Visibility).toEqual({ type: 'string', required: true });
    expect(createApi.params.ResultSample).toEqual({ type: 'string', body: true });
    expect(createApi.params.Tag).toMatchObject({ type: 'list', item: { type: 'object', fields: { Key: { type: 'string' }, Value: { type: 'string' } } } });
    expect(readActionModel('CloudAPI', 'ModifyInstanceAttribute')!.params.ToConnectVpcIpBlock).toEqual({ type: 'json' });
    expect(readActionModel('CloudAPI', 'DescribeApps')!.fields.Apps).toMatchObject({ type: 'object', fields: { AppItem: { type: 'list', item: { fields: { AppId: { type: 'number' } } } } } });
    // File names differ in case from class names at times (DescribeVswitchesRequest.ts).
    expect(readActionModel('Vpc', 'DescribeVSwitches')!.params.VpcId).toEqual({ type: 'string' });
    expect(readActionModel('CloudAPI', 'DescribeApiStage')).toBeUndefined();
  });

  it('is never loaded from the SDK packages by the offline cloud itself (it ships in the app)', () => {
    const sources = readdirSync(new URL('.', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.startsWith('testing'));
    const loads = /(?:\bfrom|\bimport\(|\brequire\(|\bresolve\()\s*['"`]@alicloud\/(?:cloudapi20160714|vpc20160428|ecs20140526|openapi-core)/;
    const loading = sources.filter((path) => loads.test(readFileSync(new URL(path, import.meta.url), 'utf8')));
    expect(loading).toEqual([]);
  });
});

describe('checking a request against its model', () => {
  const createApiGroup = actionModel('CloudAPI', 'CreateApiGroup')!;
  const createInstance = actionModel('CloudAPI', 'CreateInstance')!;

  it('takes RepeatLists flattened as the SDKs send them', () => {
    expect(paramProblems(createApiGroup, { GroupName: 'shop', 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev', 'Tag.2.Key': 'team' })).toEqual({ undeclared: [], missing: [], badType: [] });
  });

  it('names what is undeclared, in the wrong shape, missing or of the wrong type', () => {
    const problems = paramProblems(createApiGroup, { GroupName: '', Token: 't', Tag: 'x', 'Tag.0.Key': 'a', 'Tag.1.Colour': 'red', 'BasePath.x': '/' });
    expect(problems.undeclared).toEqual([
      { name: 'Token', why: 'CreateApiGroupRequest declares no Token' },
      { name: 'Tag', why: 'Tag is a list: send Tag.1, Tag.2... (1-based)' },
      { name: 'Tag.0.Key', why: 'Tag is a list: "0" is not an index from 1' },
      { name: 'Tag.1.Colour', why: 'CreateApiGroupRequestTag declares no Colour' },
      { name: 'BasePath.x', why: 'BasePath is a single string value, not BasePath.x' },
    ]);
    expect(problems.missing).toEqual(['GroupName']);
    const instance = paramProblems(createInstance, { InstanceName: 'gw', InstanceSpec: 'api.s1.small', ChargeType: 'PostPaid', Token: 't', AutoPay: 'yes', AllocationId: 'eip-1' });
    expect(instance.undeclared).toEqual([{ name: 'AllocationId', why: 'CreateInstanceRequest declares no AllocationId' }]);
    expect(instance.badType).toEqual([{ name: 'AutoPay', why: 'the model declares a boolean (true or false), got "yes"' }]);
    expect(paramProblems(actionModel('CloudAPI', 'ModifyApp')!, { AppId: 'app-1' }).badType).toEqual([{ name: 'AppId', why: 'the model declares a number, got "app-1"' }]);
  });

  it('checks the required fields of each list item sent', () => {
    const model = structuredClone(createInstance);
    const item = model.params.ZoneVSwitchSecurityGroup;
    if (item.type !== 'list' || item.item.type !== 'object') throw new Error('ZoneVSwitchSecurityGroup is a list of objects');
    item.item.fields.VSwitchId.required = true;
    const problems = paramProblems(model, { InstanceName: 'gw', InstanceSpec: 's', ChargeType: 'PostPaid', Token: 't', 'ZoneVSwitchSecurityGroup.1.ZoneId': 'z', 'ZoneVSwitchSecurityGroup.2.VSwitchId': 'v' });
    expect(problems.missing).toEqual(['ZoneVSwitchSecurityGroup.1.VSwitchId']);
  });
});

describe('checking an answer against its model', () => {
  it('wants declared fields, the declared scalar types and the list wrappers', () => {
    const model = actionModel('CloudAPI', 'DescribeApps')!;
    expect(responseProblems(model, { RequestId: 'r', TotalCount: 1, PageNumber: 1, PageSize: 10, Apps: { AppItem: [{ AppId: 12345678901234, AppName: 'caller', Description: '' }] } })).toEqual([]);
    expect(responseProblems(model, { RequestId: 'r', TotalCount: '1', Apps: { AppItem: [{ AppId: '12345678901234', Colour: 'red' }] }, Extra: true })).toEqual([
      'TotalCount: the model declares a number, got the string "1"',
      'Apps.AppItem[0].AppId: the model declares a number, got the string "12345678901234"',
      'Apps.AppItem[0].Colour: DescribeAppsResponseBodyAppsAppItem declares no Colour',
      'Extra: DescribeAppsResponseBody declares no Extra',
    ]);
    expect(responseProblems(model, { RequestId: 'r', Apps: [{ AppId: 1 }] })).toEqual(['Apps: the model declares an object (DescribeAppsResponseBodyApps), got a list']);
  });
});
