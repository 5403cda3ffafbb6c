import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl, originOf } from './app-origin';
import { isSafeExternalUrl } from './security';

describe('app origin', () => {
  it('is exactly app://studio', () => {
    expect(originOf('app://studio/index.html#/apis')).toBe('app://studio');
    for (const url of ['app://studio/', 'app://studio/assets/x.js?v=1']) expect(isAppUrl(url), url).toBe(true);
    for (const url of ['app://studio.evil/', 'app://evil/studio', 'app://studio:1/', 'app://user@studio/', 'https://studio/', 'file:///studio', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('gives other URLs their own origin, and none where the origin is opaque (file:, data:, javascript:)', () => {
    expect(APP_START_URL).toBe('app://studio/index.html');
    expect(originOf('https://console.example:8443/path?q=1')).toBe('https://console.example:8443');
    expect(originOf('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    for (const url of ['file:///studio/index.html', 'data:text/html,<p>x</p>', 'javascript:alert(1)', 'about:blank']) expect(originOf(url), url).toBeUndefined();
  });

  it('opens only https links without credentials outside the app', () => {
    expect(isSafeExternalUrl('https://www.alibabacloud.com/help')).toBe(true);
    for (const url of ['http://example.com/', 'https://user:pw@evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
