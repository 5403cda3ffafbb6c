import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem } from '../test-fixtures';
import { isCorsOrigin, isIpOrCidr } from './plugins';

describe('plug-in settings', () => {
  it('refuses an IP block that is not an address or CIDR, naming it', () => {
    const project = makeProject();
    const plugin = project.plugins[0];
    if (plugin.type !== 'ipControl') throw new Error('fixture changed');
    plugin.ipControl.items[0].blocks[1] = '10.0.0.300';
    expect(onlyProblem(project)).toMatchObject({
      path: ['plugins', 0, 'ipControl', 'items', 0, 'blocks', 1],
      message: expect.stringContaining('IP block `10.0.0.300` of plug-in `demo_office_only` is not an IPv4/IPv6 address or CIDR block'),
    });
  });

  it('takes dotted IPv4, IPv6 and CIDR, and refuses the loose forms ipaddr.js also parses', () => {
    for (const ok of ['1.2.3.4', '10.0.0.0/8', '::1', 'fe80::/10', '0.0.0.0/0']) expect(isIpOrCidr(ok)).toBe(true);
    for (const bad of ['1', '0x7f.1', '10.0.0.0/33', '::1/129', '10.0.0.0/', 'a.b.c.d']) expect(isIpOrCidr(bad)).toBe(false);
  });

  it('refuses a CORS origin that is not *, an origin or a wildcard origin', () => {
    const project = makeProject();
    const plugin = project.plugins[1];
    if (plugin.type !== 'cors') throw new Error('fixture changed');
    plugin.cors.allowOrigins = ['https://a.com/x'];
    expect(onlyProblem(project)).toMatchObject({ path: ['plugins', 1, 'cors', 'allowOrigins', 0], message: expect.stringContaining('Allowed origin `https://a.com/x` of plug-in `demo_web_cors` is not valid') });
  });

  it('knows the CORS origin forms', () => {
    for (const ok of ['*', 'https://a.com', 'https://a.com:8443', 'https://*.foo.com', 'http://localhost:3000', '*.foo.com', 'a.com']) expect(isCorsOrigin(ok)).toBe(true);
    for (const bad of ['https://a.com/', 'https://a.com:0', 'ftp://a.com', 'https://a.*.com', 'a com']) expect(isCorsOrigin(bad)).toBe(false);
  });
});
