import { describe, expect, it } from 'vitest';
import { CLEARTEXT_ENDPOINT_MESSAGE, endpointName, endpointProblem, sameEndpoint } from './cloud-endpoint';

describe('endpointProblem', () => {
  it('accepts https:// anywhere and http:// to this computer only (an offline cloud, an emulator)', () => {
    for (const ok of ['https://apigateway.cn-hangzhou.aliyuncs.com', 'https://proxy.example.com:8443/openapi', 'http://127.0.0.1:9100', 'http://127.0.0.1', 'http://127.255.3.4:1/', 'http://localhost:9100', 'http://[::1]:9100']) {
      expect(endpointProblem(ok), ok).toBeUndefined();
    }
  });

  it('refuses http:// to any other host, however it is dressed up as loopback', () => {
    for (const refused of [
      'http://example.com',
      'http://10.0.0.5:9100',
      'http://127.0.0.1.attacker.example',
      'http://localhost.attacker.example:9100',
      'http://127.0.0.1@attacker.example',
      'http://127.0.0.1:9100@attacker.example/',
      'http://127.0.0.1\\@attacker.example',
      'http://127.0.0.256',
      'http://[::2]:9100',
    ]) {
      expect(endpointProblem(refused), refused).toBe(CLEARTEXT_ENDPOINT_MESSAGE);
    }
  });

  it('refuses other schemes', () => {
    expect(endpointProblem('ftp://example.com')).toMatch(/starting with https:\/\//);
    expect(endpointProblem('HTTP://127.0.0.1')).toMatch(/starting with https:\/\//);
  });
});

describe('sameEndpoint', () => {
  it('ignores only trailing slashes (the client drops them); none and empty are Alibaba Cloud', () => {
    expect(sameEndpoint('http://127.0.0.1:9100', 'http://127.0.0.1:9100/')).toBe(true);
    expect(sameEndpoint(undefined, '')).toBe(true);
    expect(sameEndpoint(undefined, 'https://apigateway.cn-hangzhou.aliyuncs.com')).toBe(false);
    expect(sameEndpoint('http://127.0.0.1:9100', 'http://127.0.0.1:9101')).toBe(false);
    expect(sameEndpoint('https://proxy.example.com', 'https://proxy.example.com.attacker.example')).toBe(false);
  });

  it('names an absent endpoint', () => {
    expect(endpointName(undefined)).toBe("Alibaba Cloud's own endpoint");
    expect(endpointName('http://127.0.0.1:1/')).toBe('http://127.0.0.1:1');
  });
});
