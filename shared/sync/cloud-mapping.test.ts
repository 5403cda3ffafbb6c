import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Api, Project } from '../model/schema';
import { makeMockApi } from '../model/test-fixtures';
import { validateProject } from '../model/validate';
import {
  type AppIds,
  apiFromCloud,
  apiToParams,
  apiToSendParams,
  appFromCloud,
  appToParams,
  authorizationFromCloud,
  authorizationToParams,
  describeApiShape,
  groupFromCloud,
  groupToParams,
  pluginFromCloud,
  pluginToParams,
  policyFromCloud,
  policyToParams,
  specialsToCloud,
  stageIdsFromCloud,
  stageVariablesFromCloud,
} from './cloud-mapping';

function example(name: string): Project {
  const { project, problems } = validateProject(parse(readFileSync(new URL(`../../examples/${name}.apigw.yaml`, import.meta.url), 'utf8')));
  if (!project || problems.length > 0) throw new Error(`examples/${name} does not validate`);
  return project;
}

const examples = { quickstart: example('quickstart'), petstore: example('petstore') };

/** App names ↔ made-up AppIds, as a synced project would know them. */
function appIds(project: Project): AppIds {
  const ids = new Map(project.apps.map((app, index) => [app.name, String(110840611 + index)]));
  return { idOf: (name) => ids.get(name), nameOf: (id) => [...ids].find(([, value]) => value === id)?.[0] };
}

/** Every API of the project: working copies and every deployed snapshot. */
function everyApi(project: Project): Api[] {
  return [...project.apis, ...project.deployments.flatMap((deployment) => deployment.history.flatMap((record) => (record.definition ? [record.definition] : [])))];
}

describe.each(Object.entries(examples))('examples/%s', (_, project) => {
  it('every API survives design → CreateApi parameters → DescribeApi answer → design unchanged', () => {
    for (const api of everyApi(project)) {
      const params = apiToParams(api);
      // What the cloud would answer, after a trip through JSON as on the wire.
      const answer = JSON.parse(JSON.stringify(describeApiShape(params, { ApiId: 'a'.repeat(32), GroupId: 'g'.repeat(32) })));
      const back = apiFromCloud(answer, { group: api.group });
      expect(back.unsupported, api.name).toEqual([]);
      expect(back.api, `${api.group}/${api.name}`).toEqual(api);
    }
  });

  it('groups, apps, throttling policies, plug-ins and authorizations survive the trip', () => {
    const apps = appIds(project);
    for (const group of project.groups) {
      expect(groupFromCloud(wire(groupToParams(group)))).toEqual({ ...group, stageVariables: {} });
    }
    for (const app of project.apps) expect(appFromCloud(wire(appToParams(app)))).toEqual(app);
    for (const policy of project.throttlingPolicies) {
      const specials = specialsToCloud(policy, apps);
      const byType = ['APP', 'USER'].map((type) => ({ SpecialType: type, Specials: { Special: specials.filter((s) => s.SpecialType === type) } }));
      const item = wire({ ...policyToParams(policy), SpecialPolicies: { SpecialPolicy: byType.filter((g) => g.Specials.Special.length > 0) } });
      expect(policyFromCloud(item, apps)).toEqual({ ...policy, bindings: [] });
    }
    for (const plugin of project.plugins) {
      expect(pluginFromCloud(wire(pluginToParams(plugin, apps)), apps)).toEqual({ plugin: { ...plugin, bindings: [] } });
    }
    for (const authorization of project.authorizations) {
      const sent = authorizationToParams(authorization);
      // DescribeAuthorizedApis answers with the misspelt AuthVaildTime.
      const item = wire({ StageName: sent.StageName, AuthVaildTime: sent.AuthValidTime, Description: sent.Description });
      expect(authorizationFromCloud(item, authorization)).toEqual(authorization);
    }
  });
});

function wire<T>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

describe('reading answers the design did not write', () => {
  it('takes lists as plain arrays, wrapped or JSON text, keys in any case, and HEADER for HEAD', () => {
    const { api } = apiFromCloud(
      {
        ApiName: 'ping_it',
        AuthType: 'ANONYMOUS',
        RequestConfig: JSON.stringify({ requestProtocol: 'HTTP', requestHttpMethod: 'HEADER', requestPath: '/ping', requestMode: 'MAPPING' }),
        ServiceConfig: { ServiceProtocol: 'HTTP', Mock: 'TRUE', MockResult: 'ok', MockStatusCode: '204', MockHeaders: [{ HeaderName: 'X-A', HeaderValue: '1' }] },
        RequestParameters: JSON.stringify([{ ApiParameterName: 'n', Location: 'QUERY', ParameterType: 'Int', Required: 'OPTIONAL', DefaultValue: '5' }]),
        ServiceParameters: { ServiceParameter: [{ ServiceParameterName: 'n', Location: 'QUERY', ParameterType: 'NUMBER' }] },
        ServiceParametersMap: { ServiceParameterMap: [{ RequestParameterName: 'n', ServiceParameterName: 'n' }] },
      },
      { group: 'tools' },
    );
    expect(api.request).toEqual({ protocols: ['HTTP'], method: 'HEAD', path: '/ping', mode: 'MAPPING' });
    expect(api.backend).toEqual({ type: 'MOCK', statusCode: 204, body: 'ok', headers: [{ name: 'X-A', value: '1' }] });
    expect(api.parameters).toEqual([{ name: 'n', location: 'QUERY', type: 'Int', required: false, default: 5 }]);
    // "same name, same place" is the design's default: no serviceParameters entry.
    expect(api.serviceParameters).toEqual([]);
  });

  it('names what the design cannot express instead of dropping it silently', () => {
    const { unsupported } = apiFromCloud(
      {
        ApiName: 'fc_api',
        AuthType: 'APPOPENID',
        RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/fc', RequestMode: 'MAPPING' },
        ServiceConfig: { ServiceProtocol: 'FunctionCompute', ServiceVpcEnable: 'FALSE', Mock: 'FALSE' },
        SystemParameters: [{ ParameterName: 'CaSomethingNew', ServiceParameterName: 'x', Location: 'HEAD' }],
      },
      { group: 'tools' },
    );
    expect(unsupported).toEqual(['a FunctionCompute backend', 'system parameter CaSomethingNew', 'auth type APPOPENID']);
    expect(pluginFromCloud({ PluginName: 'jwt_check', PluginType: 'jwtAuth', PluginData: '{}' }, { idOf: () => undefined, nameOf: () => undefined })).toEqual({
      unsupported: 'plug-ins of type jwtAuth are not in the design model',
    });
  });

  it('reads YAML plug-in data as the console writes it, and stage ids and variables', () => {
    const none: AppIds = { idOf: () => undefined, nameOf: () => undefined };
    const yaml = 'allowOrigins: https://a.example,https://b.example\nallowMethods: GET\nallowCredentials: true\nmaxAge: 60\n';
    expect(pluginFromCloud({ PluginName: 'web_cors', PluginType: 'cors', PluginData: yaml }, none).plugin).toMatchObject({
      cors: { allowOrigins: ['https://a.example', 'https://b.example'], allowMethods: ['GET'], allowHeaders: [], allowCredentials: true, maxAge: 60 },
    });
    expect(stageIdsFromCloud({ StageItems: { StageInfo: [{ StageId: 's1', StageName: 'RELEASE' }, { StageId: 's2', StageName: 'TEST' }] } })).toEqual({ RELEASE: 's1', TEST: 's2' });
    expect(stageVariablesFromCloud({ Variables: { VariableItem: [{ VariableName: 'port', VariableValue: '8080' }] } })).toEqual({ port: '8080' });
  });
});

describe('API visibility and methods', () => {
  const api = () => makeMockApi('visible_api', '/visible', 'shop');

  it('sends Visibility as the design says: PRIVATE by default, PUBLIC when chosen', () => {
    expect(apiToParams(api()).Visibility).toBe('PRIVATE');
    expect(apiToParams({ ...api(), visibility: 'PUBLIC' }).Visibility).toBe('PUBLIC');
  });

  it('reads Visibility back from DescribeApi (an answer without it is PRIVATE)', () => {
    const answer = (visibility?: string) => wire({ ...describeApiShape(apiToParams(api())), Visibility: visibility });
    expect(apiFromCloud(answer('PUBLIC'), { group: 'g' }).api.visibility).toBe('PUBLIC');
    expect(apiFromCloud(answer('PRIVATE'), { group: 'g' }).api.visibility).toBe('PRIVATE');
    expect(apiFromCloud(answer(undefined), { group: 'g' }).api.visibility).toBe('PRIVATE');
  });

  it('sends HEAD as HEADER, the cloud\'s spelling, for the request and the backend', () => {
    const head: Api = { ...api(), request: { ...api().request, method: 'HEAD' }, backend: { type: 'HTTP', address: 'http://127.0.0.1:8080', path: '/x', method: 'HEAD', timeout: 1000, contentType: { category: 'CLIENT' } } };
    const params = apiToSendParams(head);
    expect(params.RequestConfig.RequestHttpMethod).toBe('HEADER');
    expect(params.ServiceConfig.ServiceHttpMethod).toBe('HEADER');
  });

  it('refuses to send a request method of ANY, and sends a backend ANY as it is', () => {
    const any: Api = { ...api(), request: { ...api().request, method: 'ANY' } };
    expect(() => apiToSendParams(any)).toThrow(
      'not sending API shop/visible_api has request method ANY, which only the local gateway serves: Alibaba Cloud takes one method per API (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS); choose one in the design to sync it',
    );
    const backendAny: Api = { ...api(), backend: { type: 'HTTP', address: 'http://127.0.0.1:8080', path: '/x', method: 'ANY', timeout: 1000, contentType: { category: 'CLIENT' } } };
    expect(apiToSendParams(backendAny).ServiceConfig.ServiceHttpMethod).toBe('ANY');
  });
});
