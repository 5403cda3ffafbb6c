// Every screen has an address that names it again after a reload; the launch token's fragment
// is not mistaken for a screen, and a route and the token can share one fragment.
import { describe, expect, it } from 'vitest';
import { type Route, hashOf, routeOf, splitFragment } from './routes';

const ROUTES: Route[] = [
  { area: 'apis' },
  { area: 'apis', selection: { kind: 'api', group: 'users_service', api: 'get user/1?' } },
  { area: 'groups', selection: { kind: 'group', group: 'orders' } },
  { area: 'stages', selection: { kind: 'group', group: 'orders' } },
  { area: 'stages', selection: { kind: 'deployment', group: 'orders', api: 'list', stage: 'PRE' } },
  { area: 'throttling', selection: { kind: 'throttlingPolicy', name: 'slow' } },
  { area: 'apps', selection: { kind: 'app', name: 'authorization' } },
  { area: 'apps', selection: { kind: 'authorization', index: 3 } },
  { area: 'plugins', selection: { kind: 'plugin', name: 'cors#1' } },
  { area: 'local-gateway' },
  { area: 'cloud', selection: { kind: 'cloudView', view: 'history' } },
  { area: 'instances', selection: { kind: 'instance', instanceId: 'apigateway-cn-abc' } },
  { area: 'instances', selection: { kind: 'purchase' } },
  { area: 'settings', selection: { kind: 'project' } },
];

describe('routes', () => {
  it('reads back every area and selection it writes', () => {
    for (const route of ROUTES) expect(routeOf(hashOf(route)), hashOf(route)).toEqual(route);
  });

  it('writes readable addresses', () => {
    expect(hashOf({ area: 'apis', selection: { kind: 'api', group: 'users', api: 'get_user' } })).toBe('#/apis/users/get_user');
    expect(hashOf({ area: 'stages', selection: { kind: 'deployment', group: 'g', api: 'a', stage: 'TEST' } })).toBe('#/stages/g/a/TEST');
    // Sync is the Cloud area's first view: it needs no segment.
    expect(hashOf({ area: 'cloud', selection: { kind: 'cloudView', view: 'sync' } })).toBe('#/cloud');
  });

  it('leaves out a selection that does not belong to the area', () => {
    expect(hashOf({ area: 'settings', selection: { kind: 'api', group: 'g', api: 'a' } })).toBe('#/settings');
  });

  it('names no screen for the launch URL, an empty or unknown fragment', () => {
    for (const hash of ['', '#', '#token=abc', '#/nowhere', '#/apis/%E0%A4%A']) expect(routeOf(hash), hash).toBeUndefined();
  });

  it('keeps only what it knows of a damaged address', () => {
    expect(routeOf('#/stages/g/a/PROD')).toEqual({ area: 'stages' });
    expect(routeOf('#/apps/authorization/x')).toEqual({ area: 'apps' });
  });

  it('shares a fragment with the launch token', () => {
    expect(routeOf('#/apis/g/a?token=abc')).toEqual({ area: 'apis', selection: { kind: 'api', group: 'g', api: 'a' } });
    expect(splitFragment('#/apis/g/a?token=abc')).toMatchObject({ path: '/apis/g/a' });
    expect(splitFragment('#/apis/g/a?token=abc').params.get('token')).toBe('abc');
    expect(splitFragment('#token=abc')).toMatchObject({ path: '' });
    expect(splitFragment('#token=abc').params.get('token')).toBe('abc');
  });
});
