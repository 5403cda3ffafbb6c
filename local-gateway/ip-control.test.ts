import { describe, expect, it } from 'vitest';
import { PROJECT_FORMAT, Project, type IpControlConfig } from '../shared/model/schema';
import type { AuthenticatedApp } from './auth';
import { localAppId } from './app-id';
import { createIpControl } from './ip-control';

const REF = { group: 'shop', api: 'items', stage: 'RELEASE' } as const;
const WEB: AuthenticatedApp = { name: 'web', appKey: 'webKey', appId: localAppId('web') };
const MOBILE: AuthenticatedApp = { name: 'mobile', appKey: 'mobileKey', appId: localAppId('mobile') };

function control(...configs: IpControlConfig[]) {
  return createIpControl(
    Project.parse({
      format: PROJECT_FORMAT,
      name: 'ip-test',
      plugins: configs.map((ipControl, i) => ({ name: `ip${i}`, type: 'ipControl', ipControl, bindings: [REF] })),
    }),
  );
}

describe('ALLOW', () => {
  const allow = control({ type: 'ALLOW', items: [{ blocks: ['127.0.0.0/8', '10.1.2.3', '2001:db8::/32'] }] });

  it('lets listed IPv4 blocks and addresses call', () => {
    expect(allow.check(REF, '127.0.0.1')).toBeUndefined();
    expect(allow.check(REF, '10.1.2.3', WEB)).toBeUndefined();
  });

  it('A403IP: refuses everything else, naming the client IP', () => {
    expect(allow.check(REF, '10.1.2.4')).toEqual({ code: 'A403IP', status: 403, message: 'Access denied by IP Control `10.1.2.4`' });
  });

  it('matches IPv6 blocks, and IPv4-mapped IPv6 clients against IPv4 blocks', () => {
    expect(allow.check(REF, '2001:db8:1::42')).toBeUndefined();
    expect(allow.check(REF, '::ffff:127.0.0.1')).toBeUndefined();
    expect(allow.check(REF, '::ffff:192.168.0.1')?.code).toBe('A403IP');
    expect(allow.check(REF, '2001:db9::1')?.code).toBe('A403IP');
    expect(allow.check(REF, '::1')?.code).toBe('A403IP');
  });

  it('accepts IPv4-mapped IPv6 blocks for IPv4 clients', () => {
    const mapped = control({ type: 'ALLOW', items: [{ blocks: ['::ffff:192.168.0.0/120'] }] });
    expect(mapped.check(REF, '192.168.0.9')).toBeUndefined();
    expect(mapped.check(REF, '192.168.1.9')?.code).toBe('A403IP');
  });

  it('refuses a client address that is not an IP at all', () => {
    expect(allow.check(REF, 'unknown')?.code).toBe('A403IP');
  });

  it('ignores the zone of a link-local client', () => {
    const local = control({ type: 'ALLOW', items: [{ blocks: ['fe80::/10'] }] });
    expect(local.check(REF, 'fe80::1%eth0')).toBeUndefined();
  });

  it('with an app: that app only from its blocks, other apps and anonymous calls unaffected', () => {
    const perApp = control({ type: 'ALLOW', items: [{ blocks: ['192.168.0.0/16'], app: 'web' }] });
    expect(perApp.check(REF, '192.168.3.4', WEB)).toBeUndefined();
    expect(perApp.check(REF, '8.8.8.8', WEB)?.code).toBe('A403IP');
    expect(perApp.check(REF, '8.8.8.8', MOBILE)).toBeUndefined();
    expect(perApp.check(REF, '8.8.8.8')).toBeUndefined();
  });

  it('an app item may name the app by its AppId', () => {
    const byId = control({ type: 'ALLOW', items: [{ blocks: ['192.168.0.0/16'], app: WEB.appId }] });
    expect(byId.check(REF, '8.8.8.8', WEB)?.code).toBe('A403IP');
  });

  it('general and app items add up for that app', () => {
    const both = control({ type: 'ALLOW', items: [{ blocks: ['10.0.0.0/8'] }, { blocks: ['192.168.0.0/16'], app: 'web' }] });
    expect(both.check(REF, '192.168.3.4', WEB)).toBeUndefined();
    expect(both.check(REF, '10.0.0.1', WEB)).toBeUndefined();
    expect(both.check(REF, '192.168.3.4', MOBILE)?.code).toBe('A403IP');
  });
});

describe('REFUSE', () => {
  it('A403IP: listed blocks are refused, others pass', () => {
    const refuse = control({ type: 'REFUSE', items: [{ blocks: ['203.0.113.0/24', '2001:db8::/32'] }] });
    expect(refuse.check(REF, '203.0.113.7')).toEqual({ code: 'A403IP', status: 403, message: 'Access denied by IP Control `203.0.113.7`' });
    expect(refuse.check(REF, '::ffff:203.0.113.7')?.code).toBe('A403IP');
    expect(refuse.check(REF, '2001:db8::5')?.code).toBe('A403IP');
    expect(refuse.check(REF, '198.51.100.1')).toBeUndefined();
  });

  it('per-app items only refuse that app', () => {
    const refuse = control({ type: 'REFUSE', items: [{ blocks: ['127.0.0.1'], app: 'web' }] });
    expect(refuse.check(REF, '127.0.0.1', WEB)?.code).toBe('A403IP');
    expect(refuse.check(REF, '127.0.0.1', MOBILE)).toBeUndefined();
    expect(refuse.check(REF, '127.0.0.1')).toBeUndefined();
  });
});

describe('bindings and configuration', () => {
  it('only applies to the bound API and stage; every bound plugin applies', () => {
    const two = control({ type: 'ALLOW', items: [{ blocks: ['10.0.0.0/8'] }] }, { type: 'REFUSE', items: [{ blocks: ['10.0.0.1'] }] });
    expect(two.check(REF, '10.0.0.2')).toBeUndefined();
    expect(two.check(REF, '10.0.0.1')?.code).toBe('A403IP');
    expect(two.check({ ...REF, stage: 'TEST' }, '8.8.8.8')).toBeUndefined();
  });

  it('a block that is not an address says which plugin and block to fix', () => {
    expect(() => control({ type: 'ALLOW', items: [{ blocks: ['10.0.0.0/33'] }] })).toThrow(
      'IP control plugin "ip0": "10.0.0.0/33" is not an IPv4/IPv6 address or CIDR block',
    );
  });
});
